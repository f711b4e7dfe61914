package org.openplaza.accounts.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest(properties = "openplaza.accounts.registrations-per-address=1000")
@Transactional
class ThrottlingAuthenticationProviderTest {

    static final String PASSWORD = "violet harbour lantern sings";

    @Autowired
    ThrottlingAuthenticationProvider provider;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    private void register(String username) {
        accounts.register(new Registration(username, "Test User", username + "@example.org", PASSWORD));
    }

    private Authentication signIn(String username, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void the_right_password_signs_in_with_the_accounts_roles() {
        register("signin-ok");
        Authentication result = signIn("Signin-OK", PASSWORD);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getName()).isEqualTo("signin-ok");
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_CITIZEN");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_fail_alike() {
        register("signin-wrong");
        assertThatThrownBy(() -> signIn("signin-wrong", "not the password at all"))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
        assertThatThrownBy(() -> signIn("nobody-by-this-name", "not the password at all"))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @Test
    void after_five_failures_even_the_right_password_is_refused_as_throttled() {
        register("signin-throttled");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("signin-throttled", "guess number something"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("signin-throttled", PASSWORD)).isInstanceOf(SignInThrottledException.class);
    }

    @Test
    void unknown_usernames_are_throttled_too_so_throttling_reveals_no_account() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("ghost-account", "guess number something"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("ghost-account", "guess number something"))
                .isInstanceOf(SignInThrottledException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void sign_ins_failures_and_throttling_are_audited() {
        register("signin-audited");
        signIn("signin-audited", PASSWORD);
        for (int i = 0; i < 6; i++) {
            try {
                signIn("signin-audited", "guess number something");
            } catch (BadCredentialsException | SignInThrottledException expected) {
                // counted below
            }
        }
        assertThat(audit.search("signin-audited", 0, 50))
                .extracting(AuditEvent::eventType)
                .containsOnly("ACCOUNT_REGISTERED", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_THROTTLED")
                .filteredOn("SIGN_IN_FAILED"::equals)
                .hasSize(5);
    }
}
