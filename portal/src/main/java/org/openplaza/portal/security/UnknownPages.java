package org.openplaza.portal.security;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The addresses that lead nowhere: a page request for a path that is neither one of the portal's
 * pages nor answered by one of its controllers. Anyone may open them, so that a visitor who
 * mistypes an address gets the "Page not found" page with 404 instead of being asked to sign in
 * for a page that does not exist. Nothing is served there but that page.
 */
final class UnknownPages implements RequestMatcher {

    private final RequestMappingHandlerMapping controllers;

    UnknownPages(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/VAADIN/") || path.startsWith("/HEARTBEAT")) {
            return false;
        }
        String route = path.startsWith("/") ? path.substring(1) : path;
        if (ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()))
                .getNavigationTarget(route)
                .isPresent()) {
            return false;
        }
        try {
            return controllers.getHandler(request) == null;
        } catch (Exception e) {
            // a controller's path that refuses this request's method or type: still a controller's
            return false;
        }
    }
}
