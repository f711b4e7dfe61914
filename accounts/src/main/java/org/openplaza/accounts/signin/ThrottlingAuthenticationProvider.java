package org.openplaza.accounts.signin;

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
 * written to the audit log: every success, failure and throttled attempt.
 */
@Component
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottlingAuthenticationProvider(
            UserDetailsService userDetailsService,
            UserDetailsPasswordService passwordUpgrades,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            ApplicationEventPublisher events) {
        this.delegate = new DaoAuthenticationProvider(userDetailsService);
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.delegate.setUserDetailsPasswordService(passwordUpgrades);
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).strip();
        String address = address(authentication);
        if (throttle.isThrottled(username, address)) {
            audit(username, "SIGN_IN_THROTTLED", address);
            throw new SignInThrottledException();
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.recordSuccess(username);
            audit(result.getName(), "SIGN_IN", address);
            return result;
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, address);
            audit(username, "SIGN_IN_FAILED", address);
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
