package org.openplaza.portal.layout;

import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times in the reader's language, 12- or 24-hour as the language has it. Times are in
 * the portal's zone ({@code openplaza.time-zone}, the machine's by default) and name it; where the
 * reader's browser is in a zone that differs at that moment, the reader's time follows.
 */
public final class Formats {

    /** The portal's zone; set from the configuration when the portal starts. */
    private static volatile ZoneId zone = ZoneId.systemDefault();

    /** The session attribute holding the reader's zone, as the browser reported it. */
    public static final String READER_ZONE = Formats.class.getName() + ".readerZone";

    private Formats() {}

    /** The portal's time zone for display and for times entered in forms. */
    public static ZoneId zone() {
        return zone;
    }

    /** Sets the portal's zone; called once, at start. */
    public static void use(ZoneId portalZone) {
        zone = portalZone;
    }

    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** Date and time with the zone's name, and the reader's own time where their zone differs. */
    public static String dateTime(Instant instant, Locale locale) {
        ZonedDateTime here = instant.atZone(zone);
        String text = withZone(FormatStyle.MEDIUM, locale).format(here);
        ZoneId reader = readerZone();
        if (reader != null && !reader.getRules().getOffset(instant).equals(here.getOffset())) {
            text += " (" + withZone(FormatStyle.SHORT, locale).format(instant.atZone(reader)) + ")";
        }
        return text;
    }

    private static DateTimeFormatter withZone(FormatStyle style, Locale locale) {
        return new DateTimeFormatterBuilder()
                .appendLocalized(FormatStyle.MEDIUM, style)
                .appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT)
                .toFormatter(locale);
    }

    private static @Nullable ZoneId readerZone() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : (ZoneId) session.getAttribute(READER_ZONE);
    }
}
