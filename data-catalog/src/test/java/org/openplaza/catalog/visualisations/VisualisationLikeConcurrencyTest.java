package org.openplaza.catalog.visualisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.catalog.Tables.VISUALISATION;
import static org.openplaza.db.catalog.Tables.VISUALISATION_LIKE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.ChartDefinition;
import org.openplaza.catalog.ChartType;
import org.openplaza.catalog.GroupRequest;
import org.openplaza.catalog.GroupRequest.Aggregation;
import org.openplaza.catalog.GroupRequest.Dimension;
import org.openplaza.catalog.GroupRequest.Measure;
import org.openplaza.catalog.PublishingService;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.catalog.publishing.TestCallers;
import org.openplaza.catalog.publishing.TestDatasets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Likes from concurrent requests: each request commits on its own, so this test keeps its own
 * database.
 */
@SpringBootTest(properties = "spring.datasource.name=visualisation-like-test")
class VisualisationLikeConcurrencyTest {

    @Autowired
    PublishingService publishing;

    @Autowired
    VisualisationService visualisations;

    @Autowired
    DSLContext db;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void one_citizen_clicking_like_from_many_threads_likes_once_and_others_all_count() throws Exception {
        String owner = "owner" + System.nanoTime();
        String eager = "eager" + System.nanoTime();
        TestCallers.user(db, owner);
        TestCallers.user(db, eager);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add("other" + i + "-" + System.nanoTime());
            TestCallers.user(db, others.get(i));
        }
        TestCallers.signIn("root", "ADMIN");
        long organisation =
                publishing.createOrganisation("Busan " + System.nanoTime()).id();
        Path file = Files.writeString(dir.resolve("cases.csv"), "district,cases\nHaeundae,3\nSuyeong,4\n");
        long dataset = TestDatasets.imported(publishing, TestDatasets.metadata(organisation, "Cases"), file, true);
        TestCallers.signIn(owner, "CITIZEN");
        long id = visualisations.save(
                dataset,
                "Cases in Busan",
                "",
                new ChartDefinition(
                        ChartType.BAR, GroupRequest.of(Dimension.of("district"), new Measure(null, Aggregation.COUNT))),
                true);
        SecurityContextHolder.clearContext();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                clicks.add(pool.submit(liking(eager, id, start)));
            }
            for (String other : others) {
                clicks.add(pool.submit(liking(other, id, start)));
            }
            start.countDown();
            for (Future<Long> click : clicks) {
                assertThat(click.get()).isPositive();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(db.fetchCount(VISUALISATION_LIKE, VISUALISATION_LIKE.VISUALISATION_ID.eq(id)))
                .isEqualTo(1 + others.size());
        assertThat(db.select(VISUALISATION.LIKE_COUNT)
                        .from(VISUALISATION)
                        .where(VISUALISATION.ID.eq(id))
                        .fetchSingle(VISUALISATION.LIKE_COUNT))
                .isEqualTo(1L + others.size());
    }

    private Callable<Long> liking(String username, long id, CountDownLatch start) {
        return () -> {
            TestCallers.signIn(username, "CITIZEN");
            try {
                start.await();
                return visualisations.like(id, true);
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }
}
