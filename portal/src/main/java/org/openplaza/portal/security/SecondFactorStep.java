package org.openplaza.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.PendingSignIn;
import org.openplaza.accounts.SecondFactorAuthenticationProvider;
import org.openplaza.accounts.SecondFactorRequired;
import org.openplaza.accounts.SecondFactorToken;
import org.openplaza.accounts.SignInThrottledException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The second step of signing in, for those who must give a code ({@link
 * org.openplaza.accounts.SecondFactors}). The password form's {@link SecondFactorRequired}
 * leaves a {@link PendingSignIn} in the session (under a new session id) and sends the browser to
 * the code page; the page posts the code, with its CSRF token, to {@value #PATH}, where this
 * filter finishes the sign-in exactly as the password form finishes one that needs no code: the
 * same session strategy (a new session id, the session registered, a new CSRF token), the same
 * security context repository, the same success events. Until then the security context stays
 * empty: a half-done sign-in opens no page.
 */
final class SecondFactorStep extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/login/code";

    private SecondFactorStep(ProviderManager manager) {
        super(new AntPathRequestMatcher(PATH, "POST"), manager);
    }

    /** Keeps a sign-in whose password was right in the session until its code comes. */
    static void begin(HttpServletRequest request, HttpServletResponse response, SecondFactorRequired required)
            throws IOException {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, required.pending());
        response.sendRedirect(request.getContextPath() + PATH);
    }

    static @Nullable PendingSignIn pending(@Nullable HttpSession session) {
        return session != null && session.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn pending
                ? pending
                : null;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = pending(session);
        if (pending == null) {
            throw new CredentialsExpiredException("no sign-in to finish in this session");
        }
        String code = request.getParameter("code");
        SecondFactorToken step = new SecondFactorToken(pending, code == null ? "" : code, request.getRemoteAddr());
        Authentication result = getAuthenticationManager().authenticate(step);
        session.removeAttribute(PendingSignIn.ATTRIBUTE);
        List<String> fresh = step.recoveryCodes();
        if (fresh != null) {
            session.setAttribute(PendingSignIn.FRESH_RECOVERY_CODES, fresh);
        }
        return result;
    }

    /** Adds the step to the filter chain, after the password form and with its collaborators. */
    static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        private final SecondFactorAuthenticationProvider provider;
        private final AuthenticationEventPublisher events;
        private final Clock clock;

        Configurer(SecondFactorAuthenticationProvider provider, AuthenticationEventPublisher events, Clock clock) {
            this.provider = provider;
            this.events = events;
            this.clock = clock;
        }

        @Override
        public void configure(HttpSecurity http) {
            ProviderManager manager = new ProviderManager(provider);
            manager.setAuthenticationEventPublisher(events);
            SecondFactorStep filter = new SecondFactorStep(manager);
            filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
            filter.setSessionAuthenticationStrategy(http.getSharedObject(SessionAuthenticationStrategy.class));
            filter.setSecurityContextRepository(http.getSharedObject(SecurityContextRepository.class));
            SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
            RequestCache cache = http.getSharedObject(RequestCache.class);
            if (cache != null) {
                saved.setRequestCache(cache);
            }
            filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                HttpSession session = request.getSession(false);
                Object asked = session == null
                        ? null
                        : session.getAttribute(
                                com.vaadin.flow.server.auth.NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
                if (session != null && session.getAttribute(PendingSignIn.FRESH_RECOVERY_CODES) != null) {
                    response.sendRedirect(request.getContextPath() + "/account");
                } else if (asked instanceof String page && page.startsWith("/") && !page.startsWith("//")) {
                    // the page the sign-in began from (kept by the sign-in page), as after a password alone
                    session.removeAttribute(
                            com.vaadin.flow.server.auth.NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
                    response.sendRedirect(request.getContextPath() + page);
                } else {
                    saved.onAuthenticationSuccess(request, response, authentication);
                }
            });
            filter.setAuthenticationFailureHandler((request, response, exception) ->
                    response.sendRedirect(request.getContextPath() + failed(request, exception)));
            http.addFilterAfter(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
        }

        /**
         * Where a wrong code leads: back to the code page, or, once the pending sign-in ran out of
         * time or tries, to the password form to start again.
         */
        private String failed(HttpServletRequest request, AuthenticationException exception) {
            HttpSession session = request.getSession(false);
            PendingSignIn pending = pending(session);
            boolean again = pending != null && !(exception instanceof CredentialsExpiredException);
            if (exception instanceof SignInThrottledException) {
                return PATH + "?throttled";
            }
            if (again && pending.wrongCode() && !pending.expired(clock)) {
                return PATH + "?error";
            }
            if (session != null) {
                session.removeAttribute(PendingSignIn.ATTRIBUTE);
            }
            return "/login?again";
        }
    }
}
