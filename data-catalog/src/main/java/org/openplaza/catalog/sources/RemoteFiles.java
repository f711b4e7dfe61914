package org.openplaza.catalog.sources;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Fetches a file over HTTP or HTTPS for the catalogue, guarded against server-side request
 * forgery: only {@code http} and {@code https}; only hosts the configuration allows; and never an
 * internal address (loopback, private, link-local such as a cloud's metadata service, unique
 * local, carrier-grade NAT, unspecified, multicast, reserved) unless the host is named in {@code
 * openplaza.fetch.internal-hosts-allowed}. The check is made on the addresses the connection then
 * uses (the client resolves names only through it), so a name that resolves to a public address
 * when checked and an internal one when connecting gets nowhere. Redirects are followed by hand,
 * each checked as the first address was; no proxy from the environment is used; the body is cut
 * off beyond the size allowed.
 */
@Component
@EnableConfigurationProperties(FetchProperties.class)
public class RemoteFiles {

    /** What a fetch brought: the file written, the name it goes by, and what the server said of it. */
    public record Fetched(
            Path file,
            String filename,
            @Nullable String contentType,
            @Nullable String etag,
            @Nullable String lastModified,
            URI from,
            boolean notModified) {}

    private final FetchProperties properties;
    private final java.util.function.Predicate<String> allows;
    private final java.util.function.Predicate<String> internalAllowed;
    private final CloseableHttpClient client;

    /** With the configuration's hosts and the administrators'. */
    @org.springframework.beans.factory.annotation.Autowired
    RemoteFiles(FetchProperties properties, org.openplaza.catalog.FetchRules rules) {
        this(properties, rules::allows, rules::internalAllowed);
    }

    /** With the configuration's hosts only. */
    RemoteFiles(FetchProperties properties) {
        this(properties, h -> FetchProperties.matches(properties.allowedHosts(), h), properties::internalAllowed);
    }

