package org.openplaza.portal.layout;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a sign-in returns to: the page the visitor was on when they chose "Sign in", carried in
 * the sign-in page's {@code continue} parameter and kept in the session where the portal's
 * sign-in (password, then the code for those who give one) looks for it, as it does for a page
 * that asked for a sign-in itself. Only a page of this portal is taken: a path of plain
 * characters, never an address elsewhere.
 */
public final class ReturnAfterSignIn {

    /** The sign-in page's parameter naming the page to return to. */
    public static final String PARAMETER = "continue";

    private static final Pattern SAFE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.~%-]{0,300}(\\?[A-Za-z0-9=&_.~%+,-]{0,4000})?");

    private static final List<String> NOT_AFTER = List.of("login", "register", "logout");

    private ReturnAfterSignIn() {}

    /** The page as the sign-in page's parameter, or none for a page not worth returning to. */
    public static QueryParameters parameterFor(Location location) {
        String page = location.getPathWithQueryParameters();
        return safe(page).isPresent() ? QueryParameters.of(PARAMETER, page) : QueryParameters.empty();
    }

    /** The page, when it is a page of this portal worth returning to. */
    public static Optional<String> safe(String page) {
        if (page == null || !SAFE.matcher(page).matches() || page.contains("..") || page.contains("//")) {
            return Optional.empty();
        }
        String first = page.split("[/?]", 2)[0];
        return NOT_AFTER.contains(first) ? Optional.empty() : Optional.of(page);
    }

    /** Remembers the page the sign-in page was asked to return to, when it is one to return to. */
    public static void remember(Map<String, List<String>> parameters, VaadinSession session) {
        List<String> asked = parameters.getOrDefault(PARAMETER, List.of());
        if (asked.isEmpty()) {
            return;
        }
        safe(asked.get(0)).ifPresent(page -> {
            // read by Vaadin's success handler after the password, and by the code step's
            session.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT, page);
            session.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE, "/" + page);
        });
    }
}
