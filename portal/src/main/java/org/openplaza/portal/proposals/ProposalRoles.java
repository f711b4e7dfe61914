package org.openplaza.portal.proposals;

import org.openplaza.audit.Audited;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is looking at a proposal's page: the parts it shows depend on it (the services check again). */
final class ProposalRoles {

    private ProposalRoles() {}

    static boolean hasRole(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    static boolean signedIn() {
        return !Audited.ANONYMOUS.equals(Audited.currentActor());
    }
}
