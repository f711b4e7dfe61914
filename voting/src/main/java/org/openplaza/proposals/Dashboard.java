package org.openplaza.proposals;

import java.util.List;
import java.util.Map;

/**
 * What officials watch: proposals published per month by origin (government against citizens),
 * qualified proposals waiting for an answer, and supports per category.
 */
public record Dashboard(
        List<String> months,
        Map<Origin, List<Integer>> publishedPerMonth,
        List<QueuedProposal> waiting,
        Map<Category, Integer> supportsPerCategory,
        List<Trending> trending) {

    /** A public proposal by the supports it gathered in the last days, with its supports in all. */
    public record Trending(long id, String title, Origin origin, int supportsGained, int supports) {}
}
