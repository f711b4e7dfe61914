package org.openplaza.voting;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Votes as the public sees them. */
@Service
public class VoteService {

    private final VoteQuery query;
    private final Clock clock;

    VoteService(VoteQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** Votes open now: opened, not yet closed, not cancelled. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countOpen() {
        return query.countOpen(clock.instant());
    }

    /** Votes open now, closing soonest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<OpenVote> listOpen() {
        return query.listOpen(clock.instant());
    }
}
