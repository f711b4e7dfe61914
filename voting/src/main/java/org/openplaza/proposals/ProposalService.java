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

    private final ProposalQuery query;
    private final NotificationQuery notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProposalWords words;

    ProposalService(
            ProposalQuery query,
            NotificationQuery notifications,
            ApplicationEventPublisher events,
            Clock clock,
            ProposalWords words) {
        this.query = query;
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
        return query.userId(Audited.currentActor());
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
        return query.settings();
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
        query.saveSettings(settings, clock.instant());
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
        long id = query.insert(Origin.CITIZEN, me(), null, clean, clock.instant());
        audit("PROPOSAL_DRAFTED", id, clean.title());
        return id;
    }

    /** An official starts a government proposal of their organisation as a draft. */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public long draftForOrganisation(long organisationId, ProposalText text) {
        long author = me();
        if (!query.member(author, organisationId)) {
            throw new AccessDeniedException("not a member of organisation " + organisationId);
        }
        ProposalText clean = clean(text);
        long id = query.insert(Origin.GOVERNMENT, author, organisationId, clean, clock.instant());
        audit("PROPOSAL_DRAFTED", id, clean.title());
        return id;
    }

    /**
     * An official acts on a government proposal only for its own organisation; a citizen
     * proposal, which belongs to no organisation, any official may answer and report on.
     */
    private void requireActFor(long id) {
        Long organisation = query.organisationOf(id).orElse(null);
        if (organisation != null && !query.member(me(), organisation)) {
            throw new AccessDeniedException("not a member of the organisation of proposal " + id);
        }
    }

    /** Whether the signed-in official may answer, record the result of and report on this proposal. */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional(readOnly = true)
    public boolean mayActFor(long id) {
        Long organisation = query.organisationOf(id).orElse(null);
        return organisation == null || query.member(me(), organisation);
    }

    private Proposal authored(long id) {
        Proposal p = query.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
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
            query.replaceText(id, clean, p.revision(), now);
            return;
        }
        if (p.hidden() || (p.status() != ProposalStatus.PUBLISHED && p.status() != ProposalStatus.QUALIFIED)) {
            throw new ProposalException(null, "proposal.error.not-editable");
        }
        query.lock(id);
        if (!query.supporters(id).isEmpty()) {
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
        query.replaceText(id, clean, revision, now);
        query.addRevision(id, revision, clean, me(), now);
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
        ParticipationSettings settings = query.settings();
        ProposalStatus to;
        if (p.origin() == Origin.CITIZEN) {
            if (query.publishedSince(author, now.minus(Duration.ofDays(1))) >= settings.proposalsPerDay()) {
                throw new ProposalException(null, "proposal.error.too-many", settings.proposalsPerDay());
            }
            to = ProposalStatus.PUBLISHED;
            query.publish(
                    id,
                    to,
                    now,
                    now.plus(Duration.ofDays(settings.supportWindowDays())),
                    settings.thresholdFor(query.verifiedCitizens()));
        } else {
            to = ProposalStatus.SCHEDULED;
            query.publish(id, to, now, null, null);
        }
        query.addRevision(
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
        query.addStatusChange(id, ProposalStatus.DRAFT, to, now, author, null);
        query.follow(id, author);
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
        query.deleteDraft(id);
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
        return query.find(id).filter(this::mayRead);
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        return find(id).map(p -> query.history(id)).orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Revision> revisions(long id) {
        return find(id).filter(p -> !p.hidden()).map(p -> query.revisions(id)).orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ImplementationUpdate> updates(long id) {
        return find(id).map(p -> query.updates(id)).orElse(List.of());
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ProposalSummary> search(ProposalSearch search, int offset, int limit) {
        return query.search(search, matching(search), Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public int count(ProposalSearch search) {
        return query.count(search, matching(search));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Map<Origin, Integer> countsByOrigin(ProposalSearch search) {
        return query.countsByOrigin(search, matching(search));
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
        return query.ownedBy(me());
    }

    /** Qualified citizen proposals waiting for an answer, the longest-waiting first. */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<QueuedProposal> queue() {
        return query.qualifiedQueue();
    }

    /** The officials' dashboard: proposals by origin per month, the queue, supports per category. */
    @PreAuthorize("hasAnyRole('OFFICIAL', 'ADMIN')")
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        java.util.TreeMap<String, java.util.EnumMap<Origin, Integer>> byMonth = new java.util.TreeMap<>();
        for (var r : query.publishedPerMonth()) {
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
        return new Dashboard(months, series, query.qualifiedQueue(), query.supportsPerCategory());
    }

    /** Participation as open data; public facts only, never who supported what. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ParticipationData participation() {
        return query.participation();
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
            long user = query.userId(actor);
            supporting = query.supports(id, user);
            counted = supporting && query.verified(user);
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
        ProposalStatus status = query.lock(id).orElseThrow();
        Instant now = clock.instant();
        // a qualified proposal still takes supports until its deadline: they show its strength
        boolean open = status == ProposalStatus.PUBLISHED || status == ProposalStatus.QUALIFIED;
        if (!open || p.supportDeadline() == null || now.isAfter(p.supportDeadline())) {
            throw new ProposalException(null, "proposal.error.not-collecting");
        }
        long user = me();
        try {
            query.addSupport(id, user, now);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same citizen's other click won: their one support stands
        }
        query.follow(id, user);
        int supports = query.recountSupports(id);
        ProposalStatus after = status;
        if (status == ProposalStatus.PUBLISHED && supports >= p.supportThreshold()) {
            after = ProposalStatus.QUALIFIED;
            query.setStatus(id, after, now);
            query.addStatusChange(id, status, after, now, null, null);
            notifications.add(
                    query.followers(id), id, Notification.Kind.STATUS_CHANGED, ProposalStatus.QUALIFIED.name(), now);
            audit(
                    "PROPOSAL_QUALIFIED",
                    id,
                    org.openplaza.audit.AuditDetail.of("proposal-qualified", p.title(), supports));
        }
        boolean verified = query.verified(user);
        return new SupportState(true, verified, supports, p.supportThreshold(), after);
    }

    /** A supporter takes their support back while the proposal is still collecting. */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional
    public SupportState withdraw(long id) {
        Proposal p = find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        ProposalStatus status = query.lock(id).orElseThrow();
        Instant now = clock.instant();
        if (status != ProposalStatus.PUBLISHED || p.supportDeadline() == null || now.isAfter(p.supportDeadline())) {
            throw new ProposalException(null, "proposal.error.not-collecting");
        }
        query.removeSupport(id, me());
        int supports = query.recountSupports(id);
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
        for (Long id : query.pastDeadline(now)) {
            if (query.lock(id).orElse(null) != ProposalStatus.PUBLISHED) {
                continue;
            }
            query.recountSupports(id);
            query.setStatus(id, ProposalStatus.EXPIRED, now);
            query.addStatusChange(id, ProposalStatus.PUBLISHED, ProposalStatus.EXPIRED, now, null, null);
            notifications.add(
                    query.followers(id), id, Notification.Kind.STATUS_CHANGED, ProposalStatus.EXPIRED.name(), now);
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
        Proposal p = query.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 10 || clean.length() > 4000) {
            throw new ProposalException("reason", "proposal.error.answer-reason");
        }
        ProposalStatus status = query.lock(id).orElseThrow();
        if (status != ProposalStatus.QUALIFIED) {
            throw new ProposalException(null, "proposal.error.not-qualified");
        }
        Instant now = clock.instant();
        query.setStatus(id, answer.status(), now);
        query.addStatusChange(id, status, answer.status(), now, me(), clean);
        notifications.add(
                query.followers(id),
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
        query.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        moveToResult(id, adopted, note, true);
    }

    /**
     * The result of a vote held here, recorded as it is counted. The counted vote is the
     * authority, so whoever runs the count records it, also an official who has since left the
     * organisation; the vote must be this proposal's and counted with this outcome.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public void recordCountedVote(long id, long voteId) {
        query.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        boolean carried = query.countedOutcome(id, voteId)
                .orElseThrow(() -> new AccessDeniedException("vote " + voteId + " is not a counted vote on " + id));
        moveToResult(id, carried, null, false, voteId);
    }

    private void moveToResult(long id, boolean adopted, String note, boolean byHand) {
        moveToResult(id, adopted, note, byHand, null);
    }

    private void moveToResult(
            long id, boolean adopted, String note, boolean byHand, @org.jspecify.annotations.Nullable Long voteId) {
        ProposalStatus status = query.lock(id).orElseThrow();
        if (status != ProposalStatus.SCHEDULED) {
            throw new ProposalException(null, "proposal.error.not-scheduled");
        }
        if (byHand && query.voteUnderWay(id)) {
            throw new ProposalException(null, "proposal.error.vote-under-way");
        }
        ProposalStatus to = adopted ? ProposalStatus.ADOPTED : ProposalStatus.REJECTED;
        Instant now = clock.instant();
        String clean = note == null || note.isBlank() ? null : note.strip();
        query.setStatus(id, to, now);
        query.addStatusChange(id, status, to, now, byHand ? Long.valueOf(me()) : meOrThePortal(), clean, voteId);
        notifications.add(query.followers(id), id, Notification.Kind.STATUS_CHANGED, to.name(), now);
        audit("PROPOSAL_RESULT", id, to.name());
    }

    /**
     * An official posts how the carrying out of an accepted or adopted proposal goes; the last
     * one may mark it done. Followers are told each time.
     */
    @PreAuthorize("hasRole('OFFICIAL')")
    @Transactional
    public void postUpdate(long id, String body, boolean done) {
        query.find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        requireActFor(id);
        String clean = body == null ? "" : body.strip();
        if (clean.length() < 5 || clean.length() > 5000) {
            throw new ProposalException("update", "proposal.error.update");
        }
        ProposalStatus status = query.lock(id).orElseThrow();
        if (!status.implementing()) {
            throw new ProposalException(null, "proposal.error.not-implementing");
        }
        Instant now = clock.instant();
        long author = me();
        query.addUpdate(id, author, clean, done, now);
        if (done) {
            query.setStatus(id, ProposalStatus.DONE, now);
            query.addStatusChange(id, status, ProposalStatus.DONE, now, author, null);
        }
        notifications.add(
                query.followers(id),
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
        return query.follows(id, me());
    }

    /** Signed-in users follow a proposal to be told of what happens to it, or stop. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void follow(long id, boolean follow) {
        find(id).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        if (follow) {
            query.follow(id, me());
        } else {
            query.unfollow(id, me());
        }
    }

    /** Distinct followers other than the given user: used by the discussion for replies. */
    Set<Long> followersExcept(long id, @Nullable Long except) {
        Set<Long> users = new HashSet<>(query.followers(id));
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
