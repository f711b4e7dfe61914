package org.openplaza.proposals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals and their lifecycle. Citizens write proposals, publish them and support those of
 * others; a citizen proposal that gathers the threshold of verified citizens' supports within its
 * window qualifies, otherwise it expires. Officials publish government proposals for their
 * organisation (straight to a vote), answer qualified proposals, record results and post
 * implementation updates. Every step is kept in the proposal's history, audit-logged, and told
 * to those who follow the proposal.
 */
@Service
public class ProposalService {

    static final int MAX_TAGS = 10;
    static final int MAX_LINKS = 10;

    private final ProposalRepository repository;
    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProposalWords words;

    ProposalService(
            ProposalRepository repository,
            NotificationRepository notifications,
            ApplicationEventPublisher events,
            Clock clock,
            ProposalWords words) {
        this.repository = repository;
        this.words = words;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    private static boolean hasRole(String role) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    private long me() {
        return repository.userId(Audited.currentActor());
    }

    /** The account acting, or none when the portal itself acts (its jobs have no account). */
    private @org.jspecify.annotations.Nullable Long meOrThePortal() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return org.openplaza.platform.SystemIdentity.isSystem(authentication) ? null : me();
    }

    private void audit(String event, long id, String detail) {
        events.publishEvent(Audited.byCurrentUser(event, "proposal", String.valueOf(id), detail));
    }

    // ---- settings

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ParticipationSettings settings() {
        return repository.settings();
    }

