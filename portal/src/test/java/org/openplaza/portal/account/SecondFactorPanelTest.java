package org.openplaza.portal.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.PendingSignIn;
import org.openplaza.accounts.Registration;
import org.openplaza.accounts.Role;
import org.openplaza.accounts.SecondFactors;
import org.openplaza.accounts.Totp;
import org.openplaza.platform.RunAs;
import org.openplaza.portal.security.RecentSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The two-step panel of the account page without a browser (Karibu-Testing on the real Spring
 * context): what it offers a citizen and an official, setting an app up with a wrong and a right
 * code, and the recovery codes of a first sign-in's set-up shown once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "openplaza.data-dir=target/unit-data/${random.uuid}",
            "openplaza.audit.key-file=target/unit-keys/audit-${random.uuid}.hmac",
            "openplaza.accounts.second-factor-key-file=target/unit-keys/second-factor-${random.uuid}.key",
            "openplaza.votes.key-file=target/unit-keys/ballot-box.ed25519",
            "openplaza.votes.seal-keys=target/unit-keys/votes-${random.uuid}",
            "openplaza.accounts.registrations-per-address=1000"
        })
class SecondFactorPanelTest {

    static final String PASSWORD = "amber quarry whistles softly";

    @Autowired
    ApplicationContext context;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    RecentSignIn recentSignIn;

    @Autowired
    AccountService accounts;

    @Autowired
    RunAs runAs;

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes(), context, UI::new));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** A new account signed in with these roles, its password proven just now. */
    private void signedIn(String username, Role... roles) {
        long id = accounts.register(new Registration(username, "Panel User", username + "@example.org", PASSWORD))
                .id();
        Set<Role> all = EnumSet.of(Role.CITIZEN, roles);
        if (all.size() > 1) {
            runAs.run(
                    UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, AuthorityUtils.createAuthorityList(Role.ADMIN.authority())),
                    () -> accounts.changeRoles(id, all));
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        null,
                        AuthorityUtils.createAuthorityList(
                                all.stream().map(Role::authority).toArray(String[]::new))));
        VaadinSession.getCurrent().getSession().setAttribute(RecentSignIn.ATTRIBUTE, Instant.now());
    }

    /** The recovery codes the open dialog lists. */
    private static List<String> recoveryCodes() {
        return _get(UnorderedList.class, spec -> spec.withId("recovery-codes"))
                .getChildren()
                .map(item -> ((ListItem) item).getText())
                .toList();
    }

    private SecondFactorPanel panel() {
        SecondFactorPanel panel = new SecondFactorPanel(secondFactors, recentSignIn);
        UI.getCurrent().add(panel);
        return panel;
    }

    @Test
    void a_citizen_sets_an_app_up_and_a_wrong_code_changes_nothing() {
        signedIn("panel-citizen-" + System.nanoTime() % 100000);
        SecondFactorPanel panel = panel();
        assertThat(panel.status.getText()).isEqualTo("Two-step sign-in is off.");
        assertThat(panel.renew.isVisible()).isFalse();
        assertThat(panel.turnOff.isVisible()).isFalse();

        panel.setUp.click();
        String key = _get(Span.class, spec -> spec.withId("authenticator-key"))
                .getText()
                .replace(" ", "");
        TextField code = _get(TextField.class, spec -> spec.withId("second-factor-code"));
        Button confirm = _get(Button.class, spec -> spec.withId("second-factor-confirm"));
        String right = Totp.code(key, Instant.now());
        code.setValue(right.equals("000000") ? "111111" : "000000");
        confirm.click();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("That code does not match the key.");
        assertThat(secondFactors.mine().enrolled()).isFalse();

        code.setValue(right);
        confirm.click();
        assertThat(recoveryCodes())
                .hasSize(SecondFactors.RECOVERY_CODES)
                .allMatch(text -> text.matches("[2-9a-z]{4}(-[2-9a-z]{4}){3}"));
        assertThat(panel.status.getText()).isEqualTo("Two-step sign-in is on. Recovery codes left: 10.");
        assertThat(panel.turnOff.isVisible()).isTrue();
        assertThat(panel.setUp.getText()).isEqualTo("Move to a new phone");
    }

    @Test
    void an_official_is_told_it_is_required_and_offered_no_way_to_turn_it_off() {
        signedIn("panel-official-" + System.nanoTime() % 100000, Role.OFFICIAL);
        SecondFactorPanel panel = panel();
        assertThat(panel.status.getText())
                .isEqualTo("Two-step sign-in is required for your role; you will set it up at your next sign-in.");
        assertThat(panel.turnOff.isVisible()).isFalse();
    }

    @Test
    void the_recovery_codes_of_a_first_sign_ins_set_up_are_shown_once() {
        signedIn("panel-first-" + System.nanoTime() % 100000, Role.OFFICIAL);
        List<String> codes = List.of("abcd-efgh-jkmn-pqrs", "2345-6789-abcd-efgh");
        var session = VaadinSession.getCurrent().getSession();
        session.setAttribute(PendingSignIn.FRESH_RECOVERY_CODES, codes);
        panel();
        assertThat(recoveryCodes()).containsExactlyElementsOf(codes);
        assertThat(session.getAttribute(PendingSignIn.FRESH_RECOVERY_CODES)).isNull();
    }
}
