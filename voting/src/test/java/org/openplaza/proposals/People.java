package org.openplaza.proposals;

import java.util.List;

/** A proposal's text for tests. */
public final class People {

    private People() {}

    public static ProposalText text(String title) {
        return new ProposalText(
                title,
                "A summary long enough to read.",
                "We **should** do this.",
                Category.TRANSPORT,
                "Mapo-gu",
                List.of("bikes", "Safety"),
                List.of(),
                List.of());
    }
}
