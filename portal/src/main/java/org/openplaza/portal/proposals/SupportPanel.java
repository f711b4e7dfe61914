package org.openplaza.portal.proposals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import org.openplaza.portal.layout.Formats;
import org.openplaza.proposals.Proposal;
import org.openplaza.proposals.ProposalException;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.SupportState;

/** A citizen proposal's supports against its threshold, the days left, and the support button. */
class SupportPanel extends VerticalLayout {

    private final ProposalService proposals;
    private final Clock clock;
    private final Runnable reload;

    SupportPanel(ProposalService proposals, Clock clock, Proposal p, Runnable reload) {
        this.proposals = proposals;
        this.clock = clock;
        this.reload = reload;
        setId("proposal-support");
        setPadding(false);
        show(p);
    }

    /** The progress bar of supports against the threshold, the days left, and the support button. */
    private void show(Proposal p) {
        VerticalLayout box = this;
        SupportState state = proposals.supportState(p.id());
        int threshold = Math.max(1, state.threshold());
        ProgressBar bar = new ProgressBar(0, threshold, Math.min(state.supports(), threshold));
        bar.setId("proposal-progress");
        String counts = getTranslation("proposal.supports", state.supports(), threshold);
        bar.getElement().setAttribute("aria-label", counts);
        Paragraph figures = new Paragraph(counts);
        figures.setId("proposal-supports");
        box.add(figures, bar);
        if (p.collecting(clock.instant()) && p.supportDeadline() != null) {
            long days = Math.max(
                    0, Duration.between(clock.instant(), p.supportDeadline()).toDays());
            Paragraph left = new Paragraph(
                    getTranslation("proposal.days-left", days, Formats.dateTime(p.supportDeadline(), getLocale())));
            left.setId("proposal-days-left");
            box.add(left);
        }
        if (p.collecting(clock.instant()) && !p.hidden()) {
            if (!ProposalRoles.signedIn()) {
                Anchor signIn = new Anchor("login", getTranslation("proposal.support.sign-in"));
                signIn.setId("proposal-support-sign-in");
                box.add(signIn);
            } else if (ProposalRoles.hasRole("CITIZEN")) {
                Button button =
                        new Button(getTranslation(state.supporting() ? "proposal.withdraw" : "proposal.support"), e -> {
                            try {
                                SupportState after =
                                        state.supporting() ? proposals.withdraw(p.id()) : proposals.support(p.id());
                                if (after.supporting() && !after.counted()) {
                                    Notification.show(getTranslation("proposal.support.unverified"));
                                }
                                reload.run();
                            } catch (ProposalException ex) {
                                error(ex);
                            }
                        });
                button.setId(state.supporting() ? "proposal-withdraw" : "proposal-support-button");
                if (!state.supporting()) {
                    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                box.add(button);
                if (state.supporting()) {
                    Paragraph mine = new Paragraph(
                            getTranslation(state.counted() ? "proposal.support.yours" : "proposal.support.unverified"));
                    mine.setId("proposal-support-yours");
                    box.add(mine);
                }
            }
        }
    }

    private void error(ProposalException e) {
        Notification.show(getTranslation(e.messageKey(), e.arguments().toArray()))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
