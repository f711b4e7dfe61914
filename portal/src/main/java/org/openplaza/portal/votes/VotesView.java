package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
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
            UnorderedList items = new UnorderedList();
            items.setId("votes-" + state.name().toLowerCase(java.util.Locale.ROOT));
            items.addClassName("link-list");
            items.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
            for (VoteInfo vote : list) {
                ListItem item = new ListItem();
                Anchor link = new Anchor("vote/" + vote.id(), vote.question());
                link.setId("vote-link-" + vote.id());
                Span details = new Span(" — "
                        + getTranslation("vote.method." + vote.method().name()) + " · "
                        + switch (state) {
                            case UPCOMING ->
                                getTranslation("votes.opens", Formats.dateTime(vote.opensAt(), getLocale()));
                            case OPEN ->
                                getTranslation("votes.closes", Formats.dateTime(vote.closesAt(), getLocale())) + " · "
                                        + getTranslation("vote.turnout", vote.turnout());
                            case CLOSED ->
                                getTranslation("vote.turnout", vote.turnout())
                                        + (vote.carried() == null
                                                ? ""
                                                : " · "
                                                        + getTranslation(
                                                                vote.carried()
                                                                        ? "results.carried"
                                                                        : "results.not-carried"));
                            case CANCELLED -> getTranslation("votes.cancelled-reason", vote.cancelReason());
                        });
                item.add(link, details);
                items.add(item);
            }
            add(items);
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "votes.title");
    }
}
