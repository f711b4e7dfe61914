package org.openplaza.portal.layout;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The search box of list pages: labelled, clearable, searching as the user pauses typing. */
public final class SearchField {

    private SearchField() {}

    public static TextField create(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(field.getTranslation(labelKey));
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        return field;
    }

    /**
     * Lets a list's order follow its search words: when the words change while the order is the
     * usual one for the old words (newest, say), it becomes the usual one for the new words (best
     * match first). The order is set inside {@code quietly}, so that the view does not act on it
     * as on a reader's choice. Registered before the view's own listener on the words.
     */
    public static <S> void orderFollowsWords(
            TextField words,
            com.vaadin.flow.component.select.Select<S> order,
            java.util.function.Function<String, S> usual,
            java.util.function.Consumer<Runnable> quietly) {
        words.addValueChangeListener(e -> {
            if (order.getValue() == usual.apply(e.getOldValue())) {
                quietly.accept(() -> order.setValue(usual.apply(e.getValue())));
            }
        });
    }
}
