package org.openplaza.proposals;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown from users as safe HTML: commonmark-java renders it (raw HTML in the text escaped, not
 * passed through), then the OWASP Java HTML Sanitizer keeps only formatting, lists, quotes, code,
 * tables and links to http, https and mailto, which open with {@code rel="nofollow noopener
 * noreferrer"}. Scripts, event handlers, styles, images, SVG and {@code javascript:} links never
 * survive, whatever the text holds.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br", "ul", "ol", "li", "dl", "dt", "dd")
                    .allowAttributes("start")
                    .matching(java.util.regex.Pattern.compile("[0-9]{1,6}"))
                    .onElements("ol")
                    .toFactory());

    private Markdown() {}

    /** The text as safe HTML. */
    public static String toHtml(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return sanitise(RENDERER.render(document));
    }

    /** Any HTML reduced to what {@link #toHtml} may produce. */
    public static String sanitise(String html) {
        return POLICY.sanitize(html);
    }
}
