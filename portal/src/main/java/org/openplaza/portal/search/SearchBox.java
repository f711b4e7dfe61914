package org.openplaza.portal.search;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;

/**
 * The portal's search box: suggestions from datasets, charts, proposals and votes appear as the
 * user types (a combo box, so screen readers and keyboards know the list); choosing one opens
 * it, and Enter on the words typed (or the button beside the box) opens the search page with
 * them.
 */
public class SearchBox extends ComboBox<PortalSearch.Item> {

    /** How many of each kind the suggestions show. */
    static final int EACH = 3;

    public SearchBox(PortalSearch search, String id) {
        setId(id);
        addClassName("search-box");
        setLabel(getTranslation("search.box"));
        setPlaceholder(getTranslation("search.box.placeholder"));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setAllowCustomValue(true);
        setClearButtonVisible(true);
        setWidthFull();
        setItemLabelGenerator(item -> item.title() + " · "
                + getTranslation("search.kind." + item.kind().name()));
        setItems(query -> suggestions(search, query.getFilter().orElse("")).stream()
                .skip(query.getOffset())
                .limit(query.getLimit()));
        addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(e.getValue().href()));
        });
        // Enter searches for the words typed, unless it chooses a suggestion the arrow keys
        // highlighted; leaving the box with words in it does not (the combo box would commit them
        // as a custom value on blur)
        getElement()
                .addEventListener("keydown", e -> searchFor(e.getEventData().getString(TYPED)))
                .setFilter("event.key === 'Enter' && !(element.opened && element._focusedIndex >= 0)")
                .addEventData(TYPED);
    }

    private static final String TYPED = "event.target.value";

    /** What the box offers for the words typed: the best of each kind; nothing under two letters. */
    List<PortalSearch.Item> suggestions(PortalSearch search, String typed) {
        return search.suggest(typed.strip(), EACH, getLocale().getLanguage());
    }

    /**
     * The box with a button that searches for the words typed, for those who do not press Enter
     * (a phone's keyboard names its key differently, a mouse has none).
     */
    public Div withButton() {
        Button go = new Button(getTranslation("search.go"), VaadinIcon.SEARCH.create());
        go.setId(getId().orElse("search") + "-go");
        go.addClickListener(e -> getElement()
                .executeJs("return this.inputElement ? this.inputElement.value : ''")
                .then(String.class, this::searchFor));
        Div bar = new Div(this, go);
        bar.addClassName("search-bar");
        return bar;
    }

    /** Opens the search page for these words. */
    void searchFor(String words) {
        if (!words.isBlank()) {
            getUI().ifPresent(ui -> ui.navigate("search", QueryParameters.simple(Map.of("q", words.strip()))));
        }
    }
}
