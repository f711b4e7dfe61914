package org.openplaza.portal.proposals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.openplaza.proposals.Answer;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;

/**
 * What an official of the proposing organisation does next with a proposal: answer a qualified
 * citizen proposal, open a vote on a scheduled one or record its result by hand (only while no
 * vote on it stands), and post implementation updates. Empty, and hidden, for anybody else.
 */
class OfficialActions extends HorizontalLayout {

    private final ProposalService proposals;
    private final Runnable reload;

    OfficialActions(ProposalService proposals, Proposal p, List<org.openplaza.voting.VoteInfo> held, Runnable reload) {
        this.proposals = proposals;
        this.reload = reload;
        setId("proposal-official");
        offer(p, held);
        setVisible(getComponentCount() > 0);
    }

    private void offer(Proposal p, List<org.openplaza.voting.VoteInfo> held) {
        if (!ProposalRoles.hasRole("OFFICIAL") || p.hidden() || !proposals.mayActFor(p.id())) {
            return; // officials act on government proposals of their own organisations only
        }
        // a new vote, or a result recorded by hand, only when no vote on it stands
        boolean noVote = held.stream().allMatch(v -> v.state() == org.openplaza.voting.VoteInfo.State.CANCELLED);
        if (p.status() == ProposalStatus.QUALIFIED) {
            Button answer = new Button(getTranslation("proposal.answer"), e -> openAnswer(p));
            answer.setId("proposal-answer");
            answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(answer);
        }
        if (p.status() == ProposalStatus.SCHEDULED && noVote) {
            Button vote = new Button(
                    getTranslation("proposal.open-vote"),
                    e -> getUI().ifPresent(ui -> ui.navigate(
                            "votes/new",
                            com.vaadin.flow.router.QueryParameters.of("proposal", String.valueOf(p.id())))));
            vote.setId("proposal-open-vote");
            vote.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(vote);
        }
        if (p.status() == ProposalStatus.SCHEDULED && noVote) {
            Button result = new Button(getTranslation("proposal.result"), e -> openResult(p));
            result.setId("proposal-result");
            add(result);
        }
        if (p.status().implementing()) {
            Button update = new Button(getTranslation("proposal.update"), e -> openUpdate(p));
            update.setId("proposal-post-update");
            add(update);
        }
    }

    private void openAnswer(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.answer"));
        RadioButtonGroup<Answer> choice = new RadioButtonGroup<>(getTranslation("proposal.answer.choice"));
        choice.setId("proposal-answer-choice");
        choice.setItems(Answer.values());
        choice.setItemLabelGenerator(a -> getTranslation("proposal.answer." + a.name()));
        choice.setValue(Answer.SCHEDULE_VOTE);
        TextArea reason = new TextArea(getTranslation("proposal.answer.reason"));
        reason.setId("proposal-answer-reason");
        reason.setHelperText(getTranslation("proposal.answer.reason.help"));
        reason.setWidth("32em");
        reason.setMaxLength(4000);
        dialog.add(new VerticalLayout(choice, reason));
        Button send = new Button(getTranslation("proposal.answer.send"), e -> {
            try {
                proposals.answer(p.id(), choice.getValue(), reason.getValue());
                dialog.close();
                reload.run();
            } catch (ProposalException ex) {
                reason.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                reason.setInvalid(true);
            }
        });
        send.setId("proposal-answer-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private void openResult(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.result"));
        RadioButtonGroup<Boolean> adopted = new RadioButtonGroup<>(getTranslation("proposal.result.choice"));
        adopted.setId("proposal-result-choice");
        adopted.setItems(true, false);
        adopted.setItemLabelGenerator(a -> getTranslation(a ? "proposal.status.ADOPTED" : "proposal.status.REJECTED"));
        adopted.setValue(true);
        TextArea note = new TextArea(getTranslation("proposal.result.note"));
        note.setId("proposal-result-note");
        note.setWidth("32em");
        dialog.add(new VerticalLayout(adopted, note));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                proposals.recordResult(p.id(), adopted.getValue(), note.getValue());
                dialog.close();
                reload.run();
            } catch (ProposalException ex) {
                note.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                note.setInvalid(true);
            }
        });
        save.setId("proposal-result-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openUpdate(Proposal p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("proposal.update"));
        TextArea body = new TextArea(getTranslation("proposal.update.body"));
        body.setId("proposal-update-body");
        body.setWidth("32em");
        body.setMaxLength(5000);
        Checkbox done = new Checkbox(getTranslation("proposal.update.done"));
        done.setId("proposal-update-done");
        dialog.add(new VerticalLayout(body, done));
        Button save = new Button(getTranslation("proposal.update.post"), e -> {
            try {
                proposals.postUpdate(p.id(), body.getValue(), done.getValue());
                dialog.close();
                reload.run();
            } catch (ProposalException ex) {
                body.setErrorMessage(
                        getTranslation(ex.messageKey(), ex.arguments().toArray()));
                body.setInvalid(true);
            }
        });
        save.setId("proposal-update-post");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
