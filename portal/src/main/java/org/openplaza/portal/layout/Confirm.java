package org.openplaza.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * A question before an action that cannot be taken back (publishing to everyone): what will
 * happen, and a button named for the action; cancelling (the button, Escape) does nothing.
 */
public final class Confirm {

    private Confirm() {}

    /**
     * Asks, then runs the action if confirmed. The confirming button's id is {@code id + "-confirm"}.
     */
    public static void then(
            Component from, String id, String headingKey, String textKey, String actionKey, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id + "-dialog");
        dialog.setHeader(from.getTranslation(headingKey));
        dialog.setText(from.getTranslation(textKey));
        dialog.setCancelable(true);
        dialog.setCancelText(from.getTranslation("common.cancel"));
        Button confirm = new Button(from.getTranslation(actionKey), e -> {
            dialog.close();
            action.run();
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.setConfirmButton(confirm);
        dialog.open();
    }
}
