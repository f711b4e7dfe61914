package org.openplaza.proposals;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an author writes: title, summary, Markdown body, category, an optional district, tags and
 * the datasets and saved visualisations offered as evidence.
 */
public record ProposalText(
        String title,
        String summary,
        String body,
        Category category,
        @Nullable String district,
        List<String> tags,
        List<Long> datasets,
        List<Long> visualisations) {

    public ProposalText {
        tags = List.copyOf(tags);
        datasets = List.copyOf(datasets);
        visualisations = List.copyOf(visualisations);
    }
}
