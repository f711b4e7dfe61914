package org.openplaza.participationdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVPrinter;
import org.openplaza.catalog.ColumnAnalysis;
import org.openplaza.catalog.ImportPlan;
import org.openplaza.catalog.ValueType;
import org.openplaza.voting.CountService;
import org.openplaza.voting.SignedCount;
import org.openplaza.voting.VoteCounted;
import org.openplaza.voting.VoteInfo;
import org.openplaza.voting.VoteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes a counted vote's ballots as a dataset of the participation organisation: one row per
 * counted ballot with its choices only, in the order of the choices, never a receipt, a day, a
 * position in the box or a replaced ballot; the description gives the options' numbers, the final
 * head hash, the signed checkpoints' key and how to recount. The list of votes with their outcomes
 * is refreshed beside it. Runs as the portal itself.
 */
@Component
class BallotPublisher {

    static final String VOTES = "Votes on OpenPlaza and their results";
    static final List<String> HEADER = List.of("ballot", "choices", "choice_labels");

    private static final Logger log = LoggerFactory.getLogger(BallotPublisher.class);

    private final CountService counts;
    private final VoteService votes;
    private final ParticipationDatasets datasets;

    BallotPublisher(CountService counts, VoteService votes, ParticipationDatasets datasets) {
        this.counts = counts;
        this.votes = votes;
        this.datasets = datasets;
    }

    /**
     * A vote was counted: its ballots are published, where is recorded with the count, and the list
     * of votes is refreshed. Heard on the counting thread, as the portal itself.
     */
    @EventListener
    void counted(VoteCounted counted) throws Exception {
        VoteInfo vote = counted.vote();
        Optional<String> name = publish(vote);
        if (name.isPresent()) {
            counts.recordPublication(vote.id(), name.get());
            publishVotes();
            log.info("Ballots of vote {} published as {}", vote.id(), name.get());
        }
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
                int[] row = {0};
                counts.publishedBallots(vote.id(), b -> {
                    try {
                        csv.printRecord(
                                ++row[0],
                                b.choices(),
                                String.join(
                                        vote.method() == org.openplaza.voting.Method.RANKED ? " > " : "; ",
                                        b.labels()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            Optional<String> name = datasets.publish(
                    "vote-ballots-" + vote.id(),
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

    /** Choices stay text whatever they look like ("2" for one option); the ballot's number is a number. */
    static ImportPlan asText(ImportPlan detected) {
        List<ColumnAnalysis> columns = new ArrayList<>();
        for (ColumnAnalysis c : detected.columns()) {
            ValueType type = switch (c.name()) {
                case "ballot" -> ValueType.INTEGER;
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
        return "Every counted ballot of vote " + vote.id() + " (\"" + vote.question() + "\"): its choices only,"
                + " sorted by the choices, with no receipt code, day, voter or place in the ballot box, so that"
                + " nothing here says who cast which ballot or when. Method: " + vote.method()
                + (vote.budget() == null ? "" : ", budget " + vote.budget()) + ". Options: " + options + ".\n\n"
                + "Choices are option numbers: \"2\" for one option, \"1,3\" for a set, \"3>1>2\" for a ranking."
                + " There is one row per citizen who voted; a ballot its voter replaced is not here.\n\n"
                + "Final head hash of the sealed ballot box: " + vote.headHash() + ". The box is checkpointed"
                + " while the vote runs with signatures that anyone can check with the ballot-box key shown on"
                + " the vote's page.\n\n"
                + signed(vote)
                + "To recount: count the rows by the method (instant runoff with the elimination of the fewest"
                + " votes, ties broken by earlier rounds and then the option listed last; Schulze by strongest"
                + " paths; budgets funded greedily by votes within the budget), and check that there are as many"
                + " rows as the turnout. The vote's page has a Recount button that does both from this dataset"
                + " and checks the ballot box's chain and checkpoints again.";
    }

    /** The signature the portal made over the counted choices when it counted, and how to check it. */
    private static String signed(VoteInfo vote) {
        SignedCount signed = vote.signedCount();
        if (signed == null) {
            return "";
        }
        return "Signed at the count with the ballot-box key (Ed25519; its public key, X.509 in Base64, is on the"
                + " vote's page): the text \"" + signed.text() + "\", signature (Base64) " + signed.signature()
                + ". choices-sha256 is the SHA-256 of the choices column in ballot order, each value followed by"
                + " a line feed.\n\n";
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
                    "participation-votes",
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
