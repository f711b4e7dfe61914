package org.openplaza.catalog.sources;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which servers the portal fetches files from, under {@code openplaza.fetch}.
 *
 * @param allowedHosts the hosts files may come from ({@code data.gov.sg}, or {@code *.go.kr} for
 *     a domain and its subdomains); empty, any host whose addresses are public
 * @param internalHostsAllowed hosts (by name, exactly as in the URL) that may be fetched although
 *     their addresses are internal (loopback, private, link-local): a city's own servers on its
 *     intranet. Empty by default, so that no URL reaches the portal's own network.
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long the server may stay silent while sending
 * @param maxRedirects how many redirects are followed, each checked as the first address was
 */
@ConfigurationProperties("openplaza.fetch")
public record FetchProperties(
        @DefaultValue("") List<String> allowedHosts,
        @DefaultValue("") List<String> internalHostsAllowed,
        @DefaultValue("PT10S") Duration connectTimeout,
        @DefaultValue("PT60S") Duration readTimeout,
        @DefaultValue("5") int maxRedirects) {

    public FetchProperties {
        allowedHosts = normalised(allowedHosts);
        internalHostsAllowed = normalised(internalHostsAllowed);
    }

    private static List<String> normalised(List<String> hosts) {
        return hosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .toList();
    }

    /** Whether a list of allowed hosts lets this host in; an empty list lets any in. */
    public static boolean matches(List<String> allowedHosts, String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.")
                    ? h.equals(allowed.substring(2)) || h.endsWith(allowed.substring(1))
                    : h.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    boolean internalAllowed(String host) {
        return internalHostsAllowed.contains(host.toLowerCase(Locale.ROOT));
    }
}
