package org.openplaza.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: written from {@link Audited} events that any module publishes, read by
 * administrators. Entries are never changed or deleted by the application.
 */
@Service
public class AuditService {

    private final AuditRepository repository;
    private final Clock clock;

    AuditService(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Runs in the publisher's transaction, so an action and its audit entry commit together. */
    @EventListener
    @Transactional
    public void record(Audited event) {
        repository.insert(event, clock.instant());
    }

    /** Whether the log holds an event of this type: for steps done once, such as seeding. */
    @Transactional(readOnly = true)
    public boolean recorded(String eventType) {
        return repository.exists(eventType);
    }

    /** Newest first; {@code text} matches actor, event, object or detail, case-insensitively. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEvent> search(String text, int offset, int limit) {
        return repository.search(text, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    /**
     * What happened to one object, newest first: for a module that shows its objects' history to
     * whoever may see the object (it decides who may, and what of each entry to show).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<AuditEvent> history(String objectType, String objectId, int offset, int limit) {
        return repository.ofObject(objectType, objectId, Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(String text) {
        return repository.count(text);
    }
}
