package org.openplaza.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's public address, for what others keep and link to (the IRIs of the DCAT
 * catalogue): {@code openplaza.public-url} when it is set, as a deployment should; otherwise the
 * portal on this machine ({@code http://localhost:PORT}). Never the request's {@code Host} header,
 * which whoever sends the request chooses.
 */
@Component
public class PublicAddress {

    private final String configured;

    public PublicAddress(@Value("${openplaza.public-url:}") String configured) {
        String url = configured == null ? "" : configured.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.isEmpty() && !url.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("openplaza.public-url is not an http(s) address: " + configured);
        }
        this.configured = url;
    }

    /** The base of the portal's addresses, without a trailing slash. */
    public String base(HttpServletRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        return "http://localhost:" + request.getLocalPort() + request.getContextPath();
    }
}
