package org.openplaza.portal.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.springframework.security.core.AuthenticationException;

/**
 * Asks for the password again before a binding act (OWASP ASVS 3.7.1) when the sign-in is older
 * than the limit ({@link RecentSignIn}): casting a ballot, changing someone's roles, publishing a
 * dataset, opening, closing or cancelling a vote. The check runs on the server; the act runs only
 * once it passes.
 */
public final class PasswordCheck {

    private PasswordCheck() {}

    /** Runs the act now if the password was proven recently; otherwise after asking for it. */
    public static void thenRun(RecentSignIn recentSignIn, String whyKey, Runnable act) {
        if (recentSignIn.fresh()) {
            act.run();
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("reauth.title"));
        PasswordField password = new PasswordField(dialog.getTranslation("reauth.password"));
        org.openplaza.portal.layout.PasswordReveal.localised(password);
        password.setId("reauth-password");
        Button go = new Button(dialog.getTranslation("reauth.confirm"), e -> {
            try {
                recentSignIn.confirm(password.getValue());
                dialog.close();
                act.run();
            } catch (AuthenticationException wrong) {
                password.setErrorMessage(dialog.getTranslation("reauth.wrong"));
                password.setInvalid(true);
            }
        });
        go.setId("reauth-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(dialog.getTranslation(whyKey)), password);
        dialog.getFooter().add(new Button(dialog.getTranslation("common.cancel"), e -> dialog.close()), go);
        dialog.open();
        password.focus();
    }
}
