package org.openplaza.portal.account;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.PendingSignIn;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.portal.layout.Titles;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The second step of signing in: the code from the authenticator app, or a recovery code. For an
 * official or administrator who has no app yet, the page first shows the key to add to one (as a QR
 * code and as text) and takes the app's first code. The form is a plain HTML form posted, with its
 * CSRF token, to the portal's second-step filter; without a sign-in half done in this session the
 * page sends the browser back to the password form.
 */
@Route("login/code")
@AnonymousAllowed
public class SecondStepView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A plain HTML form. */
    @Tag("form")
    static final class Form extends HtmlContainer {}

    final Paragraph message = new Paragraph();
    private @Nullable PendingSignIn pending;

    public SecondStepView() {
        setAlignItems(Alignment.CENTER);
        addClassName("second-step");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        pending = session == null || session.getSession() == null
                ? null
                : session.getSession().getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p ? p : null;
        if (pending == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        removeAll();
        SecondFactors.Enrolment enrolment = pending.enrolment();
        add(new H1(getTranslation(enrolment == null ? "second-step.title" : "second-step.setup.title")));
        message.setId("second-step-message");
        message.getElement().setAttribute("role", "alert");
        message.addClassName("error");
        message.setVisible(false);
        if (parameters.containsKey("throttled")) {
            showError("second-step.throttled");
        } else if (parameters.containsKey("error")) {
            showError(enrolment == null ? "second-step.wrong" : "second-step.setup.wrong");
        }
        add(message);
        if (enrolment != null) {
            add(new AuthenticatorSetup(enrolment));
        } else {
            add(new Paragraph(getTranslation("second-step.text")));
        }
        add(form(enrolment == null ? "second-step.code" : "second-step.setup.code"));
        Anchor again = new Anchor("login", getTranslation("second-step.start-again"));
        again.setId("second-step-again");
        add(again);
    }

    private void showError(String key) {
        message.setText(getTranslation(key));
        message.setVisible(true);
    }

    /** The form the code is posted with, to the second-step filter. */
    private Form form(String labelKey) {
        Form form = new Form();
        form.setId("second-step-form");
        form.getElement().setAttribute("method", "post");
        form.getElement().setAttribute("action", "login/code");
        form.addClassName("second-step-form");
        NativeLabel label = new NativeLabel(getTranslation(labelKey));
        label.setFor("second-step-code");
        Input code = new Input();
        code.setId("second-step-code");
        code.getElement().setAttribute("name", "code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("autocapitalize", "off");
        code.getElement().setAttribute("spellcheck", "false");
        code.getElement().setAttribute("required", true);
        code.getElement().setAttribute("maxlength", "40");
        code.getElement().setAttribute("autofocus", true);
        form.add(label, code);
        CsrfToken csrf = csrfToken();
        if (csrf != null) {
            Input token = new Input();
            token.setType("hidden");
            token.getElement().setAttribute("name", csrf.getParameterName());
            token.setValue(csrf.getToken());
            form.add(token);
        }
        NativeButton submit = new NativeButton(getTranslation("second-step.submit"));
        submit.setId("second-step-submit");
        submit.getElement().setAttribute("type", "submit");
        form.add(submit);
        return form;
    }

    private static @Nullable CsrfToken csrfToken() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? token
                : null;
    }

    @Override
    public String getPageTitle() {
        return Titles.of(
                this, pending != null && pending.enrolment() != null ? "second-step.setup.title" : "second-step.title");
    }
}
