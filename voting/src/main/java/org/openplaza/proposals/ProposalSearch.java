package org.openplaza.proposals;

import org.jspecify.annotations.Nullable;

/** What the proposals view asks for; blank parts do not filter. */
public record ProposalSearch(
        @Nullable String words,
        @Nullable Origin origin,
        @Nullable ProposalStatus status,
        @Nullable Category category,
        @Nullable String district,
        @Nullable String tag,
        Sort sort) {

    public enum Sort {
        NEWEST,
        MOST_SUPPORTED,
        CLOSING_SOON,
        MOST_DISCUSSED,
        /** The best matches of the words first; newest first when there are no words. */
        RELEVANCE
    }

    /** Whether the search has words to match. */
    public boolean hasWords() {
        return words != null && !words.isBlank();
    }

    public static ProposalSearch all() {
        return new ProposalSearch(null, null, null, null, null, null, Sort.NEWEST);
    }
}
