package org.openplaza.portal.layout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times in the visitor's language. */
public final class Formats {

    /** The portal's time zone for display; configurable later per deployment. */
    public static final ZoneId ZONE = ZoneId.systemDefault();

    private Formats() {}

    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(ZONE));
    }

    public static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.atZone(ZONE));
    }
}
