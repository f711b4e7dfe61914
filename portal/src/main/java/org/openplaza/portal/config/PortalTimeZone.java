package org.openplaza.portal.config;

import jakarta.annotation.PostConstruct;
import java.time.ZoneId;
import org.openplaza.portal.layout.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The zone the portal shows times in and reads the times of its forms in: {@code
 * openplaza.time-zone} (an IANA name such as {@code Asia/Seoul}), the machine's when unset. A name
 * Java does not know stops the start with a clear error rather than showing times in the wrong zone.
 */
@Component
class PortalTimeZone {

    private final String configured;

    PortalTimeZone(@Value("${openplaza.time-zone:}") String configured) {
        this.configured = configured;
    }

    @PostConstruct
    void apply() {
        Formats.use(configured.isBlank() ? ZoneId.systemDefault() : ZoneId.of(configured.strip()));
    }
}
