package org.openplaza.portal.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.openplaza.platform.Refusal;

/**
 * A dialog that asks for a reason and acts on it: reporting, hiding and restoring content. A
 * refusal from the service (a reason too short, a report made already) is shown on the field and
 * the dialog stays open; on success it closes and runs what comes after.
 */
public final class ReasonDialog {

    private ReasonDialog() {}

    /**
     * Opens the dialog. {@code ids} names the text area and the confirm button ({@code ids} and
     * {@code ids + "-confirm"}), so tests and labels can find them.
     */
    public static void open(
            String title,
            String label,
            String confirm,
            String id,
            int maxLength,
            boolean destructive,
            Consumer<String> action,
            Runnable after) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextArea reason = new TextArea(label);
        reason.setId(id);
        reason.setMaxLength(maxLength);
        reason.setWidth("30em");
        dialog.add(reason);
        Button go = new Button(confirm, e -> {
            try {
                action.accept(reason.getValue());
                dialog.close();
                after.run();
            } catch (Refusal ex) {
                reason.setErrorMessage(
                        reason.getTranslation(ex.messageKey(), ex.arguments().toArray()));
                reason.setInvalid(true);
            }
        });
        go.setId(id + "-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (destructive) {
            go.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(new Button(reason.getTranslation("common.cancel"), e -> dialog.close()), go);
        dialog.open();
    }
}
