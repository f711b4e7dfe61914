package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.PublishingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The datasets the portal publishes itself are found by a stable key, not by title: an
 * administrator who edits the title does not make the portal start a second dataset beside it.
 * Only administrators (and the portal's own jobs, which act as one) reach them by key. A portal
 * upgraded from before keys gives its existing participation and ballot datasets their keys.
 */
@SpringBootTest
@Transactional
class SystemDatasetsTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_system_dataset_is_found_by_its_key_whatever_its_title_becomes() {
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("OpenPlaza participation test").id();
        long id = publishing.createSystemDataset(
                "participation-test", TestDatasets.metadata(organisation, "Proposals, as first named"));
        publishing.updateMetadata(id, TestDatasets.metadata(organisation, "Proposals, renamed by an administrator"));

        assertThat(publishing.systemDataset("participation-test")).get().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.title()).isEqualTo("Proposals, renamed by an administrator");
        });
        assertThat(publishing.systemDataset("participation-other")).isEmpty();
        assertThatThrownBy(() -> publishing.createSystemDataset("Not A Key!", TestDatasets.metadata(organisation, "x")))
                .isInstanceOf(IllegalArgumentException.class);

        TestCallers.signIn("an-official", "OFFICIAL", "CITIZEN");
        assertThatThrownBy(() -> publishing.systemDataset("participation-test"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_upgraded_portal_gives_its_existing_datasets_their_keys() throws Exception {
        String url = "jdbc:h2:mem:keys-upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").target("19").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO catalog.organisation (id, name, slug, created_at) VALUES (900, 'OpenPlaza participation',"
                            + " 'openplaza-participation', CURRENT_TIMESTAMP), (901, 'Mapo-gu office', 'mapo-gu-office', CURRENT_TIMESTAMP)");
            String insert = "INSERT INTO catalog.dataset (id, organisation_id, slug, title, state, created_at,"
                    + " modified_at) VALUES (%d, %d, '%s', '%s', 'PUBLISHED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
            s.execute(insert.formatted(1, 900, "proposals-1", "Proposals on OpenPlaza"));
            s.execute(insert.formatted(2, 900, "votes-2", "Votes on OpenPlaza and their results"));
            s.execute(insert.formatted(3, 900, "ballots-3", "Ballots of vote 42: Light the riverside path?"));
            s.execute(insert.formatted(4, 901, "ballots-4", "Ballots of vote 7: the office title"));
            s.execute(insert.formatted(5, 900, "supports-5", "Supports for proposals per day"));
        }
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        Map<Long, String> keys = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, system_key FROM catalog.dataset")) {
            while (r.next()) {
                keys.put(r.getLong(1), r.getString(2));
            }
        }
        assertThat(keys)
                .containsEntry(1L, "participation-proposals")
                .containsEntry(2L, "participation-votes")
                .containsEntry(3L, "vote-ballots-42")
                .containsEntry(5L, "participation-supports");
        assertThat(keys.get(4L))
                .as("another organisation's dataset keeps no key")
                .isNull();
    }
}
