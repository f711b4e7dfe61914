package org.openplaza.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** The portal on a phone: every action of the header reachable, nothing wider than the screen. */
class PhoneIT extends BrowserTest {

    private void phone(int width) {
        driver.manage().window().setSize(new Dimension(width, 844));
    }

    @AfterEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The page scrolls only up and down. */
    private void noSidewaysScrolling(String page) {
        Object overflow = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("sideways scrolling on %s", page).isEqualTo(false);
    }

    /** Every element of the header that is shown lies wholly on the screen. */
    private void headerFits(String page) {
        int width = ((Long) js("return window.innerWidth")).intValue();
        @SuppressWarnings("unchecked")
        List<WebElement> shown =
                (List<WebElement>) js("return [...document.querySelectorAll('vaadin-app-layout > [slot=navbar] *')]"
                        + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 0"
                        + " && !e.classList.contains('skip-link'))");
        for (WebElement element : shown) {
            var box = element.getRect();
            assertThat(box.getX() + box.getWidth())
                    .as("the right edge of %s <%s> on %s", element.getAttribute("id"), element.getTagName(), page)
                    .isLessThanOrEqualTo(width);
        }
    }

    private void openDrawer() {
        click("vaadin-drawer-toggle");
        waiting()
                .until(d -> Boolean.TRUE.equals(js("return document.querySelector('vaadin-app-layout').drawerOpened")));
        waitForOverlays();
    }

    @Test
    void at_320_and_390_pixels_a_visitor_finds_sign_in_and_register_in_the_drawer() {
        for (int width : new int[] {320, 390}) {
            phone(width);
            open("/");
            headerFits("the home page at " + width);
            noSidewaysScrolling("the home page at " + width);
            assertThat(displayed("#sign-in-link"))
                    .as("the header's own link, hidden for the drawer's")
                    .isFalse();
            openDrawer();
            assertThat(find("#drawer-register").isDisplayed()).isTrue();
            assertAccessible("the drawer open at " + width);
            click("#drawer-sign-in");
            waiting().until(d -> pathOnly().equals("/login"));
        }
        desktop();
        open("/");
        assertThat(displayed("#sign-in-link"))
                .as("on a wide screen, in the header")
                .isTrue();
        assertThat(displayed("#drawer-sign-in")).isFalse();
    }

    @Test
    void a_signed_in_citizen_on_a_phone_reaches_notifications_her_account_and_sign_out() {
        signIn("citizen", "plaza-citizen-demo");
        phone(320);
        open("/catalog");
        headerFits("the catalogue at 320");
        assertThat(displayed("#sign-out")).isFalse();
        openDrawer();
        assertThat(find("#drawer-notifications").isDisplayed()).isTrue();
        click("#drawer-account");
        waiting().until(d -> pathOnly().equals("/account"));
        waitForVaadin();
        noSidewaysScrolling("the account page at 320");
        openDrawer();
        click("#drawer-sign-out");
        waiting().until(d -> !present("#drawer-sign-out") && present("#drawer-sign-in"));
        open("/account");
        assertThat(pathOnly()).as("signed out").isEqualTo("/login");
    }

