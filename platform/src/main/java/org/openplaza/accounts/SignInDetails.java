package org.openplaza.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in request says besides the name and password: the network address and session
 * (from {@link WebAuthenticationDetails}) and the token of a browser that signed in before, if it
 * sent one ({@link org.openplaza.accounts.TrustedDevices}).
 */
public class SignInDetails extends WebAuthenticationDetails {

    private final @Nullable String deviceToken;

    public SignInDetails(HttpServletRequest request, @Nullable String deviceToken) {
        super(request);
        this.deviceToken = deviceToken;
    }

    public @Nullable String deviceToken() {
        return deviceToken;
    }
}
