package org.openplaza.portal.votes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.importer.ColumnAnalysis;
import org.openplaza.importer.ImportPlan;
import org.openplaza.importer.ValueType;
import org.openplaza.portal.proposals.ParticipationDatasets;
import org.openplaza.voting.CountService;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.springframework.stereotype.Component;

/**
 * Publishes a counted vote's ballots as a dataset of the participation organisation: one row per
 * ballot in chain order with its receipt, choices, day, what it replaced, the hashes and whether it
 * counts; the description gives the options' numbers, the final head hash and how to recount. The
 * list of votes with their outcomes is refreshed beside it. Runs as the portal itself.
 */
@Component
class BallotPublisher {

    static final String VOTES = "Votes on OpenPlaza and their results";
    static final List<String> HEADER = List.of(
            "position",
            "receipt",
            "choices",
            "choice_labels",
            "cast_on",
            "replaces",
            "replace_check",
            "previous_hash",
            "hash",
            "counted");

    private final CountService counts;
    private final VoteService votes;
    private final ParticipationDatasets datasets;

    BallotPublisher(CountService counts, VoteService votes, ParticipationDatasets datasets) {
        this.counts = counts;
        this.votes = votes;
        this.datasets = datasets;
    }

    static String title(VoteInfo vote) {
        String question = vote.question().length() > 200 ? vote.question().substring(0, 200) + "…" : vote.question();
        return "Ballots of vote " + vote.id() + ": " + question;
    }

    /** Publishes the ballots and returns the dataset's name; empty when the vote had no ballot. */
    Optional<String> publish(VoteInfo vote) throws Exception {
        Path dir = Files.createTempDirectory("openplaza-ballots");
        Path file = dir.resolve("ballots-vote-" + vote.id() + ".csv");
        try {
            try (CSVPrinter csv = ParticipationDatasets.csv(file, HEADER)) {
                counts.publishedBallots(vote.id(), b -> {
                    try {
                        csv.printRecord(
                                b.position(),
                                b.receipt(),
                                b.choices(),
                                String.join(
                                        vote.method() == org.openplaza.voting.Method.RANKED ? " > " : "; ", b.labels()),
                                b.castOn(),
                                b.replaces() == null ? "" : b.replaces(),
                                b.replaceCheck() == null ? "" : b.replaceCheck(),
                                b.previousHash(),
                                b.hash(),
                                b.counted());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            Optional<String> name = datasets.publish(
                    title(vote),
                    description(vote),
                    List.of("participation", "votes", "ballots"),
                    "NEVER",
                    file,
                    BallotPublisher::asText);
            return name;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Receipts and hashes stay text whatever they look like; positions are numbers, days dates. */
    static ImportPlan asText(ImportPlan detected) {
        List<ColumnAnalysis> columns = new ArrayList<>();
        for (ColumnAnalysis c : detected.columns()) {
            ValueType type = switch (c.name()) {
                case "position" -> ValueType.INTEGER;
                case "cast_on" -> ValueType.DATE;
                case "counted" -> ValueType.BOOLEAN;
                default -> ValueType.TEXT;
            };
            String format = type == c.type() ? c.format() : "";
            columns.add(new ColumnAnalysis(c.index(), c.label(), c.name(), type, format, 0, c.nulls()));
        }
        return new ImportPlan(detected.analysis(), columns, ImportPlan.BadValues.FAIL);
    }

    static String description(VoteInfo vote) {
        String options = IntStream.range(0, vote.options().size())
                .mapToObj(i -> (i + 1) + " = " + vote.options().get(i).label()
                        + (vote.options().get(i).cost() == null
                                ? ""
                                : " (cost " + vote.options().get(i).cost() + ")"))
                .collect(Collectors.joining("; "));
        return "Every ballot of vote " + vote.id() + " (\"" + vote.question() + "\"), anonymised: a random receipt,"
                + " the choices, the day it was cast, never the voter. Method: " + vote.method()
                + (vote.budget() == null ? "" : ", budget " + vote.budget()) + ". Options: " + options + ".\n\n"
                + "Choices are option numbers: \"2\" for one option, \"1,3\" for a set, \"3>1>2\" for a ranking."
                + " A ballot replaced by its voter names nothing itself; the ballot replacing it gives its receipt"
                + " in 'replaces', and only rows with counted = true are counted.\n\n"
                + "Final head hash: " + vote.headHash() + ".\n\n"
                + "To recount: take the rows where counted is true and count them by the method (instant runoff"
                + " with the elimination of the fewest votes, ties broken by earlier rounds and then the option"
                + " listed last; Schulze by strongest paths; budgets funded greedily by votes within the budget)."
                + " To check the chain: for each row, hash = SHA-256 of the fields vote id, position, receipt,"
                + " choices, cast_on, replaces, replace_check and previous_hash, each written as its length, ':',"
                + " the text and ';'. The first row's previous_hash is 64 zeros and the last row's hash is the head"
                + " hash above. The vote's page has a Recount button that does both from this dataset.";
    }

    /** The list of counted votes with their outcomes, as participation open data. */
    void publishVotes() throws Exception {
        List<VoteInfo> closed = votes.list(VoteInfo.State.CLOSED, 10_000);
        Path dir = Files.createTempDirectory("openplaza-votes");
        Path file = dir.resolve("votes.csv");
        try {
            ParticipationDatasets.write(
                    file,
                    List.of(
                            "vote_id",
                            "proposal_id",
                            "question",
                            "method",
                            "opens_at",
                            "closes_at",
                            "electorate",
                            "turnout",
                            "outcome",
                            "ballots_dataset"),
                    closed.stream()
                            .filter(v -> v.finalisedAt() != null)
                            .map(v -> List.<Object>of(
                                    v.id(),
                                    v.proposalId() == null ? "" : v.proposalId(),
                                    v.question(),
                                    v.method().name(),
                                    text(v.opensAt()),
                                    text(v.closesAt()),
                                    v.electorate() == null ? "" : v.electorate(),
                                    v.turnout(),
                                    Boolean.TRUE.equals(v.carried()) ? "CARRIED" : "NOT_CARRIED",
                                    v.ballotsDataset() == null ? "" : v.ballotsDataset()))
                            .toList());
            datasets.publish(
                    VOTES,
                    "Every counted vote on OpenPlaza: question, method, window, electorate, turnout and whether it"
                            + " carried, with the name of the dataset holding its anonymised ballots.",
                    List.of("participation", "votes"),
                    "IRREG",
                    file,
                    plan -> plan);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static String text(Instant instant) {
        return instant.toString();
    }
}
