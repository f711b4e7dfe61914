package org.openplaza.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Participatory budgeting as Decidim and CONSUL fund it: projects in order of votes, most first
 * (ties by lower cost, then by the order listed), each funded when it still fits in what is left
 * of the budget; a project that does not fit is skipped and the next one tried.
 */
public final class Budget {

    private Budget() {}

    public record Project(String name, long cost, int votes) {}

    public record Result(List<Project> funded, List<Project> unfunded, long spent, long left) {}

    public static Result fund(List<Project> projects, long budget) {
        List<Project> order = new ArrayList<>(projects);
        order.sort(Comparator.comparingInt(Project::votes)
                .reversed()
                .thenComparingLong(Project::cost)
                .thenComparingInt(projects::indexOf));
        List<Project> funded = new ArrayList<>();
        List<Project> unfunded = new ArrayList<>();
        long left = budget;
        for (Project project : order) {
            if (project.votes() > 0 && project.cost() <= left) {
                funded.add(project);
                left -= project.cost();
            } else {
                unfunded.add(project);
            }
        }
        return new Result(funded, unfunded, budget - left, left);
    }
}
