package org.openplaza.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * The migration that made the vote deciding a proposal data (V021), run on a database that had
 * the English notes earlier counts wrote: each note of a vote that adopted or rejected becomes the
 * vote's id; every other reason stays as it was.
 */
class VoteNotesMigrationTest {

    @Test
    void the_old_english_vote_notes_become_vote_ids_and_nothing_else_changes() throws Exception {
        String url = "jdbc:h2:mem:vote-notes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("20"))
                .load();
        flyway.migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO accounts.app_user (id, username, display_name, email, password_hash, created_at)"
                    + " VALUES (1, 'ann', 'Ann', 'ann@city.example', '{noop}x', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO voting.proposal (id, origin, author_id, title, summary, body, category, status,"
                    + " created_at, updated_at) VALUES (1, 'CITIZEN', 1, 'Trees', 'More trees', 'Plant them.',"
                    + " 'ENVIRONMENT', 'ADOPTED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO voting.vote (id, question, opens_at, closes_at, created_at) VALUES (7, 'Trees?',"
                    + " TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-08 00:00:00', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO voting.proposal_status_change (id, proposal_id, from_status, to_status,"
                    + " changed_at, reason) VALUES"
                    + " (1, 1, 'SCHEDULED', 'ADOPTED', CURRENT_TIMESTAMP, 'Vote 7: 4 voted; leading: Yes'),"
                    + " (2, 1, 'QUALIFIED', 'SCHEDULED', CURRENT_TIMESTAMP, 'Vote 7: 4 voted; leading: Yes'),"
                    + " (3, 1, 'SCHEDULED', 'REJECTED', CURRENT_TIMESTAMP, 'The council decided otherwise'),"
                    + " (4, 1, 'DRAFT', 'PUBLISHED', CURRENT_TIMESTAMP, NULL)");
        }

        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();

        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement sql = db.createStatement();
                ResultSet r =
                        sql.executeQuery("SELECT id, vote_id, reason FROM voting.proposal_status_change ORDER BY id")) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getObject(2) + " " + r.getString(3));
            }
        }
        assertThat(rows)
                .containsExactly(
                        "1 7 null",
                        "2 null Vote 7: 4 voted; leading: Yes",
                        "3 null The council decided otherwise",
                        "4 null null");
    }
}
