package org.openplaza.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.PublishingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo catalogue seeded by a first start that dies half-way (the third version fails to be
 * recorded, as if the process were killed there) is completed by the next start, without a
 * second copy of anything; once complete, later starts leave it alone. (A database of its own:
 * the demo datasets it publishes would show in the other tests' catalogue.)
 */
@SpringBootTest(properties = "spring.datasource.name=demo-catalog-test")
class DemoCatalogTest {

    /** Fails the third version recorded while armed. */
    public static class DiesAtThirdVersion implements Trigger {
        static final AtomicInteger versions = new AtomicInteger();
        static volatile boolean armed;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {}

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (armed && versions.incrementAndGet() == 3) {
                throw new SQLException("the process was killed here");
            }
        }
    }

    @Autowired
    PublishingService publishing;

    @Autowired
    org.openplaza.platform.ClusterLock lock;

    @Autowired
    PublishingRepository repository;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    org.openplaza.audit.AuditService audit;

    @Autowired
    DSLContext db;

    @AfterEach
    void disarm() {
        DiesAtThirdVersion.armed = false;
        if (postgres()) {
            db.execute("DROP TRIGGER IF EXISTS demo_dies ON catalog.dataset_version");
            db.execute("DROP FUNCTION IF EXISTS catalog.demo_dies()");
            db.execute("DROP SEQUENCE IF EXISTS catalog.demo_dies_count");
        } else {
            db.execute("DROP TRIGGER IF EXISTS catalog.demo_dies");
        }
        SecurityContextHolder.clearContext();
    }

    private boolean postgres() {
        return db.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    }

    /** Makes the third version's insert fail, as if the process had been killed there. */
    private void dieAtThirdVersion() {
        if (postgres()) {
            db.execute("CREATE SEQUENCE catalog.demo_dies_count");
            db.execute("CREATE FUNCTION catalog.demo_dies() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF nextval('catalog.demo_dies_count') = 3 THEN RAISE EXCEPTION 'the process was killed here';"
                    + " END IF; RETURN NEW; END $$");
            db.execute("CREATE TRIGGER demo_dies BEFORE INSERT ON catalog.dataset_version FOR EACH ROW"
                    + " EXECUTE FUNCTION catalog.demo_dies()");
            return;
        }
        db.execute("CREATE TRIGGER catalog.demo_dies BEFORE INSERT ON catalog.dataset_version FOR EACH ROW CALL \""
                + DiesAtThirdVersion.class.getName() + "\"");
        DiesAtThirdVersion.versions.set(0);
        DiesAtThirdVersion.armed = true;
    }

    private List<String> demoTitles(String state) {
        return db.fetch(
                        "SELECT d.title FROM catalog.dataset d JOIN catalog.organisation o ON o.id = d.organisation_id"
                                + " WHERE o.name IN ('Meteorological Service Singapore', 'Ministry of Health Singapore',"
                                + " 'London Borough of Lambeth',"
                                + " 'Korea Disease Control and Prevention Agency (via DS4C)') AND d.state = ?"
                                + " ORDER BY d.title",
                        state)
                .getValues(0, String.class);
    }

    @Test
    void a_first_start_that_died_half_way_is_completed_by_the_next() throws Exception {
        if (!db.fetchExists(db.selectOne().from("accounts.app_user").where("username = 'official'"))) {
            TestCallers.user(db, "official");
        }
        DemoCatalog demo = new DemoCatalog(publishing, repository, events, audit, lock);
        dieAtThirdVersion();
        assertThatThrownBy(() -> demo.run(null)).hasStackTraceContaining("the process was killed here");
        assertThat(demoTitles("PUBLISHED"))
                .as("the first start got two datasets in")
                .hasSize(2);
        assertThat(audit.recorded(DemoCatalog.SEEDED)).isFalse();

        disarm();
        demo.run(null);
        List<String> published = demoTitles("PUBLISHED");
        assertThat(published).as("all five, once each").hasSize(5).doesNotHaveDuplicates();
        assertThat(demoTitles("DRAFT"))
                .as("the draft left by the first start was completed, not copied")
                .isEmpty();
        assertThat(audit.recorded(DemoCatalog.SEEDED)).isTrue();

        demo.run(null);
        assertThat(demoTitles("PUBLISHED")).as("a later start adds nothing").isEqualTo(published);
    }
}
