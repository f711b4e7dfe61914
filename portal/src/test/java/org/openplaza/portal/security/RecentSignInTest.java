package org.openplaza.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.WrappedHttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A binding act asks for the password again once the sign-in is 30 minutes old (ASVS 3.7.1). */
class RecentSignInTest {

    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-29T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final HandClock clock = new HandClock();
    final RecentSignIn recent = new RecentSignIn(null, clock, Duration.ofMinutes(30));

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private MockHttpServletRequest loginRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @Test
    void a_password_sign_in_is_fresh_for_thirty_minutes() {
        MockHttpServletRequest request = loginRequest();
        recent.signedIn(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(
                "kim", "n/a", AuthorityUtils.createAuthorityList("ROLE_CITIZEN"))));
        WrappedHttpSession session = new WrappedHttpSession(request.getSession());
        assertThat(recent.fresh(session)).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(recent.fresh(session)).isTrue();
        clock.now = clock.now.plusSeconds(1);
        assertThat(recent.fresh(session)).as("30 minutes on").isFalse();
    }

    @Test
    void nothing_else_counts_as_proving_the_password() {
        MockHttpServletRequest request = loginRequest();
        recent.signedIn(new AuthenticationSuccessEvent(new TestingAuthenticationToken("kim", "token", "ROLE_CITIZEN")));
        assertThat(recent.fresh(new WrappedHttpSession(request.getSession()))).isFalse();
        assertThat(recent.fresh(null)).as("no session").isFalse();
    }
}
