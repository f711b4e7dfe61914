package org.openplaza.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown from users renders its formatting and nothing that runs. */
class MarkdownTest {

    @Test
    void formatting_lists_quotes_code_and_safe_links_survive() {
        String html = Markdown.toHtml("""
                # Heading

                Some **bold**, *italic* and `code`.

                - one
                - two

                > a quote

                [the plan](https://seoul.go.kr/plan) and <https://example.org>
                """);
        assertThat(html)
                .contains("<h1>Heading</h1>")
                .contains("<strong>bold</strong>")
                .contains("<em>italic</em>")
                .contains("<code>code</code>")
                .contains("<li>one</li>")
                .contains("<blockquote>")
                .contains("href=\"https://seoul.go.kr/plan\"")
                .containsPattern("rel=\"[a-z ]*nofollow")
                .containsPattern("rel=\"[a-z ]*noopener")
                .containsPattern("rel=\"[a-z ]*noreferrer");
    }

    /** An XSS corpus: tags, event handlers, URL schemes, SVG and encodings. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](java&#x09;script:alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click](vbscript:msgbox(1))",
                "![x](javascript:alert(1))",
                "<div onmouseover=\"alert(1)\">hover</div>",
                "<body onload=alert(1)>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<details open ontoggle=alert(1)>",
                "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
                "<p style=\"background:url(javascript:alert(1))\">styled</p>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<input autofocus onfocus=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<<script>script>alert(1)<</script>/script>",
                "<img src=\"x\" onerror=\"&#97;lert(1)\">",
                "`<script>` in code is fine\n\n```\n<script>alert(1)</script>\n```"
            })
    void nothing_that_runs_survives(String attack) {
        String html = Markdown.toHtml(attack);
        // text may mention anything once escaped; what matters are the tags the browser will build
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertThat(SAFE_TAGS).as("tag in %s", html).contains(name);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                assertThat(attributeName).as("attribute in %s", html).isIn("href", "rel", "start");
                if (attributeName.equals("href")) {
                    assertThat(attribute.group(2)).as("link in %s", html).matches("(?i)(https?:|mailto:).*");
                }
            }
        }
        assertThat(html).as("no stray markup").doesNotContain("<!").doesNotContain("<?");
    }

    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z:-]+)\\s*=\\s*\"([^\"]*)\"");

    private static final Set<String> SAFE_TAGS = Set.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "strong",
            "em",
            "b",
            "i",
            "u",
            "s",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "a",
            "hr",
            "br",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "dl",
            "dt",
            "dd",
            "sub",
            "sup",
            "strike",
            "tt",
            "big",
            "small");

    @Test
    void escaped_attacks_stay_readable_text() {
        assertThat(Markdown.toHtml("<img src=x onerror=alert(1)>"))
                .contains("&lt;img")
                .doesNotContain("<img");
        assertThat(Markdown.toHtml("[click](javascript:alert(1))")).doesNotContain("href");
    }

    @Test
    void html_in_the_text_is_shown_as_text_not_dropped_silently() {
        String html = Markdown.toHtml("Use <b>bold</b> tags");
        assertThat(html).contains("&lt;b&gt;bold&lt;/b&gt;");
    }
}
