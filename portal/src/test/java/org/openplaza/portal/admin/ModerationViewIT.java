package org.openplaza.portal.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.MockUi;
import org.openplaza.portal.testdata.RunningPortal;
import org.openplaza.proposals.ModerationService;
import org.openplaza.proposals.ParticipationSettings;
import org.openplaza.proposals.ProposalService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The moderation screen's rules of participation without a browser: a rule out of its range marked
 * on its field (in English and Korean) and nothing saved, a rule within it saved; and the screen
 * refused by the service to an official. (Reports hidden and dismissed run in the browser in
 * ProposalIT and VisualisationIT.)
 */
@org.junit.jupiter.api.extension.ExtendWith(MockUi.class)
@RunningPortal
class ModerationViewIT {

    @Autowired
    ModerationService moderation;

    @Autowired
    ProposalService proposals;

    private ParticipationSettings before;

    @BeforeEach
    void anAdministrator() {
        MockUi.signIn("admin", "ADMIN");
        before = proposals.settings();
    }

    @AfterEach
    void rulesAsTheyWere() {
        MockUi.signIn("admin", "ADMIN");
        proposals.updateSettings(before);
        SecurityContextHolder.clearContext();
    }

    private ModerationView screen() {
        ModerationView view = new ModerationView(moderation, proposals);
        UI.getCurrent().add(view);
        return view;
    }

    private static IntegerField field(ModerationView view, String id) {
        return _get(view, IntegerField.class, spec -> spec.withId(id));
    }

    @Test
    void a_rule_out_of_its_range_is_marked_on_its_field_and_nothing_is_saved() {
        ModerationView view = screen();
        IntegerField window = field(view, "settings-window");
        window.setValue(400);
        _click(_get(view, Button.class, spec -> spec.withId("settings-save")));
        assertThat(window.isInvalid()).isTrue();
        assertThat(window.getErrorMessage()).isEqualTo("The window is 1 to 365 days.");
        NotificationsKt.expectNotifications("The window is 1 to 365 days.");
        assertThat(field(view, "settings-threshold").isInvalid()).isFalse();
        assertThat(proposals.settings()).isEqualTo(before);

        window.setValue(before.supportWindowDays());
        IntegerField perMinute = field(view, "settings-per-minute");
        perMinute.setValue(0);
        _click(_get(view, Button.class, spec -> spec.withId("settings-save")));
        assertThat(window.isInvalid()).as("mended").isFalse();
        assertThat(perMinute.isInvalid()).isTrue();
        assertThat(field(view, "settings-per-day").isInvalid()).isFalse();
        NotificationsKt.clearNotifications();

        UI.getCurrent().setLocale(Locale.KOREAN);
        ModerationView korean = screen();
        field(korean, "settings-threshold").setValue(0);
        _click(_get(korean, Button.class, spec -> spec.withId("settings-save")));
        assertThat(field(korean, "settings-threshold").getErrorMessage()).isEqualTo("기준 인원은 1~10,000,000명입니다.");
        assertThat(proposals.settings()).isEqualTo(before);
    }

    @Test
    void a_rule_within_its_range_is_saved() {
        ModerationView view = screen();
        field(view, "settings-threshold").setValue(before.supportThreshold() + 1);
        _click(_get(view, Button.class, spec -> spec.withId("settings-save")));
        NotificationsKt.expectNotifications("The rules are saved. They apply to proposals published from now on.");
        assertThat(proposals.settings().supportThreshold()).isEqualTo(before.supportThreshold() + 1);
    }

    @Test
    void an_official_who_opens_the_screen_anyway_is_refused_by_the_service() {
        SecurityContextHolder.clearContext();
        MockUi.signIn("official", "OFFICIAL", "CITIZEN");
        assertThatThrownBy(this::screen)
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(AccessDeniedException.class),
                        e -> assertThat(e).hasRootCauseInstanceOf(AccessDeniedException.class));
    }
}
