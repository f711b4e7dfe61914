package org.openplaza.portal.layout;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date and date-time pickers in the reader's language: month and day names from the locale, the
 * week starting where the locale starts it, "Today" and "Cancel" from the portal's messages, and
 * dates typed and shown in the locale's format.
 */
public final class Pickers {

    private Pickers() {}

    public static DatePicker localised(DatePicker picker) {
        Locale locale = picker.getLocale();
        picker.setLocale(locale);
        picker.setI18n(i18n(picker, locale));
        return picker;
    }

    public static DateTimePicker localised(DateTimePicker picker) {
        Locale locale = picker.getLocale();
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(picker, locale));
        return picker;
    }

    private static DatePicker.DatePickerI18n i18n(com.vaadin.flow.component.Component c, Locale locale) {
        // the picker lists the days from Sunday, whatever day the week starts on
        List<DayOfWeek> fromSunday = List.of(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdays(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.FULL, locale))
                        .toList())
                .setWeekdaysShort(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                        .toList())
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(c.getTranslation("picker.today"))
                .setCancel(c.getTranslation("picker.cancel"));
    }
}
