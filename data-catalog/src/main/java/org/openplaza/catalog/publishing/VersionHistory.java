package org.openplaza.catalog.publishing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openplaza.catalog.VersionSummary;

/** A dataset's versions, oldest first, each with its schema diff against the one before. */
public final class VersionHistory {

    private VersionHistory() {}

    public static List<VersionSummary> of(PublishingRepository repository, long datasetId) {
        Map<Long, List<PublishingRepository.StoredColumn>> columns = new HashMap<>();
        for (PublishingRepository.StoredColumn column : repository.columns(datasetId)) {
            columns.computeIfAbsent(column.versionId(), k -> new ArrayList<>()).add(column);
        }
        List<VersionSummary> versions = new ArrayList<>();
        List<PublishingRepository.StoredColumn> previous = null;
        for (PublishingRepository.StoredVersion v : repository.versions(datasetId)) {
            List<PublishingRepository.StoredColumn> current = columns.getOrDefault(v.id(), List.of());
            SchemaDiff diff = SchemaDiff.between(previous, current);
            versions.add(new VersionSummary(
                    v.id(),
                    v.number(),
                    v.rows(),
                    v.bytes(),
                    v.sha256(),
                    v.encoding(),
                    v.filename(),
                    v.at(),
                    diff.added(),
                    diff.removed(),
                    diff.retyped(),
                    v.mediaType(),
                    v.format(),
                    v.live(),
                    v.sourceUrl(),
                    v.tableDropped()));
            previous = current;
        }
        return versions;
    }
}
