package org.openplaza.portal.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountService;
import org.springframework.stereotype.Component;

/**
 * Which language a visitor sees, and remembering it: the signed-in user's saved preference first,
 * then this browser's cookie, then the browser's own languages, then English.
 */
@Component
public class LanguagePreference {

    static final String COOKIE = "openplaza-lang";

    private final AccountService accounts;
    private final AuthenticationContext authentication;

    LanguagePreference(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    /** The locale for a new UI. */
    public Locale resolve(VaadinRequest request) {
        if (authentication.isAuthenticated()) {
            Optional<String> saved = accounts.current().map(Account::preferredLanguage);
            if (saved.isPresent()) {
                return PortalI18nProvider.supported(Locale.forLanguageTag(saved.get()));
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            Optional<String> chosen = Arrays.stream(cookies)
                    .filter(c -> COOKIE.equals(c.getName()))
                    .map(Cookie::getValue)
                    .findFirst();
            if (chosen.isPresent()) {
                return PortalI18nProvider.supported(Locale.forLanguageTag(chosen.get()));
            }
        }
        return PortalI18nProvider.supported(request.getLocale());
    }

    /** Switches the current UI to {@code locale} and remembers the choice; the page then reloads. */
    public void choose(UI ui, Locale locale) {
        Locale supported = PortalI18nProvider.supported(locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        if (authentication.isAuthenticated()) {
            accounts.setPreferredLanguage(supported.getLanguage());
        }
        VaadinSession.getCurrent().setLocale(supported);
        apply(ui, supported);
        ui.getPage().reload();
    }

    /** Sets the UI's locale and the document's {@code lang} attribute. */
    public static void apply(UI ui, Locale locale) {
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }
}