    private RemoteFiles(
            FetchProperties properties,
            java.util.function.Predicate<String> allows,
            java.util.function.Predicate<String> internalAllowed) {
        this.properties = properties;
        this.allows = allows;
        this.internalAllowed = internalAllowed;
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = InetAddress.getAllByName(host);
                if (!internalAllowed.test(host)) {
                    for (InetAddress address : addresses) {
                        if (internal(address)) {
                            throw new InternalAddress(host, address);
                        }
                    }
                }
                return addresses;
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                List<InetSocketAddress> all = new ArrayList<>();
                for (InetAddress address : resolve(host)) {
                    all.add(new InetSocketAddress(address, port));
                }
                return all;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return resolve(host)[0].getCanonicalHostName();
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.readTimeout()))
                                .build())
                        .build())
                .disableRedirectHandling()
                // every fetch connects anew, so that every one is checked where the host resolves: a
                // kept connection would outlive an internal host taken off the list
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("OpenPlaza")
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    /** An address refused because it is internal, raised where the client resolves a host. */
    static final class InternalAddress extends UnknownHostException {
        InternalAddress(String host, InetAddress address) {
            super(host + " is " + address.getHostAddress() + ", an internal address");
        }
    }

    /**
     * Fetches the address into {@code target}, at most {@code maxBytes}. With an ETag or a
     * Last-Modified from an earlier fetch, the request is conditional, and a server that says
     * nothing changed gives {@link Fetched#notModified()} with nothing written.
     */
    public Fetched fetch(
            String address, Path target, long maxBytes, @Nullable String etag, @Nullable String lastModified) {
        URI uri = checked(address);
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            HttpGet get = new HttpGet(uri);
            if (etag != null) {
                get.addHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.addHeader("If-Modified-Since", lastModified);
            }
            URI from = uri;
            Object outcome;
            try {
                outcome = client.execute(get, response -> answer(from, response, target, maxBytes));
            } catch (InternalAddress e) {
                throw new CatalogException("url", "fetch.error.internal", uri.getHost());
            } catch (CatalogException e) {
                throw e;
            } catch (IOException e) {
                throw new CatalogException("url", "fetch.error.unreachable", uri.getHost(), describe(e));
            }
            if (outcome instanceof Fetched fetched) {
                return fetched;
            }
            uri = checked(uri.resolve((String) outcome).toString());
        }
        throw new CatalogException("url", "fetch.error.redirects", properties.maxRedirects());
    }

    /** The response: a file fetched, or the address a redirect points to. */
    private Object answer(URI from, ClassicHttpResponse response, Path target, long maxBytes) throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400 && status != 304) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new CatalogException("url", "fetch.error.status", from.getHost(), status);
            }
            return location.getValue();
        }
        String etag = value(response.getFirstHeader("ETag"));
        String modified = value(response.getFirstHeader("Last-Modified"));
        if (status == 304) {
            return new Fetched(target, filename(from, null), null, etag, modified, from, true);
        }
        if (status != 200) {
            throw new CatalogException("url", "fetch.error.status", from.getHost(), status);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new CatalogException("url", "fetch.error.status", from.getHost(), status);
        }
        if (entity.getContentLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = entity.getContent();
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return new Fetched(
                target,
                filename(from, value(response.getFirstHeader("Content-Disposition"))),
                entity.getContentType(),
                etag,
                modified,
                from,
                false);
    }

    private static CatalogException tooLarge(long maxBytes) {
        return new CatalogException(
                "url", "publish.error.too-large", org.apache.commons.io.FileUtils.byteCountToDisplaySize(maxBytes));
    }

    private static @Nullable String value(@Nullable Header header) {
        return header == null ? null : header.getValue();
    }

    /** The name a Content-Disposition gives, or the last segment of the path, or {@code download.csv}. */
    static String filename(URI from, @Nullable String disposition) {
        if (disposition != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?")
                    .matcher(disposition);
            if (m.find() && !m.group(1).isBlank()) {
                return Path.of(m.group(1).strip()).getFileName().toString();
            }
        }
        String path = from.getPath() == null ? "" : from.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "download.csv" : last;
    }

    /**
     * The address as a URI the rules allow, before any connection (scheme, the list of hosts);
     * the addresses a host resolves to are checked when a fetch connects.
     */
    public URI check(String address) {
        return checked(address);
    }

    /**
     * As {@link #check}, and an address written as an internal IP address (127.0.0.1, 10.0.0.5,
     * [::1]) that is not an allowed intranet host is refused now rather than when it is first
     * fetched: for what is kept to be fetched later (a harvest source).
     */
    public URI checkToKeep(String address) {
        URI uri = checked(address);
        String host = uri.getHost();
        boolean literal = host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (literal && !internalAllowed.test(host)) {
            try {
                InetAddress ip = InetAddress.getByName(host.replaceAll("^\\[|\\]$", ""));
                if (internal(ip)) {
                    throw new CatalogException("url", "fetch.error.internal", host);
                }
            } catch (UnknownHostException e) {
                throw new CatalogException("url", "fetch.error.address", address);
            }
        }
        return uri;
    }

    /** The address as a URI the rules allow, before any connection: scheme, host list, and literal addresses. */
    URI checked(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new CatalogException("url", "fetch.error.address", address);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CatalogException("url", "fetch.error.scheme");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            throw new CatalogException("url", "fetch.error.address", address);
        }
        if (!allows.test(host)) {
            throw new CatalogException("url", "fetch.error.host-not-allowed", host);
        }
        return uri;
    }

    /**
     * Whether an address is one the portal's own network may use: loopback, private (RFC 1918),
     * link-local (a cloud's metadata service at 169.254.169.254), unique local IPv6, carrier-grade
     * NAT, unspecified, multicast, or reserved, with IPv4 inside IPv6 judged as its IPv4 address.
     */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
            boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean nat64 =
                    (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (compatible || mapped || nat64) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
