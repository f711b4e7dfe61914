package org.openplaza.participationdata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.openplaza.catalog.DatasetPage;
import org.openplaza.catalog.DatasetReader;
import org.openplaza.catalog.ExportFormat;
import org.openplaza.catalog.RowRequest;
import org.openplaza.voting.ChainCheck;
import org.openplaza.voting.CheckpointService;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Results;
import org.openplaza.voting.SignedCount;
import org.openplaza.voting.Tally;
import org.openplaza.voting.VoteInfo;
import org.springframework.stereotype.Component;

/**
 * Recounts a vote from its published dataset, as anyone could from the download: the rows are read
 * back as CSV, each checked to be a valid ballot of the vote, tallied by the vote's method and
 * compared with the results; their number must be the number of citizens who voted; the signature
 * the portal made over the counted choices when it counted must hold for the published rows with
 * the public ballot-box key; and the ballot box itself, with its chain and signed checkpoints, is
 * checked again.
 */
@Component
public class Recount {

    /** What the recount found. */
    public record Report(
            int rows,
            int voters,
            @Nullable Integer firstBadRow,
            boolean countMatches,
            @Nullable Boolean signatureHolds,
            ChainCheck box) {

        public boolean matches() {
            return firstBadRow == null
                    && rows == voters
                    && countMatches
                    && !Boolean.FALSE.equals(signatureHolds)
                    && box.intact();
        }
    }

    private final DatasetReader datasets;
    private final CountService counts;
    private final CheckpointService checkpoints;

    Recount(DatasetReader datasets, CountService counts, CheckpointService checkpoints) {
        this.datasets = datasets;
        this.counts = counts;
        this.checkpoints = checkpoints;
    }

    public Report recount(VoteInfo vote, Results results) throws Exception {
        if (vote.ballotsDataset() == null) {
            throw new IllegalStateException("not published");
        }
        DatasetPage page = datasets.bySlug(vote.ballotsDataset()).orElseThrow();
        Path file = Files.createTempFile("openplaza-recount", ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                datasets.export(
                        page.id(),
                        null,
                        new RowRequest(List.of(), "", List.of(new RowRequest.Sort("ballot", false))),
                        ExportFormat.CSV,
                        out);
            }
            Rows published = read(file, vote.options().size());
            Tally.Count count = Tally.count(
                    vote.method(),
                    vote.labels(),
                    vote.options().stream().map(o -> o.cost()).toList(),
                    vote.budget(),
                    published.counted());
            return new Report(
                    published.rows(),
                    results.turnout(),
                    published.bad(),
                    count.sameAs(results.count()),
                    signatureHolds(vote, published),
                    counts.verify(vote.id()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The published ballots: how many, the first that does not parse (1-based), and their choices. */
    private record Rows(int rows, @Nullable Integer bad, List<int[]> counted, List<String> choices) {}

    private static Rows read(Path file, int options) throws IOException {
        Integer bad = null;
        int rows = 0;
        List<int[]> counted = new ArrayList<>();
        List<String> choices = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            for (CSVRecord row : csv) {
                rows++;
                choices.add(row.get("choices"));
                try {
                    counted.add(Tally.parse(row.get("choices"), options));
                } catch (IllegalArgumentException e) {
                    if (bad == null) {
                        bad = rows;
                    }
                }
            }
        }
        return new Rows(rows, bad, counted, choices);
    }

    /** Whether the signature made at the count holds for the published rows, with the public key alone. */
    private @Nullable Boolean signatureHolds(VoteInfo vote, Rows published) {
        SignedCount signed = vote.signedCount();
        return signed == null
                ? null
                : checkpoints.verifies(
                        new SignedCount(
                                        vote.id(),
                                        published.rows(),
                                        SignedCount.choicesHash(published.choices()),
                                        signed.boxBallots(),
                                        signed.boxRoot(),
                                        signed.signature())
                                .text(),
                        signed.signature());
    }
}
