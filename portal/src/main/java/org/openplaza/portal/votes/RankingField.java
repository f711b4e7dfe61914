package org.openplaza.portal.votes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranking the options of a vote: add options to your ranking in order, then move them by dragging
 * or with the up and down buttons, which work from the keyboard and are named for screen readers;
 * each change is announced in a live region. Options left out are not ranked.
 */
class RankingField extends Div {

    private final List<String> options;
    private final List<Integer> ranked = new ArrayList<>();
    private final OrderedList rankedList = new OrderedList();
    private final UnorderedList unrankedList = new UnorderedList();
    private final Span announcer = new Span();

    RankingField(List<String> options) {
        this.options = options;
        setId("ranking");
        addClassName("ranking");
        H3 yours = new H3(getTranslation("vote.ranking.yours"));
        yours.setId("ranking-yours");
        H3 others = new H3(getTranslation("vote.ranking.unranked"));
        others.setId("ranking-unranked");
        rankedList.getElement().setAttribute("aria-labelledby", "ranking-yours");
        unrankedList.getElement().setAttribute("aria-labelledby", "ranking-unranked");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.addClassName("visually-hidden");
        announcer.setId("ranking-announcer");
        Span help = new Span(getTranslation("vote.ranking.help"));
        help.addClassName("hint");
        add(help, yours, rankedList, others, unrankedList, announcer);
        render();
    }

    /** The ranking, 1-based option numbers, most preferred first. */
    List<Integer> choices() {
        return ranked.stream().map(i -> i + 1).toList();
    }

    List<String> labels() {
        return ranked.stream().map(options::get).toList();
    }

    private void render() {
        rankedList.removeAll();
        unrankedList.removeAll();
        for (int place = 0; place < ranked.size(); place++) {
            rankedList.add(rankedRow(place));
        }
        for (int option = 0; option < options.size(); option++) {
            if (!ranked.contains(option)) {
                unrankedList.add(unrankedRow(option));
            }
        }
    }

    /** A ranked option: up, down and out of the ranking by buttons, or dragged to another place. */
    private ListItem rankedRow(int at) {
        int option = ranked.get(at);
        String label = options.get(option);
        ListItem row = new ListItem();
        row.setId("rank-item-" + (option + 1));
        row.addClassName("ranking-row");
        Span name = new Span(label);
        name.addClassName("ranking-label");
        Button up =
                icon(VaadinIcon.ARROW_UP, "vote.ranking.up", label, "rank-up-" + (option + 1), () -> move(at, at - 1));
        up.setEnabled(at > 0);
        Button down = icon(
                VaadinIcon.ARROW_DOWN, "vote.ranking.down", label, "rank-down-" + (option + 1), () -> move(at, at + 1));
        down.setEnabled(at < ranked.size() - 1);
        Button remove =
                icon(VaadinIcon.CLOSE_SMALL, "vote.ranking.remove", label, "rank-remove-" + (option + 1), () -> {
                    ranked.remove(at);
                    announce("vote.ranking.removed", label);
                    // on to the row that took its at, else back to where the option went
                    focusFirst(
                            at < ranked.size() ? "rank-remove-" + (ranked.get(at) + 1) : "",
                            "rank-add-" + (option + 1));
                });
        row.add(name, up, down, remove);
        DragSource<ListItem> drag = DragSource.create(row);
        drag.setDragData(at);
        DropTarget<ListItem> drop = DropTarget.create(row);
        drop.addDropListener(e -> e.getDragData().ifPresent(from -> move((Integer) from, at)));
        return row;
    }

    /** An option left out of the ranking, with a button that ranks it last. */
    private ListItem unrankedRow(int option) {
        String label = options.get(option);
        ListItem row = new ListItem();
        row.addClassName("ranking-row");
        Span name = new Span(label);
        name.addClassName("ranking-label");
        Button add = new Button(getTranslation("vote.ranking.add"), VaadinIcon.PLUS.create(), e -> {
            ranked.add(option);
            announce("vote.ranking.added", label, ranked.size());
            // the button is gone with its row: on to the next option left to add, else to the
            // option just ranked
            focusFirst(nextUnranked(option), previousUnranked(option), "rank-remove-" + (option + 1));
        });
        add.setId("rank-add-" + (option + 1));
        add.setAriaLabel(getTranslation("vote.ranking.add-named", label));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        row.add(name, add);
        return row;
    }

    private Button icon(VaadinIcon icon, String key, String label, String id, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(getTranslation(key, label));
        button.setTooltipText(getTranslation(key, label));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void move(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= ranked.size() || to >= ranked.size()) {
            return;
        }
        int option = ranked.remove(from);
        ranked.add(to, option);
        announce("vote.ranking.moved", options.get(option), to + 1);
        // keep the keyboard where it was: on the moved option's button in its new row, or, at the
        // top or the bottom where that button is off, on the other one
        String same = (to < from ? "rank-up-" : "rank-down-") + (option + 1);
        String other = (to < from ? "rank-down-" : "rank-up-") + (option + 1);
        focusFirst(same, other);
    }

    private String nextUnranked(int option) {
        for (int i = option + 1; i < options.size(); i++) {
            if (!ranked.contains(i)) {
                return "rank-add-" + (i + 1);
            }
        }
        return "";
    }

    private String previousUnranked(int option) {
        for (int i = option - 1; i >= 0; i--) {
            if (!ranked.contains(i)) {
                return "rank-add-" + (i + 1);
            }
        }
        return "";
    }

    /** Focuses the first of these buttons that exists and is enabled, once the rows are redrawn. */
    private void focusFirst(String... ids) {
        getElement()
                .executeJs(
                        "setTimeout(() => { for (const id of $0.split(',')) { const b = id && document.getElementById(id);"
                                + " if (b && !b.hasAttribute('disabled')) { b.focus(); return; } } }, 0)",
                        String.join(",", ids));
    }

    private void announce(String key, Object... arguments) {
        render();
        announcer.setText(getTranslation(key, arguments));
    }
}
