package org.openplaza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes of a cluster making the same key at the same moment (the first ballots of a vote cast on
 * two nodes) all end up with one key: the first made stands and every maker reads it; nothing is
 * left beside it. Before, a later rename could replace a key already in use, and two makers shared
 * one partial file.
 */
class KeyFilesRaceTest {

    @TempDir
    Path dir;

    @Test
    void makers_racing_for_one_key_all_read_the_one_that_stands() throws Exception {
        int makers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(makers);
        try {
            for (int round = 0; round < 200; round++) {
                Path file = dir.resolve("vote-" + round + ".key");
                CyclicBarrier together = new CyclicBarrier(makers);
                List<Future<String>> read = new ArrayList<>();
                for (int i = 0; i < makers; i++) {
                    read.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        if (!Files.exists(file)) {
                            KeyFiles.createSecret(file, 32);
                        }
                        return Base64.getEncoder().encodeToString(KeyFiles.readSecret(file));
                    }));
                }
                Set<String> keys = new HashSet<>();
                for (Future<String> each : read) {
                    keys.add(each.get(30, TimeUnit.SECONDS));
                }
                assertThat(keys).as("round %d", round).hasSize(1);
                assertThat(Base64.getDecoder().decode(keys.iterator().next())).hasSize(32);
            }
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".key"));
        }
    }
}
