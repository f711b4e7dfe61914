package org.openplaza.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration never changes once it has landed: a portal already migrated would refuse to start
 * on Flyway's checksum, or (worse) a new install and an old one would have different schemas. The
 * SHA-256 of every migration is committed in {@code landed-migrations.sha256} (the format of
 * {@code sha256sum}); this test fails when a file differs from its line, when a listed file is gone,
 * and when a migration has no line yet (add it, with {@code sha256sum}, in the commit that adds the
 * migration). To change the schema, add a new migration.
 */
class LandedMigrationsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path LANDED = Path.of("src/test/resources/landed-migrations.sha256");

    private static Map<String, String> landed() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String line : Files.readAllLines(LANDED, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+\\*?", 2);
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }

    /** The file's SHA-256, its line endings read as a checkout on any system may have written them. */
    static String sha256(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void no_landed_migration_has_changed_or_gone() throws Exception {
        Map<String, String> landed = landed();
        assertThat(landed).as("the committed list").isNotEmpty();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : landed.entrySet()) {
            Path file = MIGRATIONS.resolve(entry.getKey());
            if (!Files.exists(file)) {
                changed.add(entry.getKey() + " is gone");
            } else if (!sha256(file).equals(entry.getValue())) {
                changed.add(entry.getKey() + " differs from the SHA-256 it landed with");
            }
        }
        assertThat(changed)
                .as("a landed migration never changes: put the change in a new migration (see the README,"
                        + " Architecture, Evolving the schema)")
                .isEmpty();
    }

    @Test
    void every_migration_is_listed() throws Exception {
        Map<String, String> landed = landed();
        assertThat(migrations())
                .extracting(f -> f.getFileName().toString())
                .as("each migration needs its line in landed-migrations.sha256 (run sha256sum on it)")
                .allMatch(landed::containsKey);
    }

    @Test
    void the_check_sees_a_changed_migration() throws Exception {
        Path copy = Files.createTempFile("migration", ".sql");
        try {
            Path first = migrations().get(0);
            Files.writeString(copy, Files.readString(first) + "\n-- an edit after landing\n");
            assertThat(sha256(copy))
                    .isNotEqualTo(landed().get(first.getFileName().toString()));
            Files.writeString(copy, Files.readString(first).replace("\n", "\r\n"));
            assertThat(sha256(copy))
                    .as("line endings alone are no change")
                    .isEqualTo(landed().get(first.getFileName().toString()));
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
