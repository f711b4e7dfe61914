package org.openplaza.accounts;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this username or from this address; says nothing about the account. */
public class SignInThrottledException extends AuthenticationException {

    public SignInThrottledException() {
        super("Too many failed sign-ins; try again later");
    }
}
