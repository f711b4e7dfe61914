package org.openplaza.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.PasswordChanged;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class SessionsTest {

    final SessionRegistryImpl registry = new SessionRegistryImpl();
    final Sessions sessions = new Sessions(registry);
    final Object kim = User.withUsername("kim").password("x").roles("CITIZEN").build();
    final Object lee = User.withUsername("lee").password("x").roles("CITIZEN").build();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** A request served in this session, as the one asking. */
    private void asking(String sessionId) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, sessionId));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void a_user_sees_their_own_sessions_this_one_first_and_signs_out_of_the_others() {
        registry.registerNewSession("kim-laptop", kim);
        registry.registerNewSession("kim-phone", kim);
        registry.registerNewSession("kim-library", kim);
        registry.registerNewSession("lee-laptop", lee);
        asking("kim-phone");

        assertThat(sessions.of("kim"))
                .hasSize(3)
                .first()
                .satisfies(s -> assertThat(s.current()).isTrue());
        assertThat(sessions.of("kim").stream().filter(Sessions.Session::current))
                .hasSize(1);

        assertThat(sessions.endOthers("kim")).isEqualTo(2);
        assertThat(registry.getSessionInformation("kim-phone").isExpired()).isFalse();
        assertThat(registry.getSessionInformation("kim-laptop").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("kim-library").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("lee-laptop").isExpired()).isFalse();
        assertThat(sessions.of("kim")).hasSize(1);
    }

    @Test
    void a_new_password_ends_every_other_session_of_its_user() {
        registry.registerNewSession("kim-laptop", kim);
        registry.registerNewSession("kim-stolen", kim);
        registry.registerNewSession("lee-laptop", lee);
        asking("kim-laptop");
        sessions.passwordChanged(new PasswordChanged("kim"));
        assertThat(registry.getSessionInformation("kim-stolen").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("kim-laptop").isExpired()).isFalse();
        assertThat(registry.getSessionInformation("lee-laptop").isExpired()).isFalse();

        // set by an administrator: the administrator's session is not one of kim's, all of kim's end
        asking("admin-desk");
        sessions.passwordChanged(new PasswordChanged("kim"));
        assertThat(registry.getSessionInformation("kim-laptop").isExpired()).isTrue();
    }

    @Test
    void a_session_signed_in_longer_ago_than_the_limit_ends_however_busy() throws Exception {
        Instant now = Instant.parse("2026-12-01T20:00:00Z");
        AbsoluteSessionTimeout filter =
                new AbsoluteSessionTimeout(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(12));

        MockHttpSession fresh = new MockHttpSession();
        fresh.setAttribute(AbsoluteSessionTimeout.SIGNED_IN_AT, now.minus(Duration.ofHours(11)));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(fresh);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(fresh.isInvalid()).isFalse();

        MockHttpSession old = new MockHttpSession();
        old.setAttribute(AbsoluteSessionTimeout.SIGNED_IN_AT, now.minus(Duration.ofHours(12)));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest late = new MockHttpServletRequest();
        late.setSession(old);
        filter.doFilter(late, new MockHttpServletResponse(), chain);
        assertThat(old.isInvalid()).isTrue();
        assertThat(chain.getRequest()).as("the request goes on, as anonymous").isNotNull();
    }
}
