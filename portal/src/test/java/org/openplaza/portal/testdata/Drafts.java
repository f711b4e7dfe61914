package org.openplaza.portal.testdata;

import java.util.List;
import java.util.Set;
import org.openplaza.catalog.DatasetMetadata;
import org.openplaza.catalog.PublishingService;

/** New draft datasets for tests, made through the service as the signed-in official. */
public final class Drafts {

    private Drafts() {}

    /** A draft of the demo's Meteorological Service Singapore, of which the demo official is a publisher. */
    public static long ofTheWeatherService(PublishingService publishing, String title) {
        long organisation = publishing.myOrganisations().stream()
                .filter(o -> o.slug().equals("meteorological-service-singapore"))
                .findFirst()
                .orElseThrow()
                .id();
        return publishing.createDataset(new DatasetMetadata(
                organisation,
                title,
                "Test data.",
                null,
                null,
                Set.of("ENVI"),
                List.of(),
                "SG-ODL-1.0",
                "DAILY",
                null,
                null,
                null,
                "en"));
    }
}
