package org.openplaza.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** A count in English before a noun in the plural: "1 rows" unless the message chooses a form. */
    static final Pattern COUNT_BEFORE_PLURAL = Pattern.compile(
            "\\{\\d(?:,number(?:,integer)?)?\\} (?:[a-z]+ )?(?:rows|columns|cells|lines|views|downloads|likes|votes|ballots"
                    + "|citizens|supports|comments|proposals|datasets|visualisations|options|tags|points|ranges|rounds"
                    + "|checkpoints|characters|times|days|sessions|entries|words|results|files|errors|records"
                    + "|versions|organisations|accounts|reports|hours|minutes|seconds|weeks|months|years|members"
                    + "|notifications|charts|measures|filters|values|codes|tokens|events|answers|updates|revisions"
                    + "|pages|items|categories|keywords|languages|fields|steps|attempts)\\b");

    @Test
    void every_message_is_a_valid_icu_pattern_in_both_languages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_ko.properties")) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                assertThatCode(() -> new com.ibm.icu.text.MessageFormat(pattern, java.util.Locale.ENGLISH))
                        .as("%s in %s", key, bundle)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void english_counts_choose_singular_or_plural() throws IOException {
        Properties english = load("messages.properties");
        Set<String> unchosen = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String message = english.getProperty(key);
            // a choice format picks its own words for 0, 1 and more
            if (!message.contains(",choice,")
                    && COUNT_BEFORE_PLURAL.matcher(message).find()) {
                unchosen.add(key + "=" + english.getProperty(key));
            }
        }
        assertThat(unchosen)
                .as("counts written before a plural noun whatever the number")
                .isEmpty();

        org.openplaza.portal.i18n.PortalI18nProvider messages = new org.openplaza.portal.i18n.PortalI18nProvider();
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertThat(messages.getTranslation("dataset.data.count", en, 1)).isEqualTo("1 row");
        assertThat(messages.getTranslation("dataset.data.count", en, 1234)).isEqualTo("1,234 rows");
        assertThat(messages.getTranslation("dataset.figures", en, 1, "today", 1, 2))
                .isEqualTo("1 row · updated today · 1 view · 2 downloads");
        assertThat(messages.getTranslation("home.count.votes", en, 1)).isEqualTo("vote open now");
        assertThat(messages.getTranslation("home.count.votes", en, 3)).isEqualTo("votes open now");
        assertThat(messages.getTranslation("results.chain-intact", en, 1, "ab"))
                .startsWith("The ballot chain is intact: 1 ballot,");
        assertThat(messages.getTranslation("visualisation.likes", en, 1)).isEqualTo("One like");
        // Korean has one form, with the counter word after the number
        java.util.Locale ko = java.util.Locale.KOREAN;
        assertThat(messages.getTranslation("dataset.data.count", ko, 1)).isEqualTo("1행");
        assertThat(messages.getTranslation("dataset.data.count", ko, 1234)).isEqualTo("1,234행");
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
        // an audit detail's key is read under audit.detail. (a key composed at run time is not seen)
        Pattern auditDetail = Pattern.compile("AuditDetail\\.of\\(\\s*\"([a-z0-9-]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        int details = 0;
        for (Path root : Set.of(
                Path.of("src/main/java"),
                Path.of("../platform/src/main/java"),
                Path.of("../data-catalog/src/main/java"),
                Path.of("../voting/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    Matcher m = literal.matcher(code);
                    while (m.find()) {
                        found++;
                        if (!known.contains(m.group(1))) {
                            missing.add(m.group(1) + " in " + file.getFileName());
                        }
                    }
                    Matcher d = auditDetail.matcher(code);
                    while (d.find()) {
                        details++;
                        if (!known.contains("audit.detail." + d.group(1))) {
                            missing.add("audit.detail." + d.group(1) + " in " + file.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(found).as("keys found in the code").isGreaterThan(100);
        assertThat(details).as("audit details found in the code").isGreaterThan(10);
        assertThat(missing).isEmpty();
    }
}
