package org.openplaza.accounts;

import java.time.Clock;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Finishes a sign-in whose password was right ({@link PendingSignIn}) once its second step passes:
 * a code from the user's app or a recovery code, or, for someone setting up their first app, a code
 * from the app just set up. The result is the same sign-in a password alone gives those who need no
 * second factor. Not a bean: the portal gives it only to the second step's own filter, so that the
 * password sign-in can never reach it.
 */
public class SecondFactorAuthenticationProvider implements AuthenticationProvider {

    private final SecondFactors secondFactors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public SecondFactorAuthenticationProvider(
            SecondFactors secondFactors, ApplicationEventPublisher events, Clock clock) {
        this.secondFactors = secondFactors;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SecondFactorToken step = (SecondFactorToken) authentication;
        PendingSignIn pending = step.pending();
        if (pending.expired(clock)) {
            throw new CredentialsExpiredException("the sign-in has to start again");
        }
        var enrolment = pending.enrolment();
        if (enrolment != null) {
            step.recoveryCodes(secondFactors
                    .enrolAtSignIn(enrolment, step.code(), step.address())
                    .orElseThrow(() -> new BadCredentialsException("wrong code from the app being set up")));
        } else {
            secondFactors.check(pending.username(), step.code(), step.address());
        }
        Authentication passed = pending.passed();
        var result =
                UsernamePasswordAuthenticationToken.authenticated(passed.getPrincipal(), null, passed.getAuthorities());
        result.setDetails(passed.getDetails());
        events.publishEvent(
                new Audited(pending.username(), "SIGN_IN", "account", pending.username(), null, step.address()));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SecondFactorToken.class.isAssignableFrom(authentication);
    }
}
