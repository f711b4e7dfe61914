package org.openplaza.platform;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who the portal's own jobs act as (counting votes, publishing participation data, sealing the
 * audit log, sweeping): the portal itself, named {@value #NAME} in the audit log, with the role
 * {@code SYSTEM} and the roles the jobs' services ask for. Nobody signs in as it: it is not an
 * account, and nobody may register the name. Jobs run as this identity rather than as a user they
 * make up, so that the audit log says the portal did what it did; a step it records (a proposal
 * moved on by its vote's count) has no account as its actor.
 */
public final class SystemIdentity {

    /** The portal as an actor, in the audit log and in "created by" fields. */
    public static final String NAME = "openplaza";

    public static final String ROLE = "ROLE_SYSTEM";

    private SystemIdentity() {}

    /** The identity a job runs as. */
    public static Authentication job() {
        return UsernamePasswordAuthenticationToken.authenticated(
                NAME,
                "n/a",
                List.of(
                        new SimpleGrantedAuthority(ROLE),
                        new SimpleGrantedAuthority("ROLE_ADMIN"),
                        new SimpleGrantedAuthority("ROLE_OFFICIAL")));
    }

    /** Whether an authentication is the portal's own. */
    public static boolean isSystem(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ROLE.equals(a.getAuthority()));
    }
}
