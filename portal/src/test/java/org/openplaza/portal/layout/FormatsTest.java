package org.openplaza.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Times name their zone, and add the reader's own time where the reader's zone differs. */
class FormatsTest {

    private ZoneId before;

    @BeforeEach
    void setUp() {
        before = Formats.zone();
        Formats.use(ZoneId.of("Asia/Seoul"));
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        Formats.use(before);
    }

    private static final Instant EVENING = Instant.parse("2026-12-01T10:33:00Z");

    @Test
    void a_time_names_the_portals_zone_in_either_language() {
        assertThat(Formats.dateTime(EVENING, Locale.ENGLISH)).isEqualTo("Dec 1, 2026, 7:33:00 PM KST");
        assertThat(Formats.dateTime(EVENING, Locale.KOREAN))
                .startsWith("2026. 12. 1. 오후 7:33:00")
                .contains("KST");
    }

    @Test
    void a_reader_elsewhere_also_gets_their_own_time() {
        VaadinSession.getCurrent().setAttribute(Formats.READER_ZONE, ZoneId.of("Europe/London"));
        assertThat(Formats.dateTime(EVENING, Locale.ENGLISH))
                .isEqualTo("Dec 1, 2026, 7:33:00 PM KST (Dec 1, 2026, 10:33 AM GMT)");
        VaadinSession.getCurrent().setAttribute(Formats.READER_ZONE, ZoneId.of("Asia/Tokyo"));
        assertThat(Formats.dateTime(EVENING, Locale.ENGLISH))
                .as("the same offset: no second time")
                .isEqualTo("Dec 1, 2026, 7:33:00 PM KST");
    }
}
