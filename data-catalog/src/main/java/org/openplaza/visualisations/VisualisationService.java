package org.openplaza.visualisations;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public gallery of saved visualisations. */
@Service
public class VisualisationService {

    private final VisualisationQuery query;

    VisualisationService(VisualisationQuery query) {
        this.query = query;
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countVisible() {
        return query.countVisible();
    }

    /** Newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<VisualisationSummary> listVisible(int offset, int limit) {
        return query.listVisible(Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }
}
