package org.openplaza.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.i18n.PortalI18nProvider;

/** Date pickers speak the reader's language: months, days, "Today" and "Cancel". */
class PickersTest {

    @BeforeEach
    void vaadin() {
        System.setProperty("vaadin.i18n.provider", PortalI18nProvider.class.getName());
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void a_korean_picker_has_korean_months_days_and_buttons() {
        UI.getCurrent().setLocale(Locale.KOREAN);
        DatePicker.DatePickerI18n i18n = Pickers.localised(new DatePicker()).getI18n();
        assertThat(i18n.getMonthNames()).startsWith("1월", "2월").hasSize(12);
        assertThat(i18n.getWeekdays()).startsWith("일요일", "월요일");
        assertThat(i18n.getWeekdaysShort()).startsWith("일", "월");
        assertThat(i18n.getToday()).isEqualTo("오늘");
        assertThat(i18n.getCancel()).isEqualTo("취소");
        assertThat(Pickers.localised(new DateTimePicker()).getDatePickerI18n().getToday())
                .isEqualTo("오늘");
    }

    @Test
    void an_english_picker_stays_english() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        DatePicker.DatePickerI18n i18n = Pickers.localised(new DatePicker()).getI18n();
        assertThat(i18n.getMonthNames()).startsWith("January");
        assertThat(i18n.getWeekdaysShort()).startsWith("Sun", "Mon");
        assertThat(i18n.getToday()).isEqualTo("Today");
        assertThat(i18n.getFirstDayOfWeek()).as("Sunday, as in the US").isZero();
    }
}
