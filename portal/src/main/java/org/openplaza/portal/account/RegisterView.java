package org.openplaza.portal.account;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.PasswordPolicy;
import org.openplaza.accounts.Registration;
import org.openplaza.portal.layout.Titles;

/** Self-registration for citizens. The service validates everything again and has the last word. */
@Route("register")
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final PasswordField password = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button submit = new Button();

    private final AccountService accounts;
    private final java.time.Clock clock;
    private final int workBits;
    private final int minLength;
    private org.openplaza.accounts.WorkChallenge challenge;

    public RegisterView(
            AccountService accounts,
            PasswordPolicy policy,
            java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${openplaza.accounts.registration-work-bits:14}")
                    int workBits) {
        this.accounts = accounts;
        this.clock = clock;
        this.workBits = workBits;
        this.minLength = policy.minLength();
        this.challenge = org.openplaza.accounts.WorkChallenge.issue(workBits, clock);
        setMaxWidth("40rem");
        add(new H1(getTranslation("register.title")), new Paragraph(getTranslation("register.intro")));
        configure(username, "register-username", "register.username", "register.username.help");
        configure(displayName, "register-display-name", "register.display-name", null);
        configure(email, "register-email", "register.email", null);
        configure(password, "register-password", "register.password", null);
        password.setHelperText(getTranslation("register.password.help", policy.minLength()));
        configure(confirm, "register-confirm", "register.confirm", null);
        submit.setText(getTranslation("register.submit"));
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> register());
        FormLayout form = new FormLayout(username, displayName, email, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, submit);
        org.openplaza.portal.layout.PasswordReveal.localised(password);
        org.openplaza.portal.layout.PasswordReveal.localised(confirm);
    }

    private <T extends TextFieldBase<T, String>> void configure(
            T field, String id, String labelKey, @Nullable String helpKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setRequired(true);
        if (helpKey != null) {
            field.setHelperText(getTranslation(helpKey));
        }
    }

    /**
     * Checks the form, then has the browser do the proof of work ({@link
     * org.openplaza.accounts.WorkChallenge}) before the account is made; each try gets a
     * new challenge.
     */
    private void register() {
        List.of(username, displayName, email, password, confirm).forEach(f -> f.setInvalid(false));
        // every field's problem at once, before the work against automated sign-ups
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>(accounts.problems(registration()));
        if (!password.getValue().equals(confirm.getValue())) {
            problems.put("confirm", "register.error.confirm-mismatch");
        }
        if (!problems.isEmpty()) {
            show(problems);
            return;
        }
        org.openplaza.accounts.WorkChallenge asked = challenge;
        challenge = org.openplaza.accounts.WorkChallenge.issue(workBits, clock);
        submit.setEnabled(false);
        submit.setText(getTranslation("register.checking"));
        submit.getElement().setAttribute("aria-busy", "true");
        getElement()
                .executeJs(
                        "return (async function() {\n" + org.openplaza.accounts.WorkChallenge.SOLVER + "\n})()",
                        asked.challenge(),
                        asked.bits())
                .then(
                        String.class,
                        answer -> {
                            ready();
                            if (answer == null) {
                                fail(password, "register.error.secure-connection");
                            } else if (!asked.accept(answer, clock)) {
                                fail(password, "register.error.check");
                            } else {
                                create();
                            }
                        },
                        error -> {
                            ready();
                            fail(password, "register.error.check");
                        });
    }

    private void ready() {
        submit.setEnabled(true);
        submit.setText(getTranslation("register.submit"));
        submit.getElement().removeAttribute("aria-busy");
    }

    private Registration registration() {
        return new Registration(username.getValue(), displayName.getValue(), email.getValue(), password.getValue());
    }

    /**
     * Makes the account, then signs the new citizen in through the portal's own sign-in (the
     * browser posts the sign-in form, so throttling, the device cookie and the new session id all
     * apply as for any sign-in).
     */
    private void create() {
        try {
            String made = accounts.register(registration()).username();
            getElement()
                    .executeJs(
                            "const form = document.createElement('form');"
                                    + " form.method = 'post'; form.action = 'login'; form.hidden = true;"
                                    + " for (const [name, value] of [['username', $0], ['password', $1]]) {"
                                    + "   const input = document.createElement('input');"
                                    + "   input.name = name; input.value = value; form.appendChild(input); }"
                                    + " document.body.appendChild(form); form.submit();",
                            made,
                            password.getValue());
        } catch (AccountException e) {
            show(e.problems());
        }
    }

    /** Marks every field with its problem, and moves the focus to the first. */
    private void show(java.util.Map<String, String> problems) {
        com.vaadin.flow.component.Focusable<?> first = null;
        for (var problem : problems.entrySet()) {
            TextFieldBase<?, String> field = fieldFor(problem.getKey());
            if (problem.getValue().equals("password.error.too-short")) {
                // the rule itself, with its number, where the reader looks
                field.setErrorMessage(getTranslation("register.error.too-short", minLength));
                field.setInvalid(true);
            } else {
                fail(field, problem.getValue());
            }
            if (first == null) {
                first = field;
            }
        }
        if (first != null) {
            first.focus();
        }
    }

    private TextFieldBase<?, String> fieldFor(@Nullable String field) {
        return switch (field == null ? "" : field) {
            case "username" -> username;
            case "displayName" -> displayName;
            case "email" -> email;
            case "confirm" -> confirm;
            default -> password;
        };
    }

    private void fail(HasValidation field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "register.title");
    }
}
