package org.openplaza.portal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.SignInDetails;
import org.openplaza.accounts.TrustedDevices;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The cookie of a browser that signed in before ({@link TrustedDevices}): given at a password
 * sign-in through the form, sent back only to the sign-in address, HTTP-only, same-site strict,
 * and secure when the portal is reached over HTTPS. It proves nothing by itself; it only gives the
 * browser a sign-in allowance that nobody else's failures spend.
 */
@Component
public class DeviceCookie {

    static final String NAME = "openplaza_device";
    static final Duration KEPT = Duration.ofDays(365);

    private final TrustedDevices devices;

    DeviceCookie(TrustedDevices devices) {
        this.devices = devices;
    }

    /** What a sign-in request carries besides the name and password. */
    static SignInDetails details(HttpServletRequest request) {
        return new SignInDetails(request, read(request));
    }

    static @Nullable String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpServletResponse response = attributes.getResponse();
        String username = authentication.getName();
        if (devices.recognise(username, read(request)).isPresent()) {
            return;
        }
        devices.issue(username)
                .ifPresent(token -> response.addHeader(
                        HttpHeaders.SET_COOKIE,
                        ResponseCookie.from(NAME, token)
                                .path(request.getContextPath() + "/login")
                                .httpOnly(true)
                                .secure(request.isSecure())
                                .sameSite("Strict")
                                .maxAge(KEPT)
                                .build()
                                .toString()));
    }
}