    @Test
    void lists_are_cards_with_whole_titles_and_the_filters_fold_away_on_a_phone() {
        phone(390);
        for (String page : new String[] {"/", "/catalog", "/proposals", "/votes", "/visualisations", "/dashboards"}) {
            open(page);
            noSidewaysScrolling(page);
            headerFits(page);
            Object clipped = js("return [...document.querySelectorAll('.card-title')]"
                    + ".filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.textContent)");
            assertThat((List<?>) clipped).as("card titles cut off on %s", page).isEmpty();
            assertAccessible(page + " at 390 px");
        }

        open("/");
        // the city at a glance, and its dashboard's own page: tiles in one column
        open(find("#home-glance-link").getDomAttribute("href").replaceFirst("^/?", "/"));
        waiting().until(d -> present(".dashboard-tile .key-figure-value"));
        noSidewaysScrolling("the demo dashboard");
        Object tileWidths = js("return [...document.querySelectorAll('.dashboard-tile')]"
                + ".map(t => Math.round(t.getBoundingClientRect().width))");
        assertThat((List<?>) tileWidths)
                .as("every tile as wide as the others, one a row")
                .isNotEmpty()
                .allSatisfy(w -> assertThat(((Number) w).longValue()).isGreaterThan(300));
        assertAccessible("the demo dashboard at 390 px");

        open("/visualisations");
        waiting()
                .withMessage("each chart's card shows the chart, small")
                .until(d -> driver.findElements(org.openqa.selenium.By.cssSelector(
                                        "#visualisations-grid .card-thumbnail svg path"))
                                .size()
                        > 0);
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("#visualisations-grid .card")))
                .allSatisfy(card -> assertThat(card.findElements(org.openqa.selenium.By.cssSelector(".card-thumbnail")))
                        .as("a thumbnail on every demo chart's card")
                        .hasSize(1));

        open("/catalog");
        assertThat(displayed("#catalog-facets")).as("the facets folded away").isFalse();
        long firstResult = (Long)
                js("return Math.round(document.querySelector('#catalog-results a').getBoundingClientRect().top)");
        assertThat(firstResult).as("the first result on the first screen").isLessThan(844);
        WebElement toggle = find("#catalog-facets-toggle");
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
        click(toggle);
        waiting().until(d -> displayed("#catalog-facets"));
        assertThat(find("#catalog-facets-toggle").getDomAttribute("aria-expanded"))
                .isEqualTo("true");
        assertAccessible("the catalogue's facets unfolded at 390 px");

        open("/proposals?status=published");
        assertThat(displayed("#proposals-status")).isFalse();
        assertThat(find("#proposals-filters-toggle").getText()).isEqualTo("Filters (1 chosen)");
        assertThat(find("#proposals-grid .card-title").isDisplayed()).isTrue();
        click("#proposals-filters-toggle");
        waiting().until(d -> displayed("#proposals-status"));

        desktop();
        open("/catalog");
        assertThat(displayed("#catalog-facets"))
                .as("always shown on a wide screen")
                .isTrue();
        assertThat(displayed("#catalog-facets-toggle")).isFalse();
    }

    private String focusedSuggestion() {
        return String.valueOf(js("const item = document.querySelector('vaadin-combo-box-item[focused]');"
                + " return item ? item.textContent.trim() : ''"));
    }

    private String suggestions() {
        return String.valueOf(js("return [...document.querySelectorAll('vaadin-combo-box-item')]"
                + ".map(i => i.textContent.trim()).join('|')"));
    }

    @Test
    void the_home_pages_search_box_suggests_as_one_types_and_finds_every_kind() {
        phone(390);
        open("/");
        find("#home-search input").sendKeys("gard");
        waiting()
                .withMessage(() -> "suggestions: " + suggestions())
                .until(d -> suggestions().contains("Rain gardens to stop street flooding · Proposal"));
        assertAccessible("the home page's suggestions at 390 px");
        assertThat(currentPath()).as("leaving the box does not search").isEqualTo("/");
        // the scan took the focus: back in the box, the suggestions open again
        find("#home-search input").sendKeys("e");
        waiting()
                .withMessage(() -> "suggestions again: " + suggestions())
                .until(d -> suggestions().contains("Rain gardens to stop street flooding · Proposal"));
        // chosen with the keyboard: down to the proposal, then Enter
        // the list as the server answered for the last letter, not the one before it
        waitForVaadin();
        waiting().until(d -> Boolean.FALSE.equals(js("return document.getElementById('home-search').loading")));
        WebElement box = find("#home-search input");
        for (int i = 0; i < 12 && !focusedSuggestion().startsWith("Rain gardens"); i++) {
            String before = focusedSuggestion();
            box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
            // one step at a time: the list shows the new focus before the next key
            waiting().until(d -> !focusedSuggestion().equals(before));
        }
        assertThat(focusedSuggestion()).startsWith("Rain gardens");
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        waiting()
                .withMessage("a suggestion chosen opens its page")
                .until(d -> currentPath().startsWith("/proposal/"));
        waitFor("h1", "Rain gardens to stop street flooding");

        open("/");
        find("#home-search input").sendKeys("rain", org.openqa.selenium.Keys.ENTER);
        waiting()
                .withMessage("Enter searches for the words typed")
                .until(d -> currentPath().equals("/search?q=rain"));
        waitFor("#search-summary", "results for \u201crain\u201d");
        for (String kind : new String[] {"dataset", "chart", "proposal"}) {
            assertThat(present("#search-" + kind + " a")).as("a %s found", kind).isTrue();
        }
        noSidewaysScrolling("/search");
        assertAccessible("/search at 390 px");
        // the button beside the box searches too, for a keyboard without Enter
        find("#search-words input").sendKeys("gardens");
        waiting().until(d -> suggestions().contains("Rain gardens"));
        // while the list of suggestions is open the page takes no clicks: leaving the box folds it
        find("#search-words input").sendKeys(org.openqa.selenium.Keys.TAB);
        click("#search-words-go");
        waiting()
                .withMessage("the Search button searches for the words typed")
                .until(d -> currentPath().equals("/search?q=gardens"));
        waitFor("#search-summary", "for \u201cgardens\u201d");
    }

    @Test
    void a_row_of_the_data_table_opens_as_a_record_of_every_column_on_a_phone() {
        phone(390);
        open("/catalog?q=province");
        click("#catalog-results a");
        waiting().until(d -> currentPath().startsWith("/dataset/"));
        WebElement firstCell = waiting().withMessage("the table's first row").until(d -> (WebElement) js("""
                        const grid = document.getElementById('data-grid');
                        if (!grid || grid.hasAttribute('loading')) { return null; }
                        const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                            .find(r => !r.hidden && r.index === 0);
                        const slot = row && row.querySelector('td slot');
                        return slot ? grid.querySelector('vaadin-grid-cell-content[slot="' + slot.name + '"]') : null;
                        """));
        click(firstCell);
        waiting().withMessage("the row's record opened").until(d -> displayed("#data-grid .data-record"));
        String record = find("#data-grid .data-record").getText();
        assertThat(record).as("every column's label").contains("date", "time", "province", "confirmed", "released");
        assertThat(record).as("the values as the table shows them").containsPattern("\\d{4}-\\d{2}-\\d{2}");
        noSidewaysScrolling("a dataset's record at 390 px");
        assertAccessible("a dataset's record at 390 px");

        // sorting a column scrolled into view keeps it in view
        js("const table = document.getElementById('data-grid').$.table; table.scrollLeft = table.scrollWidth;");
        long before = (Long) js("return Math.round(document.getElementById('data-grid').$.table.scrollLeft)");
        assertThat(before).as("the table is wider than a phone").isPositive();
        WebElement last = (WebElement) js("const sorters = document.querySelectorAll('#data-grid vaadin-grid-sorter');"
                + " return sorters[sorters.length - 1];");
        click(last);
        waiting().until(d -> last.getDomAttribute("direction") != null);
        waitForVaadin();
        long after = (Long) js("return Math.round(document.getElementById('data-grid').$.table.scrollLeft)");
        assertThat(after).as("the sorted column still in view").isEqualTo(before);
    }
}
