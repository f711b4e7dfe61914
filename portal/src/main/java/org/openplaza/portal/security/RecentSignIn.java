package org.openplaza.portal.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.ThrottlingAuthenticationProvider;
import org.openplaza.audit.Audited;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * When the user last proved who they are with their password: at sign-in, or by entering it again.
 * Binding acts (casting a ballot) ask for the password again once that is older than the limit,
 * 30 minutes by default (OWASP ASVS 3.7.1). The time is kept in the HTTP session, on the server.
 */
@Component
public class RecentSignIn {

    public static final String ATTRIBUTE = "openplaza.password-proven-at";

    private final ThrottlingAuthenticationProvider passwords;
    private final Clock clock;
    private final Duration limit;

    RecentSignIn(
            ThrottlingAuthenticationProvider passwords,
            Clock clock,
            @Value("${openplaza.security.reauthenticate-after:PT30M}") Duration limit) {
        this.passwords = passwords;
        this.clock = clock;
        this.limit = limit;
    }

    /** A password sign-in through the login form: its time goes into the new session. */
    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            var session = request.getRequest().getSession(true);
            session.setAttribute(ATTRIBUTE, clock.instant());
            session.setAttribute(AbsoluteSessionTimeout.SIGNED_IN_AT, clock.instant());
        }
    }

    /** Whether the password was proven within the limit in this session. */
    public boolean fresh() {
        return fresh(session());
    }

    boolean fresh(@Nullable WrappedSession session) {
        return session != null
                && session.getAttribute(ATTRIBUTE) instanceof Instant at
                && Duration.between(at, clock.instant()).compareTo(limit) < 0;
    }

    /**
     * Checks the signed-in user's password (throttled by this session's own allowance, so that
     * nobody else's failures can stop it, and audited) and renews the time; a wrong one throws Spring Security's {@code AuthenticationException}.
     */
    public void confirm(String password) {
        WrappedSession session = session();
        passwords.recheck(
                Audited.currentActor(),
                password,
                session == null ? "none" : session.getId(),
                VaadinSession.getCurrent() == null
                        ? null
                        : VaadinSession.getCurrent().getBrowser().getAddress());
        if (session != null) {
            session.setAttribute(ATTRIBUTE, clock.instant());
        }
    }

    private static @Nullable WrappedSession session() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        return vaadin == null ? null : vaadin.getSession();
    }
}
