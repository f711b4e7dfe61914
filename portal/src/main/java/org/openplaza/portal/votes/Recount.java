package org.openplaza.portal.votes;

import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.openplaza.datastore.RowQuery;
import org.openplaza.publishing.DatasetPage;
import org.openplaza.publishing.DatasetReader;
import org.openplaza.publishing.ExportFormat;
import org.openplaza.voting.BallotChain;
import org.openplaza.voting.ChainCheck;
import org.openplaza.voting.CountService;
import org.openplaza.voting.Results;
import org.openplaza.voting.Tally;
import org.openplaza.voting.VoteInfo;
import org.springframework.stereotype.Component;

/**
 * Recounts a vote from its published dataset, as anyone could from the download: the rows are
 * read back as CSV, their hash chain recomputed up to the head hash, the counted ballots tallied
 * by the vote's method and compared with the results; and the ballot box itself is checked again.
 */
@Component
class Recount {

    /** What the recount found. */
    record Report(
            int rows,
            int counted,
            @Nullable Integer firstBadRow,
            boolean headMatches,
            boolean countMatches,
            ChainCheck box) {

        boolean matches() {
            return firstBadRow == null && headMatches && countMatches && box.intact();
        }
    }

    private final DatasetReader datasets;
    private final CountService counts;

    Recount(DatasetReader datasets, CountService counts) {
        this.datasets = datasets;
        this.counts = counts;
    }

    Report recount(VoteInfo vote, Results results) throws Exception {
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
                        new RowQuery(List.of(), "", List.of(new RowQuery.Sort("position", false))),
                        ExportFormat.CSV,
                        out);
            }
            String previous = BallotChain.GENESIS;
            Integer bad = null;
            int rows = 0;
            List<int[]> counted = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser csv = CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(in)) {
                for (CSVRecord row : csv) {
                    rows++;
                    String replaces = row.get("replaces");
                    String check = row.get("replace_check");
                    String hash = BallotChain.hash(
                            vote.id(),
                            Integer.parseInt(row.get("position")),
                            row.get("receipt"),
                            row.get("choices"),
                            LocalDate.parse(row.get("cast_on")),
                            replaces.isEmpty() ? null : replaces,
                            check.isEmpty() ? null : check,
                            previous);
                    if (bad == null && (!hash.equals(row.get("hash")) || !previous.equals(row.get("previous_hash")))) {
                        bad = rows;
                    }
                    previous = row.get("hash");
                    if (Boolean.parseBoolean(row.get("counted"))) {
                        counted.add(
                                Tally.parse(row.get("choices"), vote.options().size()));
                    }
                }
            }
            Tally.Count count = Tally.count(
                    vote.method(),
                    vote.labels(),
                    vote.options().stream().map(o -> o.cost()).toList(),
                    vote.budget(),
                    counted);
            return new Report(
                    rows,
                    counted.size(),
                    bad,
                    previous.equals(vote.headHash()),
                    count.sameAs(results.count()),
                    counts.verify(vote.id()));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
