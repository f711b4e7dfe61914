package org.openplaza.portal.security;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in user who opens the address of a page their roles do not allow gets HTTP 403 with
 * the first load, not only the "Access denied" view drawn afterwards: Vaadin answers the first
 * GET of any route with its page shell and 200, so this filter, behind Spring Security, finds the
 * route's view and checks its access annotations as Vaadin will, and sends the same shell with
 * 403 when they refuse. (Anonymous visitors are sent to the sign-in page as before.)
 */
final class DeniedRouteStatus extends OncePerRequestFilter {

    private final AccessAnnotationChecker access = new AccessAnnotationChecker();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !"GET".equals(request.getMethod())
                || request.getParameter("v-r") != null
                || path.startsWith("/VAADIN/")
                || accept == null
                || !accept.contains("text/html");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the user as Spring Security's request wrapper gives it (null when anonymous), read through
        // the security chain's own context holder rather than the process-wide static one
        java.security.Principal user = request.getUserPrincipal();
        if (user == null || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String route =
                request.getRequestURI().substring(request.getContextPath().length());
        route = route.startsWith("/") ? route.substring(1) : route;
        var target = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()))
                .getNavigationTarget(route);
        if (target.isPresent() && !access.hasAccess(target.get(), request)) {
            chain.doFilter(request, new Forbidden(response));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The page shell, sent with 403 whatever status the shell's writer sets for success. */
    private static final class Forbidden extends HttpServletResponseWrapper {
        Forbidden(HttpServletResponse response) {
            super(response);
            response.setStatus(SC_FORBIDDEN);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status == SC_OK ? SC_FORBIDDEN : status);
        }
    }
}
