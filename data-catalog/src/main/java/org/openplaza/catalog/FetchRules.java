package org.openplaza.catalog;

import static org.openplaza.db.catalog.Tables.FETCH_HOST;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.openplaza.audit.Audited;
import org.openplaza.catalog.sources.FetchProperties;
import org.openplaza.platform.Change;
import org.openplaza.platform.Changed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which servers the portal fetches files from (a resource's address, a dataset's source): the
 * hosts of the configuration ({@code openplaza.fetch.*}) and those administrators add here. The
 * allowed hosts narrow fetching to themselves (none: any host whose addresses are public); the
 * internal hosts may be fetched although their addresses are inside the portal's own network. Every
 * node reads the administrators' hosts again when one changes them.
 */
@Service
public class FetchRules {

    /** The two lists a host may be on. */
    public enum Kind {
        ALLOWED,
        INTERNAL
    }

    /** A host on a list: where it comes from, the configuration or an administrator (and who). */
    public record Host(String host, Kind kind, boolean configured, String addedBy) {}

    static final String TOPIC = "fetch-hosts";

    private static final Pattern NAME =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final DSLContext db;
    private final FetchProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private volatile List<String> allowed = List.of();
    private volatile List<String> internal = List.of();
    private volatile boolean loaded;

    FetchRules(DSLContext db, FetchProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Whether files may come from this host: on the allowed hosts, or any host when there are none. */
    public boolean allows(String host) {
        load();
        List<String> hosts = new ArrayList<>(properties.allowedHosts());
        hosts.addAll(allowed);
        return FetchProperties.matches(hosts, host);
    }

    /** Whether this host (by name, as in the address) may be fetched although it is internal. */
    public boolean internalAllowed(String host) {
        load();
        String h = host.toLowerCase(Locale.ROOT);
        return properties.internalHostsAllowed().contains(h) || internal.contains(h);
    }

    /** Both lists, the configuration's first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Host> hosts() {
        List<Host> hosts = new ArrayList<>();
        properties.allowedHosts().forEach(h -> hosts.add(new Host(h, Kind.ALLOWED, true, "")));
        properties.internalHostsAllowed().forEach(h -> hosts.add(new Host(h, Kind.INTERNAL, true, "")));
        db.selectFrom(FETCH_HOST)
                .orderBy(FETCH_HOST.KIND, FETCH_HOST.HOST)
                .forEach(r -> hosts.add(new Host(r.getHost(), Kind.valueOf(r.getKind()), false, r.getAddedBy())));
        return hosts;
    }

    /**
     * Adds a host to a list: a name ({@code data.gov.sg}), or for the allowed hosts a domain with
     * its subdomains ({@code *.go.kr}); an internal host is named exactly. Refused with the reason
     * on the {@code host} field.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void add(String host, Kind kind) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        String name = kind == Kind.ALLOWED && h.startsWith("*.") ? h.substring(2) : h;
        if (name.length() > 253 || !NAME.matcher(name).matches()) {
            throw new CatalogException("host", "fetching.error.host");
        }
        if (db.fetchExists(FETCH_HOST, FETCH_HOST.HOST.eq(h).and(FETCH_HOST.KIND.eq(kind.name())))) {
            return;
        }
        db.insertInto(FETCH_HOST)
                .set(FETCH_HOST.HOST, h)
                .set(FETCH_HOST.KIND, kind.name())
                .set(FETCH_HOST.ADDED_BY, Audited.currentActor())
                .set(FETCH_HOST.ADDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
        announce("FETCH_HOST_ADDED", kind, h);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void remove(String host, Kind kind) {
        if (db.deleteFrom(FETCH_HOST)
                        .where(FETCH_HOST.HOST.eq(host))
                        .and(FETCH_HOST.KIND.eq(kind.name()))
                        .execute()
                > 0) {
            announce("FETCH_HOST_REMOVED", kind, host);
        }
    }

    private void announce(String event, Kind kind, String host) {
        events.publishEvent(Audited.byCurrentUser(event, "fetch-host", kind.name(), host));
        events.publishEvent(new Change(TOPIC, kind.name()));
    }

    @EventListener
    void on(Changed change) {
        if (TOPIC.equals(change.topic())) {
            loaded = false;
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        List<String> allowedNow = new ArrayList<>();
        List<String> internalNow = new ArrayList<>();
        db.selectFrom(FETCH_HOST)
                .forEach(r -> (Kind.valueOf(r.getKind()) == Kind.ALLOWED ? allowedNow : internalNow).add(r.getHost()));
        allowed = List.copyOf(allowedNow);
        internal = List.copyOf(internalNow);
        loaded = true;
    }
}
