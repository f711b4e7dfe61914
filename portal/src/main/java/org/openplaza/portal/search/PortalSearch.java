package org.openplaza.portal.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.CatalogSearch;
import org.openplaza.catalog.Gallery;
import org.openplaza.catalog.SearchRequest;
import org.openplaza.catalog.SearchResult;
import org.openplaza.catalog.VisualisationService;
import org.openplaza.platform.text.SearchWords;
import org.openplaza.proposals.ProposalSearch;
import org.openplaza.proposals.ProposalService;
import org.openplaza.voting.VoteService;
import org.springframework.stereotype.Service;

/**
 * One search over everything the portal publishes: datasets, charts, proposals and votes, each
 * found by its own module's index (the same reading of words everywhere: word beginnings, stems,
 * synonyms in English and Korean, Korean words inside longer ones), the best matches first.
 */
@Service
public class PortalSearch {

    /** What a search finds. */
    public enum Kind {
        DATASET,
        CHART,
        PROPOSAL,
        VOTE
    }

    /** One thing found: its title, a line about it (the publisher, the dataset, the summary), its page. */
    public record Item(Kind kind, String title, String detail, String href) {}

    /** The best of one kind, how many there are in all, and the page that lists them all. */
    public record Section(Kind kind, long total, List<Item> items, String allHref) {}

    /** Everything found, and a correction of the words when they found nothing. */
    public record Found(
            String words, List<Section> sections, @Nullable String suggestion) {

        public long total() {
            return sections.stream().mapToLong(Section::total).sum();
        }
    }

    /** The most a vote search ranks: votes are few, and they are listed in full. */
    static final int MOST_VOTES = 50;

    private final CatalogSearch catalog;
    private final VisualisationService charts;
    private final ProposalService proposals;
    private final VoteService votes;

    PortalSearch(CatalogSearch catalog, VisualisationService charts, ProposalService proposals, VoteService votes) {
        this.catalog = catalog;
        this.charts = charts;
        this.proposals = proposals;
        this.votes = votes;
    }

    /** The words cut to what every search takes. */
    public static String shortened(String words) {
        String[] split = words.strip().split("\\s+");
        String kept = String.join(" ", List.of(split).subList(0, Math.min(split.length, SearchWords.MAX_WORDS)));
        return kept.length() > SearchWords.MAX_CHARACTERS ? kept.substring(0, SearchWords.MAX_CHARACTERS) : kept;
    }

    /** The best {@code each} of every kind for these words; nothing for blank words. */
    public Found find(String text, int each) {
        return find(text, each, null);
    }

    /** The same, datasets titled in the reader's language where the publisher translated them. */
    public Found find(String text, int each, @Nullable String readerLanguage) {
        return find(text, each, readerLanguage, true);
    }

    /**
     * The same; without {@code counted} (suggestions, on every key typed) no kind is counted
     * beyond the items read, and only {@code each} votes are read (each is read whole).
     */
    private Found find(String text, int each, @Nullable String readerLanguage, boolean counted) {
        String words = shortened(text);
        if (words.isBlank()) {
            return new Found(words, List.of(), null);
        }
        String q = URLEncoder.encode(words, StandardCharsets.UTF_8);
        List<Section> sections = new ArrayList<>();

        SearchResult datasets =
                catalog.search(new SearchRequest(words, Map.of(), SearchRequest.Order.RELEVANCE, 0, each));
        sections.add(new Section(
                Kind.DATASET,
                datasets.total(),
                datasets.hits().stream()
                        .map(h -> new Item(
                                Kind.DATASET, h.title(readerLanguage), h.organisation(), "dataset/" + h.slug()))
                        .toList(),
                "catalog?q=" + q));

        Gallery gallery = new Gallery(words, null, null, null, Gallery.Sort.RELEVANCE);
        List<Item> chartItems = charts.search(gallery, 0, each).stream()
                .map(v -> new Item(Kind.CHART, v.title(), v.datasetTitle(), "visualisation/" + v.id()))
                .toList();
        sections.add(new Section(
                Kind.CHART, counted ? charts.count(gallery) : chartItems.size(), chartItems, "visualisations?q=" + q));

        ProposalSearch search = new ProposalSearch(words, null, null, null, null, null, ProposalSearch.Sort.RELEVANCE);
        List<Item> proposalItems = proposals.search(search, 0, each).stream()
                .map(p -> new Item(Kind.PROPOSAL, p.title(), p.summary(), "proposal/" + p.id()))
                .toList();
        sections.add(new Section(
                Kind.PROPOSAL,
                counted ? proposals.count(search) : proposalItems.size(),
                proposalItems,
                "proposals?q=" + q));

        var found = votes.search(words, counted ? MOST_VOTES : each);
        sections.add(new Section(
                Kind.VOTE,
                found.size(),
                found.stream()
                        .limit(each)
                        .map(v -> new Item(Kind.VOTE, v.question(), v.state().name(), "vote/" + v.id()))
                        .toList(),
                "votes"));
        return new Found(words, sections, datasets.suggestion());
    }

    /** A few of each kind for a search box's suggestions, the kinds in turn. */
    public List<Item> suggest(String text, int each, @Nullable String readerLanguage) {
        if (text.strip().length() < 2) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        try {
            for (Section section : find(text, each, readerLanguage, false).sections()) {
                items.addAll(section.items());
            }
        } catch (IllegalArgumentException e) {
            // words a search does not take: no suggestions; searching says why
        }
        return items;
    }
}