    /** Administrators set the support threshold and window and the limits against spam. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void updateSettings(ParticipationSettings settings) {
        if (settings.supportThreshold() < 1 || settings.supportThreshold() > 10_000_000) {
            throw new ProposalException("threshold", "proposal.error.settings.threshold");
        }
        if (settings.supportWindowDays() < 1 || settings.supportWindowDays() > 365) {
            throw new ProposalException("window", "proposal.error.settings.window");
        }
        if (settings.supportSharePermille() != null
                && (settings.supportSharePermille() < 1 || settings.supportSharePermille() > 1000)) {
            throw new ProposalException("share", "proposal.error.settings.share");
        }
        if (settings.proposalsPerDay() < 1 || settings.commentsPerMinute() < 1) {
            throw new ProposalException("limits", "proposal.error.settings.limits");
        }
        repository.saveSettings(settings, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "PARTICIPATION_SETTINGS_CHANGED",
                "participation-settings",
                "1",
                settings.supportThreshold() + " supports in " + settings.supportWindowDays() + " days"));
    }

    // ---- writing

    /** Checks and tidies what an author wrote. */
    static ProposalText clean(ProposalText text) {
        String title = text.title() == null ? "" : text.title().strip();
        if (title.length() < 5 || title.length() > 200) {
            throw new ProposalException("title", "proposal.error.title");
        }
        String summary = text.summary() == null ? "" : text.summary().strip();
        if (summary.length() < 10 || summary.length() > 600) {
            throw new ProposalException("summary", "proposal.error.summary");
        }
        String body = text.body() == null ? "" : text.body().strip();
        if (body.length() > 20_000) {
            throw new ProposalException("body", "proposal.error.body");
        }
        String district = text.district() == null || text.district().isBlank()
                ? null
                : text.district().strip();
        if (district != null && district.length() > 80) {
            throw new ProposalException("district", "proposal.error.district");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : text.tags()) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 40) {
                throw new ProposalException("tags", "proposal.error.tag");
            }
            tags.add(t);
        }
        if (tags.size() > MAX_TAGS) {
            throw new ProposalException("tags", "proposal.error.tags", MAX_TAGS);
        }
        if (text.datasets().size() + text.visualisations().size() > MAX_LINKS) {
            throw new ProposalException("evidence", "proposal.error.links", MAX_LINKS);
        }
        return new ProposalText(
                title,
                summary,
                body,
                text.category(),
                district,
                List.copyOf(tags),
                List.copyOf(new LinkedHashSet<>(text.datasets())),
                List.copyOf(new LinkedHashSet<>(text.visualisations())));
    }

    /** A citizen starts a proposal as a draft. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public long draft(ProposalText text) {
        ProposalText clean = clean(text);
        long id = repository.insert(Origin.CITIZEN, me(), null, clean, clock.instant());
        audit("PROPOSAL_DRAFTED", id, clean.title());
        return id;
    }

    /** An official starts a government proposal of their organisation as a draft. */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public long draftForOrganisation(long organisationId, ProposalText text) {
        long author = me();
        if (!repository.member(author, organisationId)) {
            throw new AccessDeniedException("not a member of organisation " + organisationId);
        }
        ProposalText clean = clean(text);
        long id = repository.insert(Origin.GOVERNMENT, author, organisationId, clean, clock.instant());
        audit("PROPOSAL_DRAFTED", id, clean.title());
        return id;
    }

    /**
     * An official acts on a government proposal only for its own organisation; a citizen
     * proposal, which belongs to no organisation, any official may answer and report on.
     */
    private void requireActFor(long id) {
        Long organisation = repository.organisationOf(id).orElse(null);
        if (organisation != null && !repository.member(me(), organisation)) {
            throw new AccessDeniedException("not a member of the organisation of proposal " + id);
        }
    }

    /** Whether the signed-in official may answer, record the result of and report on this proposal. */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional(readOnly = true)
    public boolean mayActFor(long id) {
        Long organisation = repository.organisationOf(id).orElse(null);
        return organisation == null || repository.member(me(), organisation);
    }

    private Proposal authored(long id) {
        Proposal p = repository.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        if (!p.authorUsername().equals(Audited.currentActor())) {
            throw new AccessDeniedException("not the author of proposal " + id);
        }
        return p;
    }

    /**
     * The author edits. A draft changes freely. A published proposal keeps each text as a
     * revision; once it has supports, its title, summary, category and district stay, its body
     * can only grow at the end and tags and evidence can only be added, so nobody's support is
     * redirected to something else.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void edit(long id, ProposalText text) {
        Proposal p = authored(id);
        ProposalText clean = clean(text);
        Instant now = clock.instant();
        if (p.status() == ProposalStatus.DRAFT) {
            repository.replaceText(id, clean, p.revision(), now);
            return;
        }
        if (p.hidden() || (p.status() != ProposalStatus.PUBLISHED && p.status() != ProposalStatus.QUALIFIED)) {
            throw new ProposalException(null, "proposal.error.not-editable");
        }
        repository.lock(id);
        if (!repository.supporters(id).isEmpty()) {
            boolean onlyAdditions = clean.title().equals(p.title())
                    && clean.summary().equals(p.summary())
                    && clean.category() == p.category()
                    && java.util.Objects.equals(clean.district(), p.district())
                    && clean.body().startsWith(p.body())
                    && clean.tags().containsAll(p.tags())
                    && clean.datasets().containsAll(p.datasets())
                    && clean.visualisations().containsAll(p.visualisations());
            if (!onlyAdditions) {
                throw new ProposalException(null, "proposal.error.only-additions");
            }
        }
        int revision = p.revision() + 1;
        repository.replaceText(id, clean, revision, now);
        repository.addRevision(id, revision, clean, me(), now);
        audit("PROPOSAL_EDITED", id, org.openplaza.audit.AuditDetail.of("proposal-edited", clean.title(), revision));
        events.publishEvent(words.changed(id));
    }

    /**
     * The author publishes a draft. A citizen proposal starts collecting supports for the
     * configured window (at most the configured number of proposals a day); a government
     * proposal goes to a vote.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void publish(long id) {
        Proposal p = authored(id);
        if (p.status() != ProposalStatus.DRAFT) {
            throw new ProposalException(null, "proposal.error.published-already");
        }
        Instant now = clock.instant();
        long author = me();
        ParticipationSettings settings = repository.settings();
        ProposalStatus to;
        if (p.origin() == Origin.CITIZEN) {
            if (repository.publishedSince(author, now.minus(Duration.ofDays(1))) >= settings.proposalsPerDay()) {
                throw new ProposalException(null, "proposal.error.too-many", settings.proposalsPerDay());
            }
            to = ProposalStatus.PUBLISHED;
            repository.publish(
                    id,
                    to,
                    now,
                    now.plus(Duration.ofDays(settings.supportWindowDays())),
                    settings.thresholdFor(repository.verifiedCitizens()));
        } else {
            to = ProposalStatus.SCHEDULED;
            repository.publish(id, to, now, null, null);
        }
        repository.addRevision(
                id,
                p.revision(),
                new ProposalText(
                        p.title(),
                        p.summary(),
                        p.body(),
                        p.category(),
                        p.district(),
                        p.tags(),
                        p.datasets(),
                        p.visualisations()),
                author,
                now);
        repository.addStatusChange(id, ProposalStatus.DRAFT, to, now, author, null);
        repository.follow(id, author);
        audit("PROPOSAL_PUBLISHED", id, p.title());
        events.publishEvent(words.changed(id));
    }

    /** The author deletes a draft; published proposals stay, with their history. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void deleteDraft(long id) {
        Proposal p = authored(id);
        if (p.status() != ProposalStatus.DRAFT) {
            throw new ProposalException(null, "proposal.error.published-already");
        }
        repository.deleteDraft(id);
        audit("PROPOSAL_DRAFT_DELETED", id, p.title());
    }

    // ---- reading

    private boolean mayRead(Proposal p) {
        return p.status() != ProposalStatus.DRAFT || p.authorUsername().equals(Audited.currentActor());
    }

    /** A proposal: drafts only for their author; hidden ones are returned so pages can say why. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Proposal> find(long id) {
        return repository.find(id).filter(this::mayRead);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        return find(id).map(p -> repository.history(id)).orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Revision> revisions(long id) {
        return find(id).filter(p -> !p.hidden())
                .map(p -> repository.revisions(id))
                .orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ImplementationUpdate> updates(long id) {
        return find(id).map(p -> repository.updates(id)).orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ProposalSummary> search(ProposalSearch search, int offset, int limit) {
        return repository.search(search, matching(search), Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int count(ProposalSearch search) {
        return repository.count(search, matching(search));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Map<Origin, Integer> countsByOrigin(ProposalSearch search) {
        return repository.countsByOrigin(search, matching(search));
    }

    /**
     * The proposals the search's words find, the most relevant first, or null when it has none.
     * Too many words are refused with an {@code IllegalArgumentException}.
     */
    private @Nullable List<Long> matching(ProposalSearch search) {
        return search.hasWords() ? words.find(search.words()) : null;
    }

    /** The caller's own proposals, drafts included. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProposalSummary> mine() {
        return repository.ownedBy(me());
    }

    /** Qualified citizen proposals waiting for an answer, the longest-waiting first. */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<QueuedProposal> queue() {
        return repository.qualifiedQueue();
    }

    /** How many days back the officials' dashboard looks for proposals gathering supports. */
    public static final int TRENDING_DAYS = 7;

    /**
     * The officials' dashboard: proposals by origin per month, the queue, supports per category,
     * and the five public proposals that gathered the most supports in the last {@link
     * #TRENDING_DAYS} days.
     */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        java.util.TreeMap<String, java.util.EnumMap<Origin, Integer>> byMonth = new java.util.TreeMap<>();
        for (var r : repository.publishedPerMonth()) {
            String month = String.format("%d-%02d", r.value1(), r.value2());
            byMonth.computeIfAbsent(month, m -> new java.util.EnumMap<>(Origin.class))
                    .put(Origin.valueOf(r.value3()), r.value4());
        }
        List<String> months = new ArrayList<>(byMonth.keySet());
        Map<Origin, List<Integer>> series = new java.util.EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            series.put(
                    origin,
                    months.stream()
                            .map(m -> byMonth.get(m).getOrDefault(origin, 0))
                            .toList());
        }
        return new Dashboard(
                months,
                series,
                repository.qualifiedQueue(),
                repository.supportsPerCategory(),
                repository.trending(clock.instant().minus(java.time.Duration.ofDays(TRENDING_DAYS)), 5));
    }

    /** Participation as open data; public facts only, never who supported what. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ParticipationData participation() {
        return repository.participation();
    }

    // ---- supports

    /** Where the proposal stands for the caller (visitors: not supporting). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public SupportState supportState(long id) {
        Proposal p = find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        String actor = Audited.currentActor();
        boolean supporting = false;
        boolean counted = false;
        if (!Audited.ANONYMOUS.equals(actor)) {
            long user = repository.userId(actor);
            supporting = repository.supports(id, user);
            counted = supporting && repository.verified(user);
        }
        return new SupportState(
                supporting, counted, p.supports(), p.supportThreshold() == null ? 0 : p.supportThreshold(), p.status());
    }

    /**
     * A citizen supports a citizen proposal that is collecting, once however often or
     * concurrently they click. Only verified citizens' supports count toward the threshold; the
     * support that reaches it qualifies the proposal, which goes on taking supports until its
     * deadline. After the deadline nothing is taken.
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public SupportState support(long id) {
        Proposal p = find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        if (p.origin() != Origin.CITIZEN || p.hidden()) {
            throw new ProposalException(null, "proposal.error.not-collecting");
        }
        ProposalStatus status = repository.lock(id).orElseThrow();
        Instant now = clock.instant();
        // a qualified proposal still takes supports until its deadline: they show its strength
        boolean open = status == ProposalStatus.PUBLISHED || status == ProposalStatus.QUALIFIED;
        if (!open || p.supportDeadline() == null || now.isAfter(p.supportDeadline())) {
            throw new ProposalException(null, "proposal.error.not-collecting");
        }
        long user = me();
        try {
            repository.addSupport(id, user, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same citizen's other click won: their one support stands
        }
        repository.follow(id, user);
        int supports = repository.recountSupports(id);
        ProposalStatus after = status;
        if (status == ProposalStatus.PUBLISHED && supports >= p.supportThreshold()) {
            after = ProposalStatus.QUALIFIED;
            repository.setStatus(id, after, now);
            repository.addStatusChange(id, status, after, now, null, null);
            notifications.add(
                    repository.followers(id),
                    id,
                    Notification.Kind.STATUS_CHANGED,
                    ProposalStatus.QUALIFIED.name(),
                    now);
            audit(
                    "PROPOSAL_QUALIFIED",
                    id,
                    org.openplaza.audit.AuditDetail.of("proposal-qualified", p.title(), supports));
        }
        boolean verified = repository.verified(user);
        return new SupportState(true, verified, supports, p.supportThreshold(), after);
    }

    /** A supporter takes their support back while the proposal is still collecting. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public SupportState withdraw(long id) {
        Proposal p = find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        ProposalStatus status = repository.lock(id).orElseThrow();
        Instant now = clock.instant();
        if (status != ProposalStatus.PUBLISHED || p.supportDeadline() == null || now.isAfter(p.supportDeadline())) {
            throw new ProposalException(null, "proposal.error.not-collecting");
        }
        repository.removeSupport(id, me());
        int supports = repository.recountSupports(id);
        return new SupportState(false, false, supports, p.supportThreshold(), status);
    }

    /**
     * Proposals whose window closed without the threshold expire. Run every minute; the support
     * that would arrive late is refused anyway. Returns how many expired.
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (Long id : repository.pastDeadline(now)) {
            if (repository.lock(id).orElse(null) != ProposalStatus.PUBLISHED) {
                continue;
            }
            repository.recountSupports(id);
            repository.setStatus(id, ProposalStatus.EXPIRED, now);
            repository.addStatusChange(id, ProposalStatus.PUBLISHED, ProposalStatus.EXPIRED, now, null, null);
            notifications.add(
                    repository.followers(id), id, Notification.Kind.STATUS_CHANGED, ProposalStatus.EXPIRED.name(), now);
            expired++;
        }
        return expired;
    }

    // ---- official answers

    /**
     * An official answers a qualified citizen proposal: a vote, acceptance without one, or a
     * reasoned refusal. The author and supporters are told.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public void answer(long id, Answer answer, String reason) {
        Proposal p = repository.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 10 || clean.length() > 4000) {
            throw new ProposalException("reason", "proposal.error.answer-reason");
        }
        ProposalStatus status = repository.lock(id).orElseThrow();
        if (status != ProposalStatus.QUALIFIED) {
            throw new ProposalException(null, "proposal.error.not-qualified");
        }
        Instant now = clock.instant();
        repository.setStatus(id, answer.status(), now);
        repository.addStatusChange(id, status, answer.status(), now, me(), clean);
        notifications.add(
                repository.followers(id),
                id,
                Notification.Kind.ANSWERED,
                answer.status().name(),
                now);
        audit(
                "PROPOSAL_ANSWERED",
                id,
                org.openplaza.audit.AuditDetail.of("proposal-answered-" + answer.name(), p.title()));
    }

    /**
     * The result of a proposal's vote: adopted or rejected. A vote held on the portal records it
     * when it is counted; an official records the result of a vote held elsewhere, but not while
     * one is under way here.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public void recordResult(long id, boolean adopted, String note) {
        repository.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        moveToResult(id, adopted, note, true);
    }

    /**
     * The result of a vote held here, recorded as it is counted ({@link VoteOnProposalCounted},
     * announced by voting inside the count's transaction). The counted vote is the
     * authority, so whoever runs the count records it, also an official who has since left the
     * organisation; the vote must be this proposal's and counted with this outcome.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    @org.springframework.context.event.EventListener
    public void recordCountedVote(VoteOnProposalCounted counted) {
        long id = counted.proposalId();
        long voteId = counted.voteId();
        repository.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        boolean carried = repository
                .countedOutcome(id, voteId)
                .orElseThrow(() -> new AccessDeniedException("vote " + voteId + " is not a counted vote on " + id));
        moveToResult(id, carried, null, false, voteId);
    }

    private void moveToResult(long id, boolean adopted, String note, boolean byHand) {
        moveToResult(id, adopted, note, byHand, null);
    }

    private void moveToResult(
            long id, boolean adopted, String note, boolean byHand, @org.jspecify.annotations.Nullable Long voteId) {
        ProposalStatus status = repository.lock(id).orElseThrow();
        if (status != ProposalStatus.SCHEDULED) {
            throw new ProposalException(null, "proposal.error.not-scheduled");
        }
        if (byHand && repository.voteUnderWay(id)) {
            throw new ProposalException(null, "proposal.error.vote-under-way");
        }
        ProposalStatus to = adopted ? ProposalStatus.ADOPTED : ProposalStatus.REJECTED;
        Instant now = clock.instant();
        String clean = note == null || note.isBlank() ? null : note.strip();
        repository.setStatus(id, to, now);
        repository.addStatusChange(id, status, to, now, byHand ? Long.valueOf(me()) : meOrThePortal(), clean, voteId);
        notifications.add(repository.followers(id), id, Notification.Kind.STATUS_CHANGED, to.name(), now);
        audit("PROPOSAL_RESULT", id, to.name());
    }

    /**
     * An official posts how the carrying out of an accepted or adopted proposal goes; the last
     * one may mark it done. Followers are told each time.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public void postUpdate(long id, String body, boolean done) {
        repository.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        String clean = body == null ? "" : body.strip();
        if (clean.length() < 5 || clean.length() > 5000) {
            throw new ProposalException("update", "proposal.error.update");
        }
        ProposalStatus status = repository.lock(id).orElseThrow();
        if (!status.implementing()) {
            throw new ProposalException(null, "proposal.error.not-implementing");
        }
        Instant now = clock.instant();
        long author = me();
        repository.addUpdate(id, author, clean, done, now);
        if (done) {
            repository.setStatus(id, ProposalStatus.DONE, now);
            repository.addStatusChange(id, status, ProposalStatus.DONE, now, author, null);
        }
        notifications.add(
                repository.followers(id),
                id,
                Notification.Kind.IMPLEMENTATION_UPDATE,
                clean.length() > 200 ? clean.substring(0, 200) + "…" : clean,
                now);
        audit(
                "PROPOSAL_UPDATE_POSTED",
                id,
                org.openplaza.audit.AuditDetail.of(done ? "proposal-update-done" : "proposal-update"));
    }

    // ---- following

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean following(long id) {
        return repository.follows(id, me());
    }

    /** Signed-in users follow a proposal to be told of what happens to it, or stop. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void follow(long id, boolean follow) {
        find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        if (follow) {
            repository.follow(id, me());
        } else {
            repository.unfollow(id, me());
        }
    }

    /** Distinct followers other than the given user: used by the discussion for replies. */
    Set<Long> followersExcept(long id, @Nullable Long except) {
        Set<Long> users = new HashSet<>(repository.followers(id));
        if (except != null) {
            users.remove(except);
        }
        return users;
    }

    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                tags.add(part.strip());
            }
        }
        return tags;
    }
}
