package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.openplaza.portal.layout.Cards;
import org.openplaza.portal.layout.Formats;
import org.openplaza.portal.layout.Titles;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.springframework.security.core.context.SecurityContextHolder;

/** Every vote: open now (with turnout only), coming, closed with their outcome, and cancelled. */
@Route("votes")
@AnonymousAllowed
public class VotesView extends VerticalLayout implements HasDynamicTitle {

    public VotesView(VoteService votes) {
        setMaxWidth("1000px");
        add(new H1(getTranslation("votes.title")));
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_OFFICIAL".equals(a.getAuthority()))) {
            Button open = new Button(
                    getTranslation("votes.open-new"),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(VoteEditorView.class)));
            open.setId("votes-new");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(open);
        }
        for (VoteInfo.State state : VoteInfo.State.values()) {
            List<VoteInfo> list = votes.list(state, 100);
            if (list.isEmpty() && state != VoteInfo.State.OPEN) {
                continue;
            }
            H2 heading = new H2(getTranslation("votes.state." + state.name()));
            heading.setId("votes-heading-" + state.name().toLowerCase(java.util.Locale.ROOT));
            add(heading);
            if (list.isEmpty()) {
                add(new Paragraph(getTranslation("votes.none-open")));
                continue;
            }
            Cards<VoteInfo> cards = new Cards<>(
                    "votes-" + state.name().toLowerCase(java.util.Locale.ROOT),
                    heading.getId().orElseThrow(),
                    vote -> Cards.card("vote/" + vote.id(), vote.question(), null, facts(state, vote)));
            cards.show(list);
            add(cards);
        }
    }

    private List<String> facts(VoteInfo.State state, VoteInfo vote) {
        List<String> facts = new java.util.ArrayList<>();
        facts.add(getTranslation("vote.method." + vote.method().name()));
        switch (state) {
            case UPCOMING -> facts.add(getTranslation("votes.opens", Formats.dateTime(vote.opensAt(), getLocale())));
            case OPEN -> {
                facts.add(getTranslation("votes.closes", Formats.dateTime(vote.closesAt(), getLocale())));
                facts.add(getTranslation("vote.turnout", vote.turnout()));
            }
            case CLOSED -> {
                facts.add(getTranslation("vote.turnout", vote.turnout()));
                if (vote.carried() != null) {
                    facts.add(getTranslation(vote.carried() ? "results.carried" : "results.not-carried"));
                }
            }
            case CANCELLED -> facts.add(getTranslation("votes.cancelled-reason", vote.cancelReason()));
        }
        return facts;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "votes.title");
    }
}
