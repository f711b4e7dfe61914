package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casting ballots. A verified citizen casts one ballot per vote while it is open: the closing time
 * is checked inside the transaction that stores the ballot, with the vote's row locked, so ballots
 * of a vote are chained one after another. The participation register gets a random key and the
 * day; the ballot gets a random receipt and the day; nothing else ties them. Where the vote allows
 * it, a voter replaces their ballot with the secret they were given, which is stored only hashed.
 */
@Service
public class BallotService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final BallotQuery query;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BallotService(BallotQuery query, ApplicationEventPublisher events, Clock clock) {
        this.query = query;
        this.events = events;
        this.clock = clock;
    }

    static String code(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** An official opens a vote (audit-logged); the ballot box starts empty. */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public long open(VoteSpec spec) {
        if (spec.question() == null
                || spec.question().isBlank()
                || spec.question().length() > 500) {
            throw new VotingException("vote.error.question");
        }
        if (!spec.closesAt().isAfter(spec.opensAt())) {
            throw new VotingException("vote.error.window");
        }
        int needed = spec.method() == Method.YES_NO ? 3 : 2;
        if (spec.options().size() < needed) {
            throw new VotingException("vote.error.options", needed);
        }
        long id = query.insertVote(spec, clock.instant());
        events.publishEvent(Audited.byCurrentUser("VOTE_OPENED", "vote", String.valueOf(id), spec.question()));
        return id;
    }

    /** Checks that the choices fit the vote's method and returns them in their stored form. */
    static String normalise(Record vote, int options, List<Long> costs, List<Integer> choices) {
        Method method = Method.valueOf(vote.get(VOTE.METHOD));
        if (choices.stream().anyMatch(c -> c == null || c < 1 || c > options)
                || choices.stream().distinct().count() != choices.size()) {
            throw new VotingException("vote.error.choices");
        }
        switch (method) {
            case YES_NO, SINGLE -> {
                if (choices.size() != 1) {
                    throw new VotingException("vote.error.one-choice");
                }
            }
            case APPROVAL -> {
                Integer max = vote.get(VOTE.MAX_CHOICES);
                if (choices.isEmpty() || (max != null && choices.size() > max)) {
                    throw new VotingException("vote.error.approval", max == null ? options : max);
                }
            }
            case RANKED -> {
                if (choices.isEmpty()) {
                    throw new VotingException("vote.error.ranking");
                }
            }
            case BUDGET -> {
                long total = choices.stream()
                        .mapToLong(c -> costs.get(c - 1) == null ? 0 : costs.get(c - 1))
                        .sum();
                Long budget = vote.get(VOTE.BUDGET);
                if (choices.isEmpty() || (budget != null && total > budget)) {
                    throw new VotingException("vote.error.budget", budget == null ? 0 : budget);
                }
            }
        }
        List<Integer> stored =
                method == Method.RANKED ? choices : choices.stream().sorted().toList();
        return String.join(
                method == Method.RANKED ? ">" : ",",
                stored.stream().map(String::valueOf).toList());
    }

    private Record openVote(long voteId, Instant now) {
        Record vote = query.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (now.isBefore(vote.get(VOTE.OPENS_AT).toInstant())) {
            throw new VotingException("vote.error.not-open-yet");
        }
        if (!now.isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.closed");
        }
        return vote;
    }

    /**
     * A verified citizen casts their ballot. A second ballot of the same citizen is refused (also
     * when sent from many places at once: the participation register's unique key decides).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public Receipt cast(long voteId, List<Integer> choices) {
        long user = query.userId(Audited.currentActor());
        if (!query.verified(user)) {
            throw new VotingException("vote.error.not-eligible");
        }
        Instant now = clock.instant();
        Record vote = openVote(voteId, now);
        String stored = normalise(vote, query.options(voteId), query.costs(voteId), choices);
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (!query.participate(UUID.randomUUID().toString(), voteId, user, day)) {
            throw new VotingException(vote.get(VOTE.ALLOW_CHANGE) ? "vote.error.change-instead" : "vote.error.voted");
        }
        return append(vote, stored, day, null);
    }

    /** The voter replaces their counted ballot, proving it is theirs with the secret they were given. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public Receipt change(long voteId, String secret, List<Integer> choices) {
        long user = query.userId(Audited.currentActor());
        Instant now = clock.instant();
        Record vote = openVote(voteId, now);
        if (!vote.get(VOTE.ALLOW_CHANGE) || !query.participated(voteId, user)) {
            throw new VotingException("vote.error.no-change");
        }
        String replaced = query.countedByCheck(voteId, BallotChain.sha256(secret == null ? "" : secret.strip()))
                .orElseThrow(() -> new VotingException("vote.error.wrong-secret"));
        String stored = normalise(vote, query.options(voteId), query.costs(voteId), choices);
        return append(vote, stored, now.atOffset(ZoneOffset.UTC).toLocalDate(), replaced);
    }

    private Receipt append(Record vote, String choices, LocalDate day, @Nullable String replaces) {
        long voteId = vote.get(VOTE.ID);
        int position = vote.get(VOTE.BALLOT_COUNT) + 1;
        String previous = vote.get(VOTE.HEAD_HASH) == null ? BallotChain.GENESIS : vote.get(VOTE.HEAD_HASH);
        String receipt = code(16);
        String secret = vote.get(VOTE.ALLOW_CHANGE) ? code(24) : null;
        String check = secret == null ? null : BallotChain.sha256(secret);
        String hash = BallotChain.hash(voteId, position, receipt, choices, day, replaces, check, previous);
        query.append(voteId, position, receipt, choices, day, replaces, check, previous, hash);
        return new Receipt(receipt, secret);
    }

    /** How many citizens voted: the only figure given out while a vote is open. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int turnout(long voteId) {
        return query.turnout(voteId);
    }

    /** Recomputes the vote's chain from its first ballot; any edited, removed or inserted ballot breaks it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ChainCheck verify(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        String previous = BallotChain.GENESIS;
        int expected = 1;
        for (var ballot : query.chain(voteId)) {
            String hash = BallotChain.hash(
                    voteId,
                    ballot.getPosition(),
                    ballot.getReceipt(),
                    ballot.getChoices(),
                    ballot.getCastOn(),
                    ballot.getReplaces(),
                    ballot.getReplaceCheck(),
                    previous);
            if (ballot.getPosition() != expected
                    || !ballot.getPreviousHash().equals(previous)
                    || !ballot.getHash().equals(hash)) {
                return new ChainCheck(false, expected - 1, ballot.getPosition(), vote.get(VOTE.HEAD_HASH));
            }
            previous = hash;
            expected++;
        }
        boolean headFits = expected - 1 == vote.get(VOTE.BALLOT_COUNT)
                && previous.equals(vote.get(VOTE.HEAD_HASH) == null ? BallotChain.GENESIS : vote.get(VOTE.HEAD_HASH));
        return new ChainCheck(headFits, expected - 1, headFits ? null : expected, vote.get(VOTE.HEAD_HASH));
    }

    /**
     * The count of a vote once it has closed. While it is open nothing but the turnout is given
     * out, so no partial result leaks through this or any screen, export or API built on it.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Results results(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (clock.instant().isBefore(vote.get(VOTE.CLOSES_AT).toInstant()) && !vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.still-open");
        }
        Method method = Method.valueOf(vote.get(VOTE.METHOD));
        List<String> options = query.optionLabels(voteId);
        List<List<Integer>> counted =
                query.countedChoices(voteId).stream().map(BallotService::parse).toList();
        java.util.Map<String, Integer> votes = new java.util.LinkedHashMap<>();
        options.forEach(o -> votes.put(o, 0));
        for (List<Integer> ballot : counted) {
            for (Integer choice : method == Method.RANKED ? ballot.subList(0, 1) : ballot) {
                votes.merge(options.get(choice - 1), 1, Integer::sum);
            }
        }
        org.openplaza.voting.count.InstantRunoff.Result runoff = null;
        org.openplaza.voting.count.Schulze.Result schulze = null;
        org.openplaza.voting.count.Budget.Result budget = null;
        if (method == Method.RANKED) {
            List<List<String>> rankings = counted.stream()
                    .map(b -> b.stream().map(c -> options.get(c - 1)).toList())
                    .toList();
            runoff = org.openplaza.voting.count.InstantRunoff.count(options, rankings);
            schulze = org.openplaza.voting.count.Schulze.count(options, rankings);
        } else if (method == Method.BUDGET) {
            List<Long> costs = query.costs(voteId);
            List<org.openplaza.voting.count.Budget.Project> projects = new java.util.ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                projects.add(new org.openplaza.voting.count.Budget.Project(
                        options.get(i), costs.get(i) == null ? 0 : costs.get(i), votes.get(options.get(i))));
            }
            budget = org.openplaza.voting.count.Budget.fund(
                    projects, vote.get(VOTE.BUDGET) == null ? Long.MAX_VALUE : vote.get(VOTE.BUDGET));
        }
        return new Results(
                voteId,
                method,
                options,
                query.turnout(voteId),
                counted.size(),
                votes,
                runoff,
                schulze,
                budget,
                verify(voteId));
    }

    static List<Integer> parse(String choices) {
        return Arrays.stream(choices.split("[,>]")).map(Integer::valueOf).toList();
    }
}
