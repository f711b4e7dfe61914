package org.openplaza.accounts;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username-and-password sign-in against the accounts table, throttled by {@link LoginThrottle} and
 * written to the audit log: every success, failure and throttled attempt. For someone who must give
 * a second factor ({@link SecondFactors}) the right password ends in {@link SecondFactorRequired},
 * not in a sign-in.
 */
@Component
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final TrustedDevices devices;
    private final ApplicationEventPublisher events;
    private final SecondFactors secondFactors;
    private final Clock clock;

    ThrottlingAuthenticationProvider(
            UserDetailsService userDetailsService,
            UserDetailsPasswordService passwordUpgrades,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            TrustedDevices devices,
            ApplicationEventPublisher events,
            SecondFactors secondFactors,
            Clock clock) {
        this.delegate = new DaoAuthenticationProvider(userDetailsService);
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.delegate.setUserDetailsPasswordService(passwordUpgrades);
        this.throttle = throttle;
        this.devices = devices;
        this.events = events;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).strip();
        String address = address(authentication);
        String token = authentication.getDetails() instanceof SignInDetails details ? details.deviceToken() : null;
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(
                username,
                address,
                token == null ? null : devices.recognise(username, token).orElse(null));
        if (throttle.isThrottled(attempt)) {
            audit(username, "SIGN_IN_THROTTLED", address);
            throw new SignInThrottledException();
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.recordFailure(attempt);
            audit(username, "SIGN_IN_FAILED", address);
            throw e;
        }
        throttle.recordSuccess(attempt);
        boolean enrolled = secondFactors.enrolled(result.getName());
        if (enrolled || SecondFactors.requiredFor(result.getAuthorities())) {
            audit(result.getName(), "SIGN_IN_PASSWORD_PASSED", address);
            throw new SecondFactorRequired(new PendingSignIn(
                    withoutCredentials(result),
                    enrolled ? null : secondFactors.offer(result.getName()),
                    clock.instant()));
        }
        audit(result.getName(), "SIGN_IN", address);
        return result;
    }

    /** Who passed, with their roles and the request's details, holding neither password nor hash. */
    private static Authentication withoutCredentials(Authentication result) {
        var copy =
                UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, result.getAuthorities());
        copy.setDetails(result.getDetails());
        copy.eraseCredentials();
        return copy;
    }

    /**
     * Checks the password of a user signed in in this session again (before a binding act), held
     * only by the session's own allowance: failures elsewhere, someone else's guessing at the
     * username included, never stop it. Audited like a sign-in.
     */
    public void recheck(String username, String password, String session, @Nullable String address) {
        if (throttle.isRecheckThrottled(session)) {
            audit(username, "PASSWORD_RECHECK_THROTTLED", address);
            throw new SignInThrottledException();
        }
        try {
            delegate.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            audit(username, "PASSWORD_RECHECKED", address);
        } catch (AuthenticationException e) {
            throttle.recordRecheckFailure(session);
            audit(username, "PASSWORD_RECHECK_FAILED", address);
            throw e;
        }
    }

    private void audit(String username, String eventType, @Nullable String address) {
        String actor = username.isEmpty() ? Audited.ANONYMOUS : username;
        events.publishEvent(new Audited(actor, eventType, "account", actor, null, address));
    }

    private static @Nullable String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
