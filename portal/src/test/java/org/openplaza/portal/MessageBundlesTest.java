package org.openplaza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language has every message, and every key the code asks for exists. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void english_and_korean_have_the_same_keys() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        Set<String> korean = load("messages_ko.properties").stringPropertyNames();
        assertThat(korean).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void korean_messages_are_actually_translated() throws IOException {
        Properties korean = load("messages_ko.properties");
        Pattern hangul = Pattern.compile("\\p{IsHangul}");
        Set<String> untranslated = new TreeSet<>();
        for (String key : korean.stringPropertyNames()) {
            String value = korean.getProperty(key);
            if (!hangul.matcher(value).find() && !key.equals("app.name") && !value.isBlank()) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void every_key_named_in_the_code_exists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile(
                "(?:getTranslation\\(|Exception\\((?:(?:\"[a-zA-Z]+\"|null), )?|Optional\\.of\\()\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        for (Path root : Set.of(
                Path.of("src/main/java"),
                Path.of("../accounts/src/main/java"),
                Path.of("../data-catalog/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        found++;
                        if (!known.contains(m.group(1))) {
                            missing.add(m.group(1) + " in " + file.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(found).as("keys found in the code").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }
}
