package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Registration;
import org.openplaza.platform.RunAs;
import org.openplaza.proposals.ParticipationSettings;
import org.openplaza.proposals.ProposalService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen writes a proposal that links a visualisation and publishes it; two other verified
 * citizens support it past the threshold; an official answers by scheduling a vote; the author
 * finds the notification. A comment is reported and an administrator hides it.
 */
class ProposalIT extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Autowired
    ProposalService proposals;

    @Autowired
    RunAs runAs;

    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private String verifiedCitizen(String name) {
        String username = name + tag;
        long id = accounts.register(new Registration(
                        username, "Supporter " + name, username + "@example.org", "copper meadow quietly hums"))
                .id();
        runAs.run(admin(), () -> accounts.setVerifiedResident(id, true));
        return username;
    }

    @Test
    void a_citizen_proposal_gathers_support_gets_an_answer_and_a_rude_comment_is_hidden() {
        runAs.run(admin(), () -> proposals.updateSettings(new ParticipationSettings(2, 30, 10, 10)));
        String first = verifiedCitizen("ann");
        String second = verifiedCitizen("bo");
        String title = "Shade trees on school routes " + tag;

        // the author writes a draft with a chart as evidence and publishes it
        signIn("citizen", "plaza-citizen-demo");
        open("/proposals");
        click("#proposal-new");
        waiting().until(d -> currentPath().equals("/proposals/new"));
        type("#proposal-title", title);
        find("#proposal-summary-field textarea").sendKeys("Plant trees where children walk to school.");
        find("#proposal-body-field textarea")
                .sendKeys("Summers are **hot**. <script>alert('x')</script>\n\n- shade\n- safety");
        choose("#proposal-category", "Environment");
        type("#proposal-tags", "trees, schools");
        WebElement evidence = find("#proposal-visualisations input");
        evidence.sendKeys("Monthly rainfall");
        waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                        .filter(WebElement::isDisplayed)
                        .filter(e -> e.getText().contains("Monthly rainfall in Singapore"))
                        .findFirst()
                        .map(e -> {
                            e.click();
                            return true;
                        })
                        .orElse(false));
        evidence.sendKeys(Keys.ESCAPE);
        waiting()
                .until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                        .noneMatch(WebElement::isDisplayed));
        assertAccessible("proposal editor");
        click("#proposal-save");
        waiting().until(d -> currentPath().startsWith("/proposal/"));
        String page = driver.getCurrentUrl();
        waitFor("#proposal-status", "Draft");
        click("#proposal-publish");
        click("#proposal-publish-confirm");
        waitFor("#proposal-status", "Collecting support");
        waitFor("#proposal-supports", "0 of 2 supports");
        assertThat(find("#proposal-body strong").getText()).isEqualTo("hot");
        assertThat(driver.findElements(By.cssSelector("#proposal-body script"))).isEmpty();
        assertThat(find("#proposal-body").getText()).contains("<script>");
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#proposal-evidence opz-chart svg path"))
                        .isEmpty());
        assertAccessible("proposal page");

        // two verified citizens support it; the first also comments rudely
        switchTo(first, "copper meadow quietly hums");
        driver.get(page);
        waitForVaadin();
        click("#proposal-support-button");
        waitFor("#proposal-supports", "1 of 2 supports");
        find("#comment-text textarea").sendKeys("Only fools would want this.");
        click("#comment-post");
        waitFor("#proposal-comments", "Only fools would want this.");

        switchTo(second, "copper meadow quietly hums");
        driver.get(page);
        waitForVaadin();
        click("#proposal-support-button");
        waitFor("#proposal-supports", "2 of 2 supports");
        waitFor("#proposal-status", "Qualified, awaiting an answer");
        click("#proposal-comments vaadin-button[id^=comment-report-]");
        find("#report-reason textarea").sendKeys("Insults people who disagree");
        click("#report-reason-confirm");
        waiting().until(d -> !displayed("#report-reason"));

        // an official finds it waiting and schedules a vote
        switchTo("official", "plaza-official-demo");
        open("/proposals/queue");
        waitFor("#queue-grid", title);
        waiting()
                .until(d -> !d.findElements(By.cssSelector("#dashboard-origin svg path"))
                        .isEmpty());
        assertAccessible("officials' dashboard");
        driver.get(page);
        waitForVaadin();
        click("#proposal-answer");
        find("#proposal-answer-reason textarea").sendKeys("We will put this to all citizens in the June vote.");
        click("#proposal-answer-send");
        waitFor("#proposal-status", "Scheduled for a vote");
        waitFor("#proposal-history", "We will put this to all citizens in the June vote.");

        // the author is told
        switchTo("citizen", "plaza-citizen-demo");
        waitFor("#notifications-link", "new");
        open("/notifications");
        waitFor("#notifications-list", "Answered, \"Scheduled for a vote\": " + title);
        assertAccessible("notifications");

        // the administrator hides the reported comment with a reason everybody sees
        switchTo("admin", "plaza-admin-demo-key");
        open("/admin/moderation");
        waitFor("#moderation-grid", "Only fools would want this.");
        assertAccessible("moderation queue");
        click("#moderation-grid vaadin-button[id^=moderation-hide-]");
        find("#moderation-hide-reason textarea").sendKeys("Personal attack");
        click("#moderation-hide-reason-confirm");
        waiting().until(d -> !find("#moderation-grid").getText().contains("Only fools"));

        driver.manage().deleteAllCookies();
        driver.get(page);
        waitForVaadin();
        waitFor("#proposal-comments", "Hidden by moderation: Personal attack");
        assertThat(find("#proposal-comments").getText()).doesNotContain("Only fools");
        open("/moderation");
        waitFor("#moderation-log", "Personal attack");
        assertThat(find("#moderation-log").getText()).doesNotContain("Only fools");
        assertAccessible("moderation log");

        // shown again by an administrator, with the reason in the log
        signIn("admin", "plaza-admin-demo-key");
        driver.get(page);
        waitForVaadin();
        click("#proposal-comments vaadin-button[id^=comment-restore-]");
        find("#restore-reason textarea").sendKeys("A quote from the press, not an insult");
        click("#restore-reason-confirm");
        waiting().until(d -> !find("#proposal-comments").getText().contains("Hidden by moderation"));
        driver.manage().deleteAllCookies();
        open("/moderation");
        waitFor("#moderation-log", "A quote from the press, not an insult");
        open("/proposals?tag=trees");
        assertThat(find("#proposals-grid").getText()).contains(title);
        List<String> counts = driver.findElements(By.cssSelector("#proposals-origins a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(counts).anyMatch(c -> c.startsWith("Citizen: "));
        assertAccessible("proposals list");
    }

    @Test
    void participation_is_published_as_open_data_in_the_catalogue() {
        open("/catalog?q=proposals");
        waitFor("#catalog-results", "Proposals on OpenPlaza");
        open("/catalog?q=supports");
        waitFor("#catalog-results", "Supports for proposals per day");
        open("/catalog?q=lifecycles");
        waitFor("#catalog-results", "Proposal lifecycles and official answers");
        open("/catalog?q=proposals");
        WebElement proposalsDataset = waiting()
                .withMessage("the proposals dataset in the results")
                .until(d -> d.findElements(By.cssSelector("#catalog-results a")).stream()
                        .filter(a -> a.getText().equals("Proposals on OpenPlaza"))
                        .findFirst()
                        .orElse(null));
        click(proposalsDataset);
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        waitForVaadin();
        waitFor("#dataset-publisher", "OpenPlaza participation");
        waiting()
                .withMessage("the demo's proposals in the data")
                .until(d -> find("#data-grid").getText().contains("Rain gardens to stop street flooding"));
    }

    @Test
    void an_official_puts_a_government_proposal_of_their_organisation_to_a_vote() {
        signIn("official", "plaza-official-demo");
        open("/proposals/new");
        assertThat(chosen("#proposal-organisation"))
                .as("one of the official's organisations comes first")
                .isNotBlank()
                .doesNotStartWith("Nobody");
        type("#proposal-title", "Free buses on Sundays " + tag);
        find("#proposal-summary-field textarea").sendKeys("Buses cost nothing on Sundays for a trial year.");
        choose("#proposal-category", "Transport");
        click("#proposal-save");
        waiting().until(d -> currentPath().startsWith("/proposal/"));
        waitFor("#proposal-origin", "Government");
        click("#proposal-publish");
        click("#proposal-publish-confirm");
        waitFor("#proposal-status", "Scheduled for a vote");
        assertThat(present("#proposal-support"))
                .as("government proposals collect no supports")
                .isFalse();
        assertAccessible("government proposal");
    }

    @Test
    void a_citizen_edits_and_deletes_her_comment_and_an_administrator_reads_what_it_said() {
        long library = proposals.search(org.openplaza.proposals.ProposalSearch.all(), 0, 50).stream()
                .filter(p -> p.title().startsWith("Libraries open until 10 pm"))
                .findFirst()
                .orElseThrow()
                .id();
        String mark = Long.toString(System.nanoTime(), 36);
        signIn("citizen", "plaza-citizen-demo");
        open("/proposal/" + library);
        find("#comment-text textarea").sendKeys("First words " + mark);
        click("#comment-post");
        waitFor("#proposal-comments", "First words " + mark);
        String comment = (String) js(
                "return [...document.querySelectorAll('.comment')]"
                        + ".find(c => c.innerText.includes(arguments[0])).id.substring('comment-'.length)",
                mark);

        click("#comment-edit-" + comment + " vaadin-details-summary");
        find("#comment-edit-text-" + comment + " textarea").clear();
        find("#comment-edit-text-" + comment + " textarea").sendKeys("Better words " + mark);
        click("#comment-edit-save-" + comment);
        waitFor("#comment-" + comment, "Better words " + mark);
        assertThat(find("#comment-" + comment).getText()).contains("edited").doesNotContain("First words");
        assertAccessible("a comment edited by its author");

        click("#comment-delete-" + comment);
        click("#comment-delete-" + comment + "-confirm");
        waitFor("#comment-deleted-" + comment, "Deleted by its author.");
        assertThat(find("#comment-" + comment).getText()).doesNotContain("Better words");

        switchTo("admin", "plaza-admin-demo-key");
        open("/proposal/" + library);
        click("#comment-history-" + comment + " vaadin-details-summary");
        assertThat(find("#comment-history-" + comment).getText())
                .contains("First words " + mark, "Better words " + mark);
    }
}
