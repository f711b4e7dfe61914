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
}
