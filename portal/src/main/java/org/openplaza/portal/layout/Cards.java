package org.openplaza.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A list shown as cards: each item's title in full, its summary and a line of facts, wrapping on
 * any width instead of being clipped in a table's columns. A page of cards comes first; "Show
 * more" adds the next and moves the focus to the first card it added.
 *
 * @param <T> what each card shows
 */
public class Cards<T> extends Div {

    /** How many cards a page adds. */
    public static final int PAGE = 24;

    private final UnorderedList list = new UnorderedList();
    private final Button more = new Button();
    private final Function<T, Component> card;
    private BiFunction<Integer, Integer, List<T>> fetch = (offset, limit) -> List.of();
    private int total;
    private int shown;

    public Cards(String id, String labelledBy, Function<T, Component> card) {
        this.card = card;
        addClassName("cards-box");
        list.setId(id);
        list.addClassName("cards");
        if (labelledBy != null) {
            list.getElement().setAttribute("aria-labelledby", labelledBy);
        }
        more.setText(getTranslation("cards.more"));
        more.setId(id + "-more");
        more.addClickListener(e -> showMore());
        add(list, more);
    }

    /** Shows the first page of the items, out of {@code total}, fetched by offset and limit. */
    public void show(int total, BiFunction<Integer, Integer, List<T>> fetch) {
        this.total = total;
        this.fetch = fetch;
        list.removeAll();
        shown = 0;
        add(PAGE);
        setVisible(total > 0);
    }

    /** Shows these items, all of them. */
    public void show(List<T> items) {
        show(items.size(), (offset, limit) -> items.subList(offset, Math.min(items.size(), offset + limit)));
    }

    private void showMore() {
        int before = shown;
        add(PAGE);
        if (shown > before) {
            list.getChildren()
                    .skip(before)
                    .findFirst()
                    .ifPresent(first -> first.getElement()
                            .executeJs("const link = this.querySelector('a'); if (link) { link.focus(); }"));
        }
    }

    private void add(int count) {
        List<T> next = fetch.apply(shown, count);
        for (T item : next) {
            list.add(new ListItem(card.apply(item)));
        }
        shown += next.size();
        more.setVisible(shown < total && !next.isEmpty());
        more.setText(getTranslation("cards.more-count", Math.min(PAGE, total - shown), total - shown));
    }

    /**
     * One card: its title as a link (a heading of the page's second level), an optional summary,
     * the facts on one line, and whatever else is given (a progress bar, a picture).
     */
    public static Div card(String href, String title, @Nullable String summary, List<String> facts, Component... more) {
        Anchor link = new Anchor(href, title);
        H2 heading = new H2(link);
        heading.addClassName("card-title");
        Div card = new Div(heading);
        card.addClassName("card");
        if (summary != null && !summary.isBlank()) {
            Paragraph text = new Paragraph(summary);
            text.addClassName("card-summary");
            card.add(text);
        }
        List<String> shownFacts = facts.stream()
                .filter(Objects::nonNull)
                .filter(f -> !f.isBlank())
                .toList();
        if (!shownFacts.isEmpty()) {
            Span line = new Span(String.join(" · ", shownFacts));
            line.addClassName("card-facts");
            card.add(line);
        }
        card.add(more);
        return card;
    }

    /** A bar of how far a count has come toward its goal, named for screen readers by its text. */
    public static Div progress(String text, double done, double goal) {
        ProgressBar bar = new ProgressBar(0, 1, goal <= 0 ? 0 : Math.min(1, done / goal));
        bar.getElement().setAttribute("aria-label", text);
        Span label = new Span(text);
        label.addClassName("card-progress-label");
        Div box = new Div(bar, label);
        box.addClassName("card-progress");
        return box;
    }
}
