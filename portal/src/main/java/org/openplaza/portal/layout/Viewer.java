package org.openplaza.portal.layout;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who reads a page and how they reached the portal: for a page's tools and the codes it gives. */
public final class Viewer {

    private Viewer() {}

    public static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    /** Whether the reader has signed in. */
    public static boolean signedIn() {
        return !org.openplaza.audit.Audited.ANONYMOUS.equals(org.openplaza.audit.Audited.currentActor());
    }

    /** The portal's address as the reader reached it (for embed codes), or empty outside a request. */
    public static String portalAddress() {
        com.vaadin.flow.server.VaadinServletRequest request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(
                        request.getHttpServletRequest())
                .build()
                .toUriString();
    }
}
