package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.proposals.ProposalService;
import org.openplaza.proposals.ProposalStatus;
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

    /** Ballots read per page while counting. */
    private static final int PAGE = 10_000;

    private final BallotQuery query;
    private final ProposalService proposals;
    /** A vote's options and districts never change once it is opened: read once per vote. */
    private final java.util.Map<Long, List<VoteSpec.Option>> optionsByVote =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<Long, java.util.Set<String>> districtsByVote =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BallotService(BallotQuery query, ProposalService proposals, ApplicationEventPublisher events, Clock clock) {
        this.query = query;
        this.proposals = proposals;
        this.events = events;
        this.clock = clock;
    }

    /** Told how far a long count has come. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void at(long done, long total);
    }

    /** A random code over 32 symbols (5 bits each, so a byte's low bits choose without bias). */
    static String code(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[bytes[i] & 31];
        }
        return new String(code);
    }

    /**
     * An official opens a vote (audit-logged); the ballot box starts empty. A vote on a proposal
     * needs the proposal scheduled for a vote and no other vote on it under way.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public long open(VoteSpec spec) {
        if (spec.question() == null
                || spec.question().isBlank()
                || spec.question().length() > 500) {
            throw VotingException.on("question", "vote.error.question");
        }
        if (!spec.closesAt().isAfter(spec.opensAt())) {
            throw VotingException.on("closesAt", "vote.error.window");
        }
        if (!spec.closesAt().isAfter(clock.instant())) {
            throw VotingException.on("closesAt", "vote.error.closes-past");
        }
        int needed = spec.method() == Method.YES_NO ? 3 : 2;
        if (spec.options().size() < needed || spec.options().size() > 30) {
            throw VotingException.on("options", "vote.error.options", needed);
        }
        if (spec.options().stream()
                        .anyMatch(o -> o.label() == null
                                || o.label().isBlank()
                                || o.label().length() > 300)
                || spec.options().stream()
                                .map(o -> o.label().strip())
                                .distinct()
                                .count()
                        != spec.options().size()) {
            throw VotingException.on("options", "vote.error.option-labels");
        }
        if (spec.method() == Method.APPROVAL
                && spec.maxChoices() != null
                && (spec.maxChoices() < 1 || spec.maxChoices() > spec.options().size())) {
            throw VotingException.on(
                    "maxChoices", "vote.error.max-choices", spec.options().size());
        }
        if (spec.method() == Method.BUDGET
                && (spec.budget() == null
                        || spec.budget() <= 0
                        || spec.options().stream().anyMatch(o -> o.cost() == null || o.cost() <= 0))) {
            throw VotingException.on("budget", "vote.error.costs");
        }
        Integer minAge = spec.eligibility().minAge();
        if (minAge != null && (minAge < 0 || minAge > 120)) {
            throw VotingException.on("minAge", "vote.error.min-age");
        }
        if (spec.eligibility().districts().stream().anyMatch(d -> d.isBlank() || d.length() > 80)) {
            throw VotingException.on("districts", "vote.error.districts");
        }
        for (Integer percent : java.util.Arrays.asList(
                spec.rules().quorumPercent(), spec.rules().thresholdPercent())) {
            if (percent != null && (percent < 1 || percent > 100)) {
                throw VotingException.on("rules", "vote.error.percent");
            }
        }
        if (spec.proposalId() != null) {
            String status = query.proposalStatus(spec.proposalId())
                    .orElseThrow(() -> new VotingException("vote.error.no-proposal"));
            if (!status.equals(ProposalStatus.SCHEDULED.name())) {
                throw new VotingException("vote.error.proposal-not-scheduled");
            }
            if (query.proposalHasVote(spec.proposalId())) {
                throw new VotingException("vote.error.proposal-has-vote");
            }
        }
        long id = query.insertVote(spec, clock.instant(), Audited.currentActor());
        events.publishEvent(Audited.byCurrentUser("VOTE_OPENED", "vote", String.valueOf(id), spec.question()));
        return id;
    }

    /**
     * The official who opened a vote closes it before its time, with a reason (audit-logged); an
     * administrator may too.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional
    public void closeEarly(long voteId, String reason) {
        String clean = reason(reason);
        Instant now = clock.instant();
        mayManage(openVote(voteId, now));
        query.closeEarly(voteId, now, clean);
        events.publishEvent(Audited.byCurrentUser("VOTE_CLOSED_EARLY", "vote", String.valueOf(voteId), clean));
    }

    /**
     * The official who opened a vote (or an administrator) cancels it before it closes, with a
     * reason (audit-logged). Its ballots are never counted or published; the proposal may get a
     * new vote. A closed vote is counted: it can no longer be cancelled.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional
    public void cancel(long voteId, String reason) {
        String clean = reason(reason);
        Record vote = query.lockVote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        mayManage(vote);
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (!clock.instant().isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.cancel-closed");
        }
        query.cancel(voteId, clean);
        events.publishEvent(Audited.byCurrentUser("VOTE_CANCELLED", "vote", String.valueOf(voteId), clean));
    }

    /** Whether the signed-in user may close or cancel the vote: its opener, or an administrator. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean mayManage(long voteId) {
        return query.vote(voteId).map(this::manages).orElse(false);
    }

    private boolean manages(Record vote) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (auth == null) {
            return false;
        }
        boolean admin =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        boolean official =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OFFICIAL"));
        return admin || (official && auth.getName().equals(vote.get(VOTE.OPENED_BY)));
    }

    private void mayManage(Record vote) {
        if (!manages(vote)) {
            throw new org.springframework.security.access.AccessDeniedException("not the vote's official");
        }
    }

    private static String reason(String reason) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 5 || clean.length() > 2000) {
            throw VotingException.on("reason", "vote.error.reason");
        }
        return clean;
    }

    /** Whether the signed-in user (if any) may cast a ballot in the vote now. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Standing standing(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        Instant now = clock.instant();
        if (vote.get(VOTE.CANCELLED)
                || now.isBefore(vote.get(VOTE.OPENS_AT).toInstant())
                || !now.isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            return Standing.NOT_OPEN;
        }
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Standing.SIGN_IN;
        }
        if (auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_CITIZEN"))) {
            return Standing.NOT_CITIZEN;
        }
        BallotQuery.Voter voter = query.voter(auth.getName()).orElse(null);
        if (voter == null) {
            return Standing.SIGN_IN;
        }
        Standing standing = eligibility(vote, voter);
        if (standing == Standing.ELIGIBLE && query.participated(voteId, voter.id())) {
            return Standing.VOTED;
        }
        return standing;
    }

    private Standing eligibility(Record vote, BallotQuery.Voter voter) {
        if (!voter.verified()) {
            return Standing.NOT_VERIFIED;
        }
        java.util.Set<String> districts = districtsByVote.computeIfAbsent(vote.get(VOTE.ID), query::districts);
        if (!districts.isEmpty() && (voter.district() == null || !districts.contains(voter.district()))) {
            return Standing.OUTSIDE_DISTRICT;
        }
        Integer minAge = vote.get(VOTE.MIN_AGE);
        LocalDate closing = vote.get(VOTE.CLOSES_AT).toLocalDate();
        if (minAge != null
                && (voter.birthDate() == null
                        || voter.birthDate().plusYears(minAge).isAfter(closing))) {
            return Standing.TOO_YOUNG;
        }
        return Standing.ELIGIBLE;
    }

    /** Checks that the choices fit the vote's method and returns them in their stored form. */
    static String normalise(Record vote, List<VoteSpec.Option> optionList, List<Integer> choices) {
        int options = optionList.size();
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
                        .map(c -> optionList.get(c - 1).cost())
                        .mapToLong(cost -> cost == null ? 0 : cost)
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
        BallotQuery.Voter voter = query.voter(Audited.currentActor())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no account"));
        long user = voter.id();
        Instant now = clock.instant();
        Record vote = openVote(voteId, now);
        switch (eligibility(vote, voter)) {
            case NOT_VERIFIED -> throw new VotingException("vote.error.not-eligible");
            case OUTSIDE_DISTRICT -> throw new VotingException("vote.error.district");
            case TOO_YOUNG -> throw new VotingException("vote.error.age", vote.get(VOTE.MIN_AGE));
            default -> {}
        }
        String stored = normalise(vote, optionsByVote.computeIfAbsent(voteId, query::optionList), choices);
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
        String stored = normalise(vote, optionsByVote.computeIfAbsent(voteId, query::optionList), choices);
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

    /** What one pass over the chain found: its check, and the ballots that count. */
    private record Pass(ChainCheck check, List<int[]> counted) {}

    /**
     * Reads the chain page by page, recomputing each hash, and keeps the ballots that count (not
     * replaced by a later ballot of their voter). Any edited, removed or inserted ballot breaks the
     * chain at its position.
     */
    private Pass scan(Record vote, int options, boolean collect, Progress progress) {
        long voteId = vote.get(VOTE.ID);
        String head = vote.get(VOTE.HEAD_HASH);
        int total = vote.get(VOTE.BALLOT_COUNT);
        String previous = BallotChain.GENESIS;
        int expected = 1;
        Integer bad = null;
        List<int[]> ballots = new java.util.ArrayList<>(collect ? total : 0);
        java.util.Map<String, Integer> positions = new java.util.HashMap<>();
        java.util.BitSet replaced = new java.util.BitSet();
        boolean changes = vote.get(VOTE.ALLOW_CHANGE);
        int read = 0;
        try (var cursor = query.chainCursor(voteId, PAGE)) {
            for (var ballot : cursor) {
                if (bad == null) {
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
                        bad = ballot.getPosition();
                    } else {
                        previous = hash;
                        expected++;
                    }
                }
                if (collect) {
                    int index = ballots.size();
                    int[] choices;
                    try {
                        choices = Tally.parse(ballot.getChoices(), options);
                    } catch (IllegalArgumentException e) {
                        choices = null; // only a tampered row can hold this; the chain check says so
                    }
                    ballots.add(choices);
                    if (changes) {
                        positions.put(ballot.getReceipt(), index);
                        Integer old = ballot.getReplaces() == null ? null : positions.get(ballot.getReplaces());
                        if (old != null) {
                            replaced.set(old);
                        }
                    }
                }
                if (++read % PAGE == 0) {
                    progress.at(read, Math.max(total, read));
                }
            }
        }
        progress.at(read, Math.max(total, read));
        if (bad == null && (expected - 1 != total || !previous.equals(head == null ? BallotChain.GENESIS : head))) {
            bad = expected;
        }
        List<int[]> counted = new java.util.ArrayList<>(ballots.size());
        for (int i = 0; i < ballots.size(); i++) {
            if (!replaced.get(i) && ballots.get(i) != null) {
                counted.add(ballots.get(i));
            }
        }
        return new Pass(new ChainCheck(bad == null, expected - 1, bad, head), counted);
    }

    /** Recomputes the vote's chain from its first ballot; any edited, removed or inserted ballot breaks it. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ChainCheck verify(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        return scan(vote, query.options(voteId), false, Progress.NONE).check();
    }

    /**
     * The count of a vote once it has closed. While it is open nothing but the turnout is given
     * out, so no partial result leaks through this or any screen, export or API built on it; a
     * cancelled vote is never counted.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Results results(long voteId) {
        return results(voteId, Progress.NONE);
    }

    /** The same, telling how many ballots have been read. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Results results(long voteId, Progress progress) {
        Record vote = closedVote(voteId);
        Method method = Method.valueOf(vote.get(VOTE.METHOD));
        List<VoteSpec.Option> options = query.optionList(voteId);
        List<String> labels = options.stream().map(VoteSpec.Option::label).toList();
        Pass pass = scan(vote, options.size(), true, progress);
        Tally.Count count = Tally.count(
                method,
                labels,
                options.stream().map(VoteSpec.Option::cost).toList(),
                vote.get(VOTE.BUDGET),
                pass.counted());
        Integer electorate = vote.get(VOTE.ELECTORATE);
        return Results.decide(
                voteId,
                method,
                labels,
                query.turnout(voteId),
                pass.counted().size(),
                count,
                electorate != null ? electorate : query.electorate(voteId),
                new VoteSpec.Rules(vote.get(VOTE.QUORUM_PERCENT), vote.get(VOTE.THRESHOLD_PERCENT)),
                pass.check());
    }

    private Record closedVote(long voteId) {
        Record vote = query.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (vote.get(VOTE.CANCELLED)) {
            throw new VotingException("vote.error.cancelled");
        }
        if (clock.instant().isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            throw new VotingException("vote.error.still-open");
        }
        return vote;
    }

    /** A ballot as published once its vote has closed. */
    public record PublishedBallot(
            int position,
            String receipt,
            String choices,
            List<String> labels,
            LocalDate castOn,
            @Nullable String replaces,
            @Nullable String replaceCheck,
            String previousHash,
            String hash,
            boolean counted) {}

    /**
     * Every ballot of a closed vote in chain order, for publication: receipt, choices, day and the
     * hashes, never a voter. Refused while the vote is open or if it was cancelled.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public void publishedBallots(long voteId, java.util.function.Consumer<PublishedBallot> out) {
        closedVote(voteId);
        List<String> labels = query.optionLabels(voteId);
        java.util.Set<String> replaced = new java.util.HashSet<>(query.replacedReceipts(voteId));
        try (var cursor = query.chainCursor(voteId, PAGE)) {
            for (var b : cursor) {
                List<String> names;
                try {
                    names = java.util.Arrays.stream(Tally.parse(b.getChoices(), labels.size()))
                            .mapToObj(labels::get)
                            .toList();
                } catch (IllegalArgumentException e) {
                    names = List.of();
                }
                out.accept(new PublishedBallot(
                        b.getPosition(),
                        b.getReceipt(),
                        b.getChoices(),
                        names,
                        b.getCastOn(),
                        b.getReplaces(),
                        b.getReplaceCheck(),
                        b.getPreviousHash(),
                        b.getHash(),
                        !replaced.contains(b.getReceipt())));
            }
        }
    }

    /** The ballot with this receipt, once its vote has closed; empty when there is none. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public java.util.Optional<PublishedBallot> lookUp(long voteId, String receipt) {
        closedVote(voteId);
        String code = receipt == null
                ? ""
                : receipt.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        List<String> labels = query.optionLabels(voteId);
        return query.ballot(voteId, code)
                .map(b -> new PublishedBallot(
                        b.getPosition(),
                        b.getReceipt(),
                        b.getChoices(),
                        java.util.Arrays.stream(Tally.parse(b.getChoices(), labels.size()))
                                .mapToObj(labels::get)
                                .toList(),
                        b.getCastOn(),
                        b.getReplaces(),
                        b.getReplaceCheck(),
                        b.getPreviousHash(),
                        b.getHash(),
                        query.replacedBy(voteId, b.getReceipt()).isEmpty()));
    }

    /**
     * Counts a closed vote once and keeps its outcome and electorate; a vote on a proposal moves
     * the proposal to adopted or rejected. Returns the results, or empty when it was finalised
     * already. Run by the portal as the official who opened the vote.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public java.util.Optional<Results> finalise(long voteId, Progress progress) {
        Record vote = closedVote(voteId);
        if (vote.get(VOTE.FINALISED_AT) != null) {
            return java.util.Optional.empty();
        }
        Results results = results(voteId, progress);
        if (!query.finalise(voteId, results.carried(), results.electorate(), clock.instant())) {
            return java.util.Optional.empty();
        }
        Long proposal = vote.get(VOTE.PROPOSAL_ID);
        if (proposal != null && query.proposalStatus(proposal).orElse("").equals(ProposalStatus.SCHEDULED.name())) {
            proposals.recordResult(
                    proposal,
                    results.carried(),
                    "Vote " + voteId + ": " + results.turnout() + " voted"
                            + (results.leading() == null ? "" : "; leading: " + results.leading()));
        }
        events.publishEvent(Audited.byCurrentUser(
                "VOTE_COUNTED",
                "vote",
                String.valueOf(voteId),
                (results.carried() ? "CARRIED" : "NOT_CARRIED") + ", head "
                        + results.chain().headHash()));
        return java.util.Optional.of(results);
    }

    /** Names the catalogue dataset the vote's ballots were published in. */
    @PreAuthorize("hasRole('ADMIN') or hasRole('OFFICIAL')")
    @Transactional
    public void recordPublication(long voteId, String dataset) {
        closedVote(voteId);
        query.setBallotsDataset(voteId, dataset);
    }
}
