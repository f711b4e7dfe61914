package org.openplaza.portal.account;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.openplaza.portal.layout.Titles;

/**
 * Sign-in. The form posts to Spring Security; a failure comes back as {@code ?error} (one message
 * for every wrong combination, so nobody learns which accounts exist) or {@code ?throttled}.
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    final Paragraph notice = new Paragraph();

    public LoginView() {
        setAlignItems(Alignment.CENTER);
        form.setId("login-form");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n("login.error.title", "login.error.text"));
        notice.setId("login-notice");
        notice.setVisible(false);
        H1 title = new H1(getTranslation("login.title"));
        RouterLink register = new RouterLink(getTranslation("login.register"), RegisterView.class);
        register.setId("login-register-link");
        add(title, notice, form, register);
        org.openplaza.portal.layout.PasswordReveal.localised(form);
    }

    private LoginI18n i18n(String errorTitleKey, String errorTextKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.form-title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(errorTitleKey));
        error.setMessage(getTranslation(errorTextKey));
        error.setUsername(getTranslation("login.username.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            form.setI18n(i18n("login.throttled.title", "login.throttled.text"));
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            form.setError(true);
        }
        org.openplaza.portal.layout.ReturnAfterSignIn.remember(
                parameters, com.vaadin.flow.server.VaadinSession.getCurrent());
        if (parameters.containsKey("registered")) {
            notice.setText(getTranslation("login.registered"));
            notice.setVisible(true);
        }
        if (parameters.containsKey("again")) {
            notice.setText(getTranslation("login.again"));
            notice.setVisible(true);
        }
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "login.title");
    }
}
