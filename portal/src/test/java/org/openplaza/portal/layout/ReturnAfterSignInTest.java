package org.openplaza.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Location;
import org.junit.jupiter.api.Test;

/** Which pages a sign-in returns to: the portal's own, with their state; never another site. */
class ReturnAfterSignInTest {

    @Test
    void a_page_with_its_state_is_kept_whole() {
        String page = "dataset/covid-19-cases-by-province?tab=chart&chart=eyJ0eXBlIjoiUElFIn0";
        assertThat(ReturnAfterSignIn.safe(page)).contains(page);
        assertThat(ReturnAfterSignIn.parameterFor(new Location(page)).getParameters())
                .containsEntry(ReturnAfterSignIn.PARAMETER, java.util.List.of(page));
        assertThat(ReturnAfterSignIn.safe("visualisations?sort=likes")).isPresent();
    }

    @Test
    void other_sites_and_ways_out_of_the_portal_are_refused() {
        for (String elsewhere : new String[] {
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "catalog/../../evil",
            "javascript:alert(1)",
            "login",
            "register?x=1",
            "",
            "dataset/x?q=<script>"
        }) {
            assertThat(ReturnAfterSignIn.safe(elsewhere)).as(elsewhere).isEmpty();
        }
    }
}
