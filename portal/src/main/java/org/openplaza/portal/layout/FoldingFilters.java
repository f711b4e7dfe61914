package org.openplaza.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A button that folds a panel of filters away on a phone, where it would otherwise push the first
 * result a screen down; on a wider screen the panel is always shown and the button is not.
 * The button says how many filters are chosen, and tells screen readers whether the panel is open.
 */
public final class FoldingFilters {

    private FoldingFilters() {}

    /** A search row with its filters, and the button that folds them. */
    public record Folded(com.vaadin.flow.component.html.Div box, Button toggle) {}

    /**
     * A search row (the words and the button) above a wrapping row of filters that folds away on
     * a phone.
     */
    public static Folded searchAndFilters(Component words, String filtersId, Component... filters) {
        com.vaadin.flow.component.orderedlayout.HorizontalLayout more =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(filters);
        more.setId(filtersId);
        more.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        more.getStyle().set("flex-wrap", "wrap");
        Button toggle = toggle(more, filtersId + "-toggle", 0);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout search =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(words, toggle);
        search.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        search.getStyle().set("flex-wrap", "wrap");
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(search, more);
        box.setWidthFull();
        return new Folded(box, toggle);
    }

    /** The button that shows and hides the panel on a phone; {@code chosen} filters are in use. */
    public static Button toggle(Component panel, String id, int chosen) {
        String panelId = panel.getId().orElseThrow(() -> new IllegalArgumentException("the panel needs an id"));
        panel.addClassName("foldable");
        Button toggle = new Button(label(panel, chosen), VaadinIcon.FILTER.create());
        toggle.setId(id);
        toggle.addClassName("fold-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        toggle.getElement().setAttribute("aria-controls", panelId);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(e -> {
            boolean open = !panel.hasClassName("unfolded");
            panel.setClassName("unfolded", open);
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        });
        return toggle;
    }

    /** Keeps the button's count of chosen filters up to date. */
    public static void chosen(Button toggle, Component panel, int chosen) {
        toggle.setText(label(panel, chosen));
    }

    private static String label(Component panel, int chosen) {
        return chosen == 0
                ? panel.getTranslation("filters.toggle")
                : panel.getTranslation("filters.toggle-chosen", chosen);
    }
}
