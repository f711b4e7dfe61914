package org.openplaza.catalog;

import java.util.List;
import org.openplaza.catalog.listing.CatalogQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public face of the data catalogue: what anybody may list and count. */
@Service
public class CatalogService {

    private final CatalogQuery query;

    CatalogService(CatalogQuery query) {
        this.query = query;
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int countPublishedDatasets() {
        return query.countPublished();
    }

    /** Published datasets, most recently modified first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<DatasetSummary> listPublishedDatasets(int offset, int limit) {
        return query.listPublished(Math.max(0, offset), Math.max(1, Math.min(limit, 200)));
    }
}
