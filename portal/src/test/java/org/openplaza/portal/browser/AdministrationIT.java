package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An administrator verifies a resident; the change shows in the list and in the audit log. */
class AdministrationIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.openplaza.portal.testdata.MovableClock clock;

    private void openUser(String username) {
        WebElement cell = waiting()
                .until(d -> d.findElements(By.cssSelector("#users-grid vaadin-grid-cell-content")).stream()
                        .filter(e -> e.getText().trim().equals(username))
                        .findFirst()
                        .orElse(null));
        click(cell);
        find("#user-roles");
        waitForVaadin();
    }

    @Test
    void an_administrator_verifies_a_resident_and_it_is_audited() throws Exception {
        signIn("admin", "plaza-admin-demo-key");
        open("/admin/users");
        type("#users-search", "newcomer");
        waitForVaadin();
        waiting().until(d -> !find("#users-grid").getText().contains("official"));
        openUser("newcomer");
        assertAccessible("user dialog");
        click("#user-verified");
        click("#user-save");
        waiting().until(d -> !displayed("#user-roles"));
        openUser("newcomer");
        assertThat(find("#user-verified").getAttribute("checked")).isNotNull();
        click("#user-cancel");

        open("/admin/audit");
        type("#audit-search", "RESIDENT_VERIFIED");
        waitForVaadin();
        waiting().until(d -> find("#audit-grid").getText().contains("newcomer"));
        assertThat(find("#audit-grid").getText()).contains("admin").contains("RESIDENT_VERIFIED");
        click("#audit-check");
        waiting().until(d -> find("#audit-chain").getText().startsWith("The audit log's hash chain is intact:"));
        assertAccessible("audit log");

        // the export an auditor takes away: every sealed entry with its hashes, for administrators only
        java.net.http.HttpResponse<String> export = fetchInThisSession("/admin/audit.csv");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body())
                .startsWith("seal_no,previous_hash,entry_hash,id,occurred_at,actor,event_type")
                .contains(",0000000000000000000000000000000000000000000000000000000000000000,");
    }

    @Test
    void an_administrator_creates_an_organisation_and_makes_an_official_its_publisher() {
        signIn("admin", "plaza-admin-demo-key");
        open("/admin/organisations");
        assertThat(find("#organisations-grid").getText()).contains("London Borough of Lambeth");
        type("#organisation-name", "Seoul Transport Office");
        click("#organisation-create");
        waiting().until(d -> find("#organisations-grid").getText().contains("Seoul Transport Office"));
        WebElement row = waiting()
                .until(d -> d.findElements(By.cssSelector("#organisations-grid vaadin-grid-cell-content")).stream()
                        .filter(e -> e.getText().trim().equals("Seoul Transport Office"))
                        .findFirst()
                        .orElse(null));
        click(row);
        type("#member-username", "nobody-by-this-name");
        click("#member-add");
        assertThat(fieldError("#member-username")).isEqualTo("There is no account with this username.");
        type("#member-username", "official");
        click("#member-add");
        waiting().until(d -> find("#members-grid").getText().contains("official"));
        assertAccessible("admin/organisations");
    }

    @Test
    void an_administrator_cannot_take_away_their_own_administrator_role() {
        signIn("admin", "plaza-admin-demo-key");
        clock.advance(java.time.Duration.ofMinutes(31)); // an old sign-in: the password is asked first
        open("/admin/users");
        type("#users-search", "admin");
        waitForVaadin();
        openUser("admin");
        WebElement adminRole = find("#user-roles").findElements(By.cssSelector("vaadin-checkbox")).stream()
                .filter(e -> e.getText().contains("Administrator"))
                .findFirst()
                .orElseThrow();
        click(adminRole);
        click("#user-save");
        type("#reauth-password", "not my password at all");
        click("#reauth-confirm");
        assertThat(find("#reauth-password").getAttribute("invalid")).isNotNull();
        assertAccessible("password asked again");
        type("#reauth-password", "plaza-admin-demo-key");
        click("#reauth-confirm");
        assertThat(find("vaadin-notification-card").getText())
                .isEqualTo("You cannot remove your own administrator role.");
        assertThat(displayed("#user-roles")).isTrue();
    }
}
