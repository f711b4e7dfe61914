package org.openplaza.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.openplaza.TestAccounts;
import org.openplaza.voting.BallotChain;
import org.openplaza.voting.BallotService;
import org.openplaza.voting.InstantRunoff;
import org.openplaza.voting.Method;
import org.openplaza.voting.Results;
import org.openplaza.voting.Schulze;
import org.openplaza.voting.Tally;
import org.openplaza.voting.VoteSpec;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by bench/tally. Generates ranked ballots over ten options (each voter ranks one to ten of
 * them, a few options more popular than others), then:
 *
 * <ul>
 *   <li>casts {@code casts} of them through {@link BallotService#cast} as as many verified citizens,
 *       one transaction each, and inserts the same rows (a participation row and a ballot row) with
 *       plain JDBC, one transaction each, in the same run: the ratio is the cost of integrity (the
 *       locked vote row, the eligibility and window checks, the hash chain);
 *   <li>stores {@code ballots} ballots (one million by default) as a valid chain of sealed ballots
 *       with as many citizens in the participation register, with batched SQL, which is not
 *       measured, and times the count: IRV and Schulze on the ballots alone; closing the vote
 *       (signing the closing checkpoint, opening every seal, checking the chain, the checkpoints
 *       and the ballots against the register, counting, keeping the counted ballots apart and
 *       destroying the key); and the results call afterwards (verifying the chain, counting).
 * </ul>
 *
 * Not a test.
 */
public final class TallyBenchmark {

    static final int OPTIONS = 10;

    private TallyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int casts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (ConfigurableApplicationContext context = ProposalBenchmark.start("openplaza-tally-bench")) {
            BallotService service = context.getBean(BallotService.class);
            DataSource data = context.getBean(DataSource.class);
            SplittableRandom random = new SplittableRandom(20261129);
            List<String> options = new ArrayList<>();
            for (int i = 1; i <= OPTIONS; i++) {
                options.add("Project " + i);
            }

            // casting through the service, then the same rows by plain JDBC
            List<Long> users = citizens(data, casts);
            Instant opens = Instant.now().minusSeconds(60);
            Instant closes = Instant.now().plusSeconds(86_400);
            TestAccounts.signIn("bench-official", "OFFICIAL");
            VoteSpec spec = new VoteSpec(
                    null,
                    "Which projects first?",
                    Method.RANKED,
                    options.stream().map(o -> new VoteSpec.Option(o, null)).toList(),
                    null,
                    null,
                    false,
                    opens,
                    closes);
            long warmVote =
                    context.getBean(org.openplaza.voting.VoteService.class).open(spec);
            long castVote =
                    context.getBean(org.openplaza.voting.VoteService.class).open(spec);
            long plainWarmVote =
                    context.getBean(org.openplaza.voting.VoteService.class).open(spec);
            long plainVote =
                    context.getBean(org.openplaza.voting.VoteService.class).open(spec);
            List<int[]> castBallots = new ArrayList<>();
            for (int i = 0; i < casts; i++) {
                castBallots.add(ranking(random));
            }
            // both paths warmed up first on votes of their own, so the JIT compiler is not measured
            int warmUp = Math.min(casts, 3000);
            castAll(service, warmVote, castBallots.subList(0, warmUp));
            plainInsert(data, plainWarmVote, users.subList(0, warmUp), castBallots.subList(0, warmUp));
            long start = System.nanoTime();
            castAll(service, castVote, castBallots);
            double serviceSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            plainInsert(data, plainVote, users, castBallots);
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "casting %,d ballots: service %.0f ballots/s (%.2f s); plain JDBC insert of the same rows %.0f rows/s"
                            + " (%.2f s); ratio %.2f× (target within 3×: %s)%n",
                    casts,
                    casts / serviceSeconds,
                    serviceSeconds,
                    casts / plainSeconds,
                    plainSeconds,
                    serviceSeconds / plainSeconds,
                    serviceSeconds / plainSeconds <= 3 ? "met" : "missed");

            // one million ballots stored as a chain, then counted
            TestAccounts.signIn("bench-official", "OFFICIAL");
            long bigVote = context.getBean(org.openplaza.voting.VoteService.class)
                    .open(new VoteSpec(
                            null,
                            "Rank the ten projects",
                            Method.RANKED,
                            options.stream()
                                    .map(o -> new VoteSpec.Option(o, null))
                                    .toList(),
                            null,
                            null,
                            false,
                            opens,
                            closes));
            List<int[]> many = new ArrayList<>(ballots);
            for (int i = 0; i < ballots; i++) {
                many.add(ranking(random));
            }
            start = System.nanoTime();
            storeChain(context, data, bigVote, many);
            register(data, bigVote, ballots);
            System.out.printf(
                    "stored %,d ranked ballots as a hash chain in %.1f s (not measured)%n",
                    ballots, (System.nanoTime() - start) / 1e9);
            int[][] array = many.toArray(int[][]::new);
            for (int warm = 0; warm < 2; warm++) {
                InstantRunoff.count(options, array);
                Schulze.count(options, array);
            }
            start = System.nanoTime();
            InstantRunoff.Result irv = InstantRunoff.count(options, array);
            double irvSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Schulze.Result schulze = Schulze.count(options, array);
            double schulzeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "IRV over %,d ballots: %.2f s, %d rounds, winner %s (target under 5 s: %s)%n",
                    ballots, irvSeconds, irv.rounds().size(), irv.winner(), irvSeconds < 5 ? "met" : "missed");
            System.out.printf(
                    "Schulze over %,d ballots: %.2f s, winners %s%n", ballots, schulzeSeconds, schulze.winners());
            TestAccounts.signIn("bench-official", "OFFICIAL");
            context.getBean(org.openplaza.voting.VoteService.class)
                    .closeEarly(bigVote, "Every ballot of the benchmark is in");
            start = System.nanoTime();
            java.util.Optional<Results> closed = context.getBean(org.openplaza.voting.CountService.class)
                    .finalise(bigVote, org.openplaza.voting.CountService.Progress.NONE);
            double closeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "closing the vote (sign the closing checkpoint, open %,d seals, check chain, checkpoints and"
                            + " register, IRV and Schulze, Merkle tree and signed count, keep the counted ballots apart, destroy the key): %.2f s; %s%n",
                    ballots, closeSeconds, closed.isPresent() ? "counted" : "HELD");
            TestAccounts.anonymous();
            start = System.nanoTime();
            Results results =
                    context.getBean(org.openplaza.voting.CountService.class).results(bigVote);
            double allSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "results call once counted (read %,d counted ballots from H2, verify the chain, IRV and Schulze):"
                            + " %.2f s; chain %s; same count as above: %s%n",
                    results.ballots(),
                    allSeconds,
                    results.chain().intact() ? "intact" : "broken",
                    Tally.count(Method.RANKED, options, Arrays.asList(new Long[OPTIONS]), null, many)
                            .sameAs(results.count()));
        }
    }

    /** Each citizen (citizen0, citizen1, ...) casts the ballot of their number through the service. */
    static void castAll(BallotService service, long vote, List<int[]> ballots) {
        for (int i = 0; i < ballots.size(); i++) {
            TestAccounts.signIn("citizen" + i, "CITIZEN");
            service.cast(
                    vote, Arrays.stream(ballots.get(i)).map(o -> o + 1).boxed().toList());
        }
    }

    /** One to ten options, more often few; options 1 to 3 more often first. */
    static int[] ranking(SplittableRandom random) {
        int length = 1 + Math.min(OPTIONS - 1, (int) Math.abs(random.nextGaussian() * 3));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < OPTIONS; i++) {
            order.add(i);
        }
        for (int i = OPTIONS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            java.util.Collections.swap(order, i, j);
        }
        if (random.nextInt(3) == 0) {
            int popular = random.nextInt(3);
            order.remove(Integer.valueOf(popular));
            order.add(0, popular);
        }
        return order.subList(0, length).stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Long> citizens(DataSource data, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = data.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO accounts.app_user (username, display_name, email, password_hash, verified_resident,"
                                + " created_at) VALUES (?, ?, ?, '{noop}x', TRUE, CURRENT_TIMESTAMP)",
                        new String[] {"ID"})) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setString(1, "citizen" + i);
                insert.setString(2, "Citizen " + i);
                insert.setString(3, "citizen" + i + "@bench.example");
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
            c.commit();
        }
        return ids;
    }

    static String stored(int[] ranking) {
        return String.join(
                ">", Arrays.stream(ranking).mapToObj(o -> String.valueOf(o + 1)).toList());
    }

    /** The same rows the service writes, one transaction per ballot, with no checks and no chain. */
    static void plainInsert(DataSource data, long vote, List<Long> users, List<int[]> ballots) throws Exception {
        Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        try (Connection c = data.getConnection();
                PreparedStatement participation = c.prepareStatement(
                        "INSERT INTO voting.participation (participation_key, vote_id, user_id, voted_on) VALUES (?, ?, ?, ?)");
                PreparedStatement ballot = c.prepareStatement(
                        "INSERT INTO voting.ballot (vote_id, position, receipt, choices, cast_on, previous_hash, hash)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ballots.size(); i++) {
                participation.setString(1, UUID.randomUUID().toString());
                participation.setLong(2, vote);
                participation.setLong(3, users.get(i));
                participation.setDate(4, today);
                participation.executeUpdate();
                ballot.setLong(1, vote);
                ballot.setInt(2, i + 1);
                ballot.setString(3, String.format("P%03d%012d", vote % 1000, i));
                ballot.setString(4, stored(ballots.get(i)));
                ballot.setDate(5, today);
                ballot.setString(6, BallotChain.GENESIS);
                ballot.setString(7, BallotChain.GENESIS);
                ballot.executeUpdate();
                c.commit();
            }
        }
    }

    /** As many citizens as ballots in the vote's participation register, made by SQL in one go each. */
    static void register(DataSource data, long vote, int count) throws Exception {
        try (Connection c = data.getConnection();
                PreparedStatement users = c.prepareStatement(
                        "INSERT INTO accounts.app_user (username, display_name, email, password_hash, verified_resident,"
                                + " created_at) SELECT 'voter' || X, 'Voter ' || X, 'voter' || X || '@bench.example',"
                                + " '{noop}x', TRUE, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, ?)");
                PreparedStatement participation = c.prepareStatement(
                        "INSERT INTO voting.participation (participation_key, vote_id, user_id, voted_on)"
                                + " SELECT CAST(RANDOM_UUID() AS VARCHAR), ?, id, CURRENT_DATE FROM accounts.app_user"
                                + " WHERE username LIKE 'voter%'")) {
            users.setInt(1, count);
            users.executeUpdate();
            participation.setLong(1, vote);
            participation.executeUpdate();
        }
    }

    /** Ballots as the service would have sealed and chained them, in batches. */
    static void storeChain(ConfigurableApplicationContext context, DataSource data, long vote, List<int[]> ballots)
            throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        String previous = BallotChain.GENESIS;
        try (Connection c = data.getConnection();
                PreparedStatement ballot = c.prepareStatement(
                        "INSERT INTO voting.ballot (vote_id, position, receipt, choices, cast_on, previous_hash, hash)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ballots.size(); i++) {
                String receipt = "B" + String.format("%015d", i);
                String choices =
                        org.openplaza.voting.BenchSealing.seal(context, vote, receipt, stored(ballots.get(i)), OPTIONS);
                String hash = BallotChain.hash(vote, i + 1, receipt, choices, day, null, null, previous);
                ballot.setLong(1, vote);
                ballot.setInt(2, i + 1);
                ballot.setString(3, receipt);
                ballot.setString(4, choices);
                ballot.setDate(5, Date.valueOf(day));
                ballot.setString(6, previous);
                ballot.setString(7, hash);
                ballot.addBatch();
                previous = hash;
                if ((i + 1) % 10_000 == 0) {
                    ballot.executeBatch();
                    c.commit();
                }
            }
            ballot.executeBatch();
            try (PreparedStatement head =
                    c.prepareStatement("UPDATE voting.vote SET head_hash = ?, ballot_count = ? WHERE id = ?")) {
                head.setString(1, previous);
                head.setInt(2, ballots.size());
                head.setLong(3, vote);
                head.executeUpdate();
            }
            c.commit();
        }
    }
}
