package org.openplaza.portal;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openplaza.portal.i18n.PortalI18nProvider;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Vaadin UI without a browser for each test (Karibu-Testing), speaking English with the
 * portal's message bundles; a test may switch the UI's locale.
 */
public final class MockUi implements BeforeEachCallback, AfterEachCallback {

    /**
     * Signs the mock UI's user in, as Vaadin's Spring integration finds a user: in the Vaadin
     * session (where its security-context strategy looks first, once a real page has set that
     * strategy in this JVM) and on the thread. Call it after this extension's set-up, from a
     * {@code @BeforeEach}.
     */
    public static void signIn(String username, String... roles) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                username,
                null,
                java.util.Arrays.stream(roles)
                        .map(r -> new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + r))
                        .toList()));
        com.vaadin.flow.server.VaadinSession.getCurrent()
                .getSession()
                .setAttribute(
                        org.springframework.security.web.context.HttpSessionSecurityContextRepository
                                .SPRING_SECURITY_CONTEXT_KEY,
                        context);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        // and on the request, where the router's access rules look for the user and the roles
        if (com.vaadin.flow.server.VaadinRequest.getCurrent()
                        instanceof com.vaadin.flow.server.VaadinServletRequest servletRequest
                && servletRequest.getRequest() instanceof com.github.mvysny.fakeservlet.FakeRequest request) {
            java.util.Set<String> held = java.util.Set.of(roles);
            request.setUserPrincipalInt(context.getAuthentication());
            request.setUserInRole((principal, role) -> held.contains(role.replaceFirst("^ROLE_", "")));
        }
    }

    /** Signs the mock UI's user out: a visitor, in the Vaadin session, on the thread and on the request. */
    public static void signOut() {
        com.vaadin.flow.server.VaadinSession.getCurrent()
                .getSession()
                .removeAttribute(
                        org.springframework.security.web.context.HttpSessionSecurityContextRepository
                                .SPRING_SECURITY_CONTEXT_KEY);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        if (com.vaadin.flow.server.VaadinRequest.getCurrent()
                        instanceof com.vaadin.flow.server.VaadinServletRequest servletRequest
                && servletRequest.getRequest() instanceof com.github.mvysny.fakeservlet.FakeRequest request) {
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    private static final ExtensionContext.Namespace STATE = ExtensionContext.Namespace.create(MockUi.class);

    /**
     * Karibu's mock servlet sets system properties for itself and leaves them (among them
     * {@code vaadin.frontend.token.file}, an empty build-info file, and
     * {@code vaadin.project.basedir}); a portal running in the same JVM (a test class with
     * {@code @RunningPortal}) reads them on every page and would then fail every page. They are
     * put back as they were after each test.
     */
    private static java.util.Map<String, String> vaadinProperties() {
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("vaadin.")) {
                properties.put(key.toString(), value.toString());
            }
        });
        return properties;
    }

    private static Routes routes;

    /** The portal's routes, found once per run (a scan of the class path). */
    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("org.openplaza.portal");
        }
        return routes;
    }

    /**
     * Goes to a location of the portal as a browser would ({@code catalog?q=water}), through its
     * router and its access rules, and returns the view shown. The router keeps a view it already
     * shows: after {@link #signIn} (which in a browser reloads the page) go elsewhere first, for a
     * view built for the new user.
     */
    public static <T extends Component> T navigate(String location, Class<T> view) {
        int query = location.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent()
                    .navigate(
                            location.substring(0, query),
                            com.vaadin.flow.router.QueryParameters.fromString(location.substring(query + 1)));
        }
        return LocatorJ._get(view);
    }

    /**
     * Loads the page again as a browser set to this language does after signing in: a new UI,
     * whose layout and view are built anew for the user signed in now, in the language the portal
     * chooses for them (an account's saved choice first, then the browser's). (The
     * mock servlet shows the home page as soon as it is set up, in English and to a visitor, and
     * the router keeps that layout for every page after it.)
     */
    public static void reload(Locale locale) {
        if (com.vaadin.flow.server.VaadinRequest.getCurrent()
                        instanceof com.vaadin.flow.server.VaadinServletRequest servletRequest
                && servletRequest.getRequest() instanceof com.github.mvysny.fakeservlet.FakeRequest request) {
            // the browser's own language, which a visitor's new page is shown in
            request.setLocaleInt(locale);
        }
        UI.getCurrent().getPage().reload();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(STATE).put("properties", vaadinProperties());
        System.setProperty("vaadin.i18n.provider", PortalI18nProvider.class.getName());
        if (context.getRequiredTestClass().isAnnotationPresent(RunningPortal.class)) {
            // the portal's own views, built by Spring and reached by their routes
            ApplicationContext portal = SpringExtension.getApplicationContext(context);
            MockVaadin.setup(UI::new, new MockSpringServlet(routes(), portal, UI::new));
        } else {
            MockVaadin.setup();
        }
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        MockVaadin.tearDown();
        java.util.Map<String, String> before = context.getStore(STATE).get("properties", java.util.Map.class);
        vaadinProperties().keySet().forEach(key -> {
            if (!before.containsKey(key)) {
                System.clearProperty(key);
            }
        });
        before.forEach(System::setProperty);
    }
}
