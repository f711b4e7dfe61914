package org.openplaza.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Something worth an entry in the audit log. Any module publishes one as a Spring application event;
 * {@link AuditService} writes it in the publisher's transaction.
 */
public record Audited(
        String actor,
        String eventType,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String detail,
        @Nullable String remoteAddress) {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    /** An event by whoever is signed in on this thread, from the address of the current request. */
    public static Audited byCurrentUser(
            String eventType, @Nullable String objectType, @Nullable String objectId, @Nullable String detail) {
        return new Audited(currentActor(), eventType, objectType, objectId, detail, currentRemoteAddress());
    }

    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }

    public static @Nullable String currentRemoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
