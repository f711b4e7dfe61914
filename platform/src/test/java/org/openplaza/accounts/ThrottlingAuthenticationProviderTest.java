package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
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

    @Autowired
    TrustedDevices devices;

    private Authentication signIn(String username, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    /** A sign-in from this address, with the cookie of a browser that signed in before if given. */
    private Authentication signIn(String username, String password, String address, String deviceToken) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new SignInDetails(request, deviceToken));
        return provider.authenticate(token);
    }

    private void failFrom(String username, String address) {
        assertThatThrownBy(() -> signIn(username, "guess number something", address, null))
                .isInstanceOfAny(BadCredentialsException.class, SignInThrottledException.class);
    }

    @Test
    void an_attacker_guessing_from_their_address_does_not_lock_the_user_out_of_theirs() {
        register("signin-target");
        for (int i = 0; i < 6; i++) {
            failFrom("signin-target", "203.0.113.66");
        }
        assertThatThrownBy(() -> signIn("signin-target", PASSWORD, "203.0.113.66", null))
                .as("the attacker's address is held back")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(signIn("signin-target", PASSWORD, "198.51.100.7", null).isAuthenticated())
                .as("the user, from their own address, is not")
                .isTrue();
    }

    @Test
    void guessing_from_many_addresses_does_not_lock_out_a_browser_that_signed_in_before() {
        register("signin-botnet");
        String phone = devices.issue("signin-botnet").orElseThrow();
        String otherAccountsCookie = devices.issue("signin-ok-other").orElse("none");
        for (int i = 0; i < 50; i++) {
            failFrom("signin-botnet", "203.0.113." + i);
        }
        assertThatThrownBy(() -> signIn("signin-botnet", PASSWORD, "198.51.100.7", null))
                .as("from an address and browser never seen, the username is held back")
                .isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> signIn("signin-botnet", PASSWORD, "198.51.100.7", otherAccountsCookie))
                .as("a cookie given for another account counts for nothing")
                .isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> signIn("signin-botnet", PASSWORD, "198.51.100.7", "forged-cookie-value"))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(signIn("signin-botnet", PASSWORD, "198.51.100.7", phone).isAuthenticated())
                .as("the browser that signed in before still signs in")
                .isTrue();
    }

    @Test
    void the_password_asked_again_before_a_ballot_is_not_held_by_anyone_elses_failures() {
        register("signin-voter");
        for (int i = 0; i < 50; i++) {
            failFrom("signin-voter", "203.0.113." + i);
        }
        for (int i = 0; i < 20; i++) {
            failFrom("signin-voter-" + i, "198.51.100.7");
        }
        provider.recheck("signin-voter", PASSWORD, "voters-session", "198.51.100.7");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> provider.recheck("signin-voter", "wrong guess here", "thiefs-session", null))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.recheck("signin-voter", PASSWORD, "thiefs-session", null))
                .as("a session that guessed five times is held back")
                .isInstanceOf(SignInThrottledException.class);
        provider.recheck("signin-voter", PASSWORD, "voters-session", "198.51.100.7");
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
