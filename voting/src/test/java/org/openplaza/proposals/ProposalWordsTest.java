package org.openplaza.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openplaza.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The proposals' search finds what people type, as the catalogue's does: word beginnings, stems,
 * synonyms in English and Korean, Korean words inside longer ones, the best matches first; and only
 * what is listed. Each step commits, as the portal's requests do, so that the index hears of it
 * the way it does in the portal (after the commit).
 */
@SpringBootTest
class ProposalWordsTest {

    @Autowired
    ProposalService proposals;

    @Autowired
    ModerationService moderation;

    @Autowired
    DSLContext db;

    final String tag = "w" + Long.toString(System.nanoTime(), 36);
    String author;

    @BeforeEach
    void author() {
        author = "words" + tag;
        TestAccounts.user(db, author, true);
        TestAccounts.signIn("root", "ADMIN");
        proposals.updateSettings(new ParticipationSettings(3, 30, 50, 5));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private long published(String title, String body) {
        TestAccounts.signIn(author, "CITIZEN");
        ProposalText text = People.text(title);
        long id = proposals.draft(new ProposalText(
                text.title(),
                text.summary(),
                body,
                text.category(),
                text.district(),
                List.of(tag),
                text.datasets(),
                text.visualisations()));
        proposals.publish(id);
        return id;
    }

    private List<Long> found(String words) {
        ProposalSearch search =
                new ProposalSearch(words + " " + tag, null, null, null, null, null, ProposalSearch.Sort.RELEVANCE);
        return proposals.search(search, 0, 50).stream().map(ProposalSummary::id).toList();
    }

    @Test
    void plain_words_find_proposals_by_beginning_stem_synonym_and_korean_part() {
        long lanes = published("Protected cycling lanes on the river", "Bicycles need their own lanes.");
        long library = published("Libraries open until midnight", "Students ask for late opening.");
        long korean = published("자전거 도로를 확충합시다", "한강 자전거도로 연결");

        assertThat(found("cycl")).as("a word's beginning").containsExactly(lanes);
        assertThat(found("library")).as("the stem of 'Libraries'").containsExactly(library);
        assertThat(found("bike")).as("a synonym in English and the Korean word").contains(lanes, korean);
        assertThat(found("자전거"))
                .as("the Korean word finds the English synonym too")
                .contains(korean, lanes);
        assertThat(found("도로")).as("a Korean word inside a longer one").containsExactly(korean);
        assertThat(found("midnight students")).as("every word must match").containsExactly(library);
        assertThat(found("zebra")).isEmpty();
    }

    @Test
    void titles_rank_above_bodies_and_relevance_is_an_order_of_its_own() {
        long inBody = published("Quieter evenings", "More trees in every park of the district.");
        long inTitle = published("A park in every district", "Greener streets.");

        assertThat(found("park")).as("best match first").containsExactly(inTitle, inBody);
        ProposalSearch newest =
                new ProposalSearch("park " + tag, null, null, null, null, null, ProposalSearch.Sort.NEWEST);
        assertThat(proposals.search(newest, 0, 10))
                .extracting(ProposalSummary::id)
                .containsExactly(inTitle, inBody);
        assertThat(proposals.count(newest)).isEqualTo(2);
        assertThat(proposals.search(newest, 1, 10))
                .extracting(ProposalSummary::id)
                .containsExactly(inBody);
        ProposalSearch relevance =
                new ProposalSearch("park " + tag, null, null, null, null, null, ProposalSearch.Sort.RELEVANCE);
        assertThat(proposals.search(relevance, 1, 10))
                .as("a page of the relevance order")
                .extracting(ProposalSummary::id)
                .containsExactly(inBody);
    }

    @Test
    void edits_are_found_by_their_new_words_and_drafts_and_hidden_proposals_never() {
        long edited = published("Night buses to the airport", "Every hour.");
        TestAccounts.signIn(author, "CITIZEN");
        ProposalText text = People.text("Night trams to the airport");
        proposals.edit(
                edited,
                new ProposalText(
                        text.title(),
                        text.summary(),
                        "Every hour.",
                        text.category(),
                        text.district(),
                        List.of(tag),
                        text.datasets(),
                        text.visualisations()));
        assertThat(found("trams")).containsExactly(edited);
        assertThat(found("airport buses"))
                .as("the old title is no longer what it says")
                .isEmpty();

        long draft = proposals.draft(People.text("Unpublished trams " + tag));
        assertThat(found("unpublished")).doesNotContain(draft).isEmpty();

        TestAccounts.user(db, "mod" + tag, true);
        TestAccounts.signIn("mod" + tag, "ADMIN");
        moderation.hide(ContentReport.Target.PROPOSAL, edited, "Spam");
        assertThat(found("trams")).as("hidden proposals are not listed").isEmpty();
        moderation.restore(ContentReport.Target.PROPOSAL, edited, "Not spam");
        assertThat(found("trams")).containsExactly(edited);
    }

    @Test
    void a_search_of_too_many_words_is_refused() {
        String many = "word ".repeat(40);
        assertThatThrownBy(() -> proposals.search(
                        new ProposalSearch(many, null, null, null, null, null, ProposalSearch.Sort.RELEVANCE), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
