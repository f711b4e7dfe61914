package org.openplaza.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DcatCatalog;

/** xsd:dateTime needs the seconds, even when they are zero. */
class DateTimeLiteralTest {

    @Test
    void a_time_on_the_minute_keeps_its_seconds() {
        var model = ModelFactory.createDefaultModel();
        assertThat(DcatCatalog.dateTime(model, Instant.parse("2026-11-29T09:58:00Z"))
                        .getLexicalForm())
                .isEqualTo("2026-11-29T09:58:00Z");
        assertThat(DcatCatalog.dateTime(model, Instant.parse("2026-11-29T09:58:07.123Z"))
                        .getLexicalForm())
                .isEqualTo("2026-11-29T09:58:07Z");
    }
}
