package org.openplaza.voting;

import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Casting ballots. A verified citizen casts one ballot per vote while it is open: the closing time
 * is checked inside the transaction that stores the ballot, with the vote's row locked, so ballots
 * of a vote are chained one after another. The participation register gets a random key and the
 * day; the ballot gets a random receipt and the day; nothing else ties them. Where the vote allows
 * it, a voter replaces their ballot with the secret they were given, which is stored only hashed.
 */
@Service
public class BallotService {

    private final BallotRepository repository;
    /** A vote's options and districts never change once it is opened: read once per vote. */
    private final java.util.Map<Long, List<VoteSpec.Option>> optionsByVote =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<Long, java.util.Set<String>> districtsByVote =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final ChainHeads heads;
    private final BallotSeals seals;

    private final ReceiptCodes codes;

    BallotService(BallotRepository repository, Clock clock, ChainHeads heads, BallotSeals seals, ReceiptCodes codes) {
        this.codes = codes;
        this.seals = seals;
        this.repository = repository;
        this.clock = clock;
        this.heads = heads;
    }

    /** Whether the signed-in user (if any) may cast a ballot in the vote now. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Standing standing(long voteId) {
        Record vote = repository.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
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
        BallotRepository.Voter voter = repository.voter(auth.getName()).orElse(null);
        if (voter == null) {
            return Standing.SIGN_IN;
        }
        Standing standing = eligibility(vote, voter);
        if (standing == Standing.ELIGIBLE && repository.participated(voteId, voter.id())) {
            return Standing.VOTED;
        }
        return standing;
    }

    private Standing eligibility(Record vote, BallotRepository.Voter voter) {
        if (!voter.verified()) {
            return Standing.NOT_VERIFIED;
        }
        java.util.Set<String> districts = districtsByVote.computeIfAbsent(vote.get(VOTE.ID), repository::districts);
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

    /**
     * A verified citizen casts their ballot. A second ballot of the same citizen is refused (also
     * when sent from many places at once: the participation register's unique key decides).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public Receipt cast(long voteId, List<Integer> choices) {
        BallotRepository.Voter voter = repository
                .voter(Audited.currentActor())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("no account"));
        long user = voter.id();
        Instant now = clock.instant();
        Record vote = VoteWindow.lockOpen(repository, voteId, now);
        switch (eligibility(vote, voter)) {
            case NOT_VERIFIED -> throw new VotingException("vote.error.not-eligible");
            case OUTSIDE_DISTRICT -> throw new VotingException("vote.error.district");
            case TOO_YOUNG -> throw new VotingException("vote.error.age", vote.get(VOTE.MIN_AGE));
            default -> {}
        }
        String stored = normalise(vote, optionsByVote.computeIfAbsent(voteId, repository::optionList), choices);
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (!repository.participate(UUID.randomUUID().toString(), voteId, user, day)) {
            throw new VotingException(vote.get(VOTE.ALLOW_CHANGE) ? "vote.error.change-instead" : "vote.error.voted");
        }
        return append(vote, stored, day, null);
    }

    /** The voter replaces their counted ballot, proving it is theirs with the secret they were given. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public Receipt change(long voteId, String secret, List<Integer> choices) {
        long user = repository.userId(Audited.currentActor());
        Instant now = clock.instant();
        Record vote = VoteWindow.lockOpen(repository, voteId, now);
        if (!vote.get(VOTE.ALLOW_CHANGE) || !repository.participated(voteId, user)) {
            throw new VotingException("vote.error.no-change");
        }
        String replaced = repository
                .countedByCheck(voteId, BallotChain.sha256(secret == null ? "" : secret.strip()))
                .orElseThrow(() -> new VotingException("vote.error.wrong-secret"));
        String stored = normalise(vote, optionsByVote.computeIfAbsent(voteId, repository::optionList), choices);
        Receipt next = append(vote, stored, now.atOffset(ZoneOffset.UTC).toLocalDate(), replaced);
        // the voter keeps the receipt they were first given: whoever else holds it cannot tell
        return new Receipt(repository.firstReceipt(voteId, replaced), next.changeSecret());
    }

    /**
     * Chains the ballot to the head this portal appended last (the database's copy only after a
     * restart), and remembers the new head once the transaction commits.
     */
    private Receipt append(Record vote, String opened, LocalDate day, @Nullable String replaces) {
        long voteId = vote.get(VOTE.ID);
        String receipt = codes.next(16);
        String choices =
                seals.seal(voteId, receipt, opened, optionsByVote.get(voteId).size());
        int position = vote.get(VOTE.BALLOT_COUNT) + 1;
        String stored = vote.get(VOTE.HEAD_HASH) == null ? BallotChain.GENESIS : vote.get(VOTE.HEAD_HASH);
        String previous = heads.current(voteId, repository, position - 1)
                .map(ChainHeads.Head::hash)
                .orElse(stored);
        String secret = vote.get(VOTE.ALLOW_CHANGE) ? codes.next(24) : null;
        String check = secret == null ? null : BallotChain.sha256(secret);
        String hash = BallotChain.hash(voteId, position, receipt, choices, day, replaces, check, previous);
        repository.append(voteId, position, receipt, choices, day, replaces, check, previous, hash);
        ChainHeads.Head head = new ChainHeads.Head(position, hash);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                heads.advance(voteId, head);
            }
        });
        return new Receipt(receipt, secret);
    }

    /**
     * How many citizens voted: the only figure given out while a vote is open, and then only as of
     * its last signed checkpoint, so that it never moves with a single ballot.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int turnout(long voteId) {
        Record vote = repository.vote(voteId).orElseThrow(() -> new VotingException("vote.error.none"));
        if (clock.instant().isBefore(vote.get(VOTE.CLOSES_AT).toInstant())) {
            return repository.lastCheckpoint(voteId).map(Checkpoint::voters).orElse(0);
        }
        return repository.turnout(voteId);
    }
}
