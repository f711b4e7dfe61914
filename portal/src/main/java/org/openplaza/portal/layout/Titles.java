package org.openplaza.portal.layout;

import com.vaadin.flow.component.Component;

/** Page titles in the visitor's language: "Page | OpenPlaza". */
public final class Titles {

    private Titles() {}

    public static String of(Component view, String key) {
        return view.getTranslation(key) + " | " + view.getTranslation("app.name");
    }
}
