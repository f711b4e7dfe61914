package org.openplaza.proposals;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.voting.Tables.IMPLEMENTATION_UPDATE;
import static org.openplaza.db.voting.Tables.PARTICIPATION_SETTINGS;
import static org.openplaza.db.voting.Tables.PROPOSAL;
import static org.openplaza.db.voting.Tables.PROPOSAL_FOLLOW;
import static org.openplaza.db.voting.Tables.PROPOSAL_LINK;
import static org.openplaza.db.voting.Tables.PROPOSAL_REVISION;
import static org.openplaza.db.voting.Tables.PROPOSAL_STATUS_CHANGE;
import static org.openplaza.db.voting.Tables.PROPOSAL_SUPPORT;
import static org.openplaza.db.voting.Tables.PROPOSAL_TAG;
import static org.openplaza.db.voting.Tables.VOTE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.openplaza.db.accounts.tables.AppUser;
import org.openplaza.platform.Organisations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/** Proposals, their text history, lifecycle, supports, evidence links and follows. */
@Repository
class ProposalRepository {

    private final DSLContext db;
    private final Organisations organisations;

    ProposalRepository(DSLContext db, Organisations organisations) {
        this.db = db;
        this.organisations = organisations;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    // ---- settings and people

    ParticipationSettings settings() {
        return db.select(
                        PARTICIPATION_SETTINGS.SUPPORT_THRESHOLD,
                        PARTICIPATION_SETTINGS.SUPPORT_WINDOW_DAYS,
                        PARTICIPATION_SETTINGS.PROPOSALS_PER_DAY,
                        PARTICIPATION_SETTINGS.COMMENTS_PER_MINUTE,
                        PARTICIPATION_SETTINGS.SUPPORT_SHARE_PERMILLE)
                .from(PARTICIPATION_SETTINGS)
                .where(PARTICIPATION_SETTINGS.ID.eq(1))
                .fetchSingle(Records.mapping(
                        (supportThreshold,
                                supportWindowDays,
                                proposalsPerDay,
                                commentsPerMinute,
                                supportSharePermille) -> new ParticipationSettings(
                                supportThreshold,
                                supportWindowDays,
                                proposalsPerDay,
                                commentsPerMinute,
                                supportSharePermille)));
    }

    void saveSettings(ParticipationSettings settings, Instant now) {
        db.update(PARTICIPATION_SETTINGS)
                .set(PARTICIPATION_SETTINGS.SUPPORT_THRESHOLD, settings.supportThreshold())
                .set(PARTICIPATION_SETTINGS.SUPPORT_WINDOW_DAYS, settings.supportWindowDays())
                .set(PARTICIPATION_SETTINGS.PROPOSALS_PER_DAY, settings.proposalsPerDay())
                .set(PARTICIPATION_SETTINGS.COMMENTS_PER_MINUTE, settings.commentsPerMinute())
                .set(PARTICIPATION_SETTINGS.SUPPORT_SHARE_PERMILLE, settings.supportSharePermille())
                .set(PARTICIPATION_SETTINGS.UPDATED_AT, utc(now))
                .where(PARTICIPATION_SETTINGS.ID.eq(1))
                .execute();
    }

    long userId(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new AccessDeniedException("no account"));
    }

    long verifiedCitizens() {
        return db.fetchCount(APP_USER, APP_USER.VERIFIED_RESIDENT.isTrue().and(APP_USER.ENABLED.isTrue()));
    }

    boolean verified(long userId) {
        return db.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.VERIFIED_RESIDENT.isTrue()));
    }

    /** Whether the account acts for the organisation: the catalogue, which keeps organisations, answers. */
    boolean member(long userId, long organisationId) {
        return organisations.isMember(userId, organisationId);
    }

    /** The organisation a proposal belongs to; empty for a citizen proposal. */
    Optional<Long> organisationOf(long proposalId) {
        return db.select(PROPOSAL.ORGANISATION_ID)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(proposalId))
                .fetchOptional(PROPOSAL.ORGANISATION_ID);
    }

    // ---- proposals

    long insert(Origin origin, long authorId, @Nullable Long organisationId, ProposalText text, Instant now) {
        long id = db.insertInto(PROPOSAL)
                .set(PROPOSAL.ORIGIN, origin.name())
                .set(PROPOSAL.AUTHOR_ID, authorId)
                .set(PROPOSAL.ORGANISATION_ID, organisationId)
                .set(PROPOSAL.TITLE, text.title())
                .set(PROPOSAL.SUMMARY, text.summary())
                .set(PROPOSAL.BODY, text.body())
                .set(PROPOSAL.CATEGORY, text.category().name())
                .set(PROPOSAL.DISTRICT, text.district())
                .set(PROPOSAL.STATUS, ProposalStatus.DRAFT.name())
                .set(PROPOSAL.CREATED_AT, utc(now))
                .set(PROPOSAL.UPDATED_AT, utc(now))
                .returning(PROPOSAL.ID)
                .fetchSingle(PROPOSAL.ID);
        replaceTagsAndLinks(id, text);
        return id;
    }

    void replaceText(long id, ProposalText text, int revision, Instant now) {
        db.update(PROPOSAL)
                .set(PROPOSAL.TITLE, text.title())
                .set(PROPOSAL.SUMMARY, text.summary())
                .set(PROPOSAL.BODY, text.body())
                .set(PROPOSAL.CATEGORY, text.category().name())
                .set(PROPOSAL.DISTRICT, text.district())
                .set(PROPOSAL.REVISION, revision)
                .set(PROPOSAL.UPDATED_AT, utc(now))
                .where(PROPOSAL.ID.eq(id))
                .execute();
        replaceTagsAndLinks(id, text);
    }

    private void replaceTagsAndLinks(long id, ProposalText text) {
        db.deleteFrom(PROPOSAL_TAG).where(PROPOSAL_TAG.PROPOSAL_ID.eq(id)).execute();
        for (String tag : text.tags()) {
            db.insertInto(PROPOSAL_TAG)
                    .set(PROPOSAL_TAG.PROPOSAL_ID, id)
                    .set(PROPOSAL_TAG.TAG, tag)
                    .onConflictDoNothing()
                    .execute();
        }
        db.deleteFrom(PROPOSAL_LINK).where(PROPOSAL_LINK.PROPOSAL_ID.eq(id)).execute();
        link(id, "DATASET", text.datasets());
        link(id, "VISUALISATION", text.visualisations());
    }

    private void link(long id, String kind, List<Long> targets) {
        for (Long target : targets) {
            db.insertInto(PROPOSAL_LINK)
                    .set(PROPOSAL_LINK.PROPOSAL_ID, id)
                    .set(PROPOSAL_LINK.KIND, kind)
                    .set(PROPOSAL_LINK.TARGET_ID, target)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    void addRevision(long id, int revision, ProposalText text, long editorId, Instant now) {
        db.insertInto(PROPOSAL_REVISION)
                .set(PROPOSAL_REVISION.PROPOSAL_ID, id)
                .set(PROPOSAL_REVISION.REVISION, revision)
                .set(PROPOSAL_REVISION.TITLE, text.title())
                .set(PROPOSAL_REVISION.SUMMARY, text.summary())
                .set(PROPOSAL_REVISION.BODY, text.body())
                .set(PROPOSAL_REVISION.EDITED_AT, utc(now))
                .set(PROPOSAL_REVISION.EDITOR_ID, editorId)
                .execute();
    }

    List<Revision> revisions(long id) {
        return db.select(
                        PROPOSAL_REVISION.REVISION,
                        PROPOSAL_REVISION.TITLE,
                        PROPOSAL_REVISION.SUMMARY,
                        PROPOSAL_REVISION.BODY,
                        PROPOSAL_REVISION.EDITED_AT,
                        APP_USER.DISPLAY_NAME)
                .from(PROPOSAL_REVISION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(PROPOSAL_REVISION.EDITOR_ID))
                .where(PROPOSAL_REVISION.PROPOSAL_ID.eq(id))
                .orderBy(PROPOSAL_REVISION.REVISION)
                .fetch(Records.mapping((revision, title, summary, body, editedAt, displayName) ->
                        new Revision(revision, title, summary, body, editedAt.toInstant(), displayName)));
    }

    /** Locks the proposal's row until the transaction ends: supports and answers queue behind it. */
    /** Whether a vote on the proposal is open, coming or closed but not yet counted. */
    boolean voteUnderWay(long id) {
        return db.fetchExists(
                VOTE, VOTE.PROPOSAL_ID.eq(id).and(VOTE.CANCELLED.isFalse()).and(VOTE.FINALISED_AT.isNull()));
    }

    /** The outcome of this proposal's vote, when the vote is counted; empty otherwise. */
    Optional<Boolean> countedOutcome(long proposalId, long voteId) {
        return db.select(VOTE.OUTCOME)
                .from(VOTE)
                .where(VOTE.ID.eq(voteId))
                .and(VOTE.PROPOSAL_ID.eq(proposalId))
                .and(VOTE.FINALISED_AT.isNotNull())
                .and(VOTE.OUTCOME.isNotNull())
                .fetchOptional(VOTE.OUTCOME)
                .map("CARRIED"::equals);
    }

    Optional<ProposalStatus> lock(long id) {
        return db.select(PROPOSAL.STATUS)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(id))
                .forUpdate()
                .fetchOptional(PROPOSAL.STATUS)
                .map(ProposalStatus::valueOf);
    }

    void publish(long id, ProposalStatus status, Instant now, @Nullable Instant deadline, @Nullable Integer threshold) {
        db.update(PROPOSAL)
                .set(PROPOSAL.STATUS, status.name())
                .set(PROPOSAL.PUBLISHED_AT, utc(now))
                .set(PROPOSAL.SUPPORT_DEADLINE, deadline == null ? null : utc(deadline))
                .set(PROPOSAL.SUPPORT_THRESHOLD, threshold)
                .set(PROPOSAL.UPDATED_AT, utc(now))
                .where(PROPOSAL.ID.eq(id))
                .execute();
    }

    void setStatus(long id, ProposalStatus status, Instant now) {
        var update = db.update(PROPOSAL).set(PROPOSAL.STATUS, status.name()).set(PROPOSAL.UPDATED_AT, utc(now));
        if (status == ProposalStatus.QUALIFIED) {
            update = update.set(PROPOSAL.QUALIFIED_AT, utc(now));
        }
        if (status == ProposalStatus.SCHEDULED
                || status == ProposalStatus.ACCEPTED
                || status == ProposalStatus.DECLINED) {
            update = update.set(PROPOSAL.ANSWERED_AT, utc(now));
        }
        update.where(PROPOSAL.ID.eq(id)).execute();
    }

    void addStatusChange(
            long id,
            @Nullable ProposalStatus from,
            ProposalStatus to,
            Instant at,
            @Nullable Long actorId,
            @Nullable String reason) {
        addStatusChange(id, from, to, at, actorId, reason, null);
    }

    /** A step of the lifecycle, with the vote that decided it when a vote did. */
    void addStatusChange(
            long id,
            @Nullable ProposalStatus from,
            ProposalStatus to,
            Instant at,
            @Nullable Long actorId,
            @Nullable String reason,
            @Nullable Long voteId) {
        db.insertInto(PROPOSAL_STATUS_CHANGE)
                .set(PROPOSAL_STATUS_CHANGE.VOTE_ID, voteId)
                .set(PROPOSAL_STATUS_CHANGE.PROPOSAL_ID, id)
                .set(PROPOSAL_STATUS_CHANGE.FROM_STATUS, from == null ? null : from.name())
                .set(PROPOSAL_STATUS_CHANGE.TO_STATUS, to.name())
                .set(PROPOSAL_STATUS_CHANGE.CHANGED_AT, utc(at))
                .set(PROPOSAL_STATUS_CHANGE.ACTOR_ID, actorId)
                .set(PROPOSAL_STATUS_CHANGE.REASON, reason)
                .execute();
    }

    List<StatusChange> history(long id) {
        return db.select(
                        PROPOSAL_STATUS_CHANGE.FROM_STATUS,
                        PROPOSAL_STATUS_CHANGE.TO_STATUS,
                        PROPOSAL_STATUS_CHANGE.CHANGED_AT,
                        APP_USER.DISPLAY_NAME,
                        PROPOSAL_STATUS_CHANGE.REASON,
                        PROPOSAL_STATUS_CHANGE.VOTE_ID)
                .from(PROPOSAL_STATUS_CHANGE)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(PROPOSAL_STATUS_CHANGE.ACTOR_ID))
                .where(PROPOSAL_STATUS_CHANGE.PROPOSAL_ID.eq(id))
                .orderBy(PROPOSAL_STATUS_CHANGE.CHANGED_AT, PROPOSAL_STATUS_CHANGE.ID)
                .fetch(Records.mapping(
                        (fromStatus, toStatus, changedAt, displayName, reason, voteId) -> new StatusChange(
                                fromStatus == null ? null : ProposalStatus.valueOf(fromStatus),
                                ProposalStatus.valueOf(toStatus),
                                changedAt.toInstant(),
                                displayName,
                                reason,
                                voteId)));
    }

    Optional<Proposal> find(long id) {
        Record r = db.select(PROPOSAL.asterisk(), APP_USER.DISPLAY_NAME, APP_USER.USERNAME)
                .from(PROPOSAL)
                .join(APP_USER)
                .on(APP_USER.ID.eq(PROPOSAL.AUTHOR_ID))
                .where(PROPOSAL.ID.eq(id))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<String> tags = db.select(PROPOSAL_TAG.TAG)
                .from(PROPOSAL_TAG)
                .where(PROPOSAL_TAG.PROPOSAL_ID.eq(id))
                .orderBy(PROPOSAL_TAG.TAG)
                .fetch(PROPOSAL_TAG.TAG);
        return Optional.of(new Proposal(
                id,
                Origin.valueOf(r.get(PROPOSAL.ORIGIN)),
                ProposalStatus.valueOf(r.get(PROPOSAL.STATUS)),
                r.get(PROPOSAL.TITLE),
                r.get(PROPOSAL.SUMMARY),
                r.get(PROPOSAL.BODY),
                Category.valueOf(r.get(PROPOSAL.CATEGORY)),
                r.get(PROPOSAL.DISTRICT),
                tags,
                r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.USERNAME),
                r.get(PROPOSAL.ORGANISATION_ID) == null
                        ? null
                        : organisations.name(r.get(PROPOSAL.ORGANISATION_ID)).orElse(null),
                r.get(PROPOSAL.REVISION),
                r.get(PROPOSAL.CREATED_AT).toInstant(),
                instant(r.get(PROPOSAL.PUBLISHED_AT)),
                instant(r.get(PROPOSAL.SUPPORT_DEADLINE)),
                r.get(PROPOSAL.SUPPORT_THRESHOLD),
                r.get(PROPOSAL.SUPPORT_COUNT),
                r.get(PROPOSAL.COMMENT_COUNT),
                links(id, "DATASET"),
                links(id, "VISUALISATION"),
                r.get(PROPOSAL.HIDDEN),
                r.get(PROPOSAL.HIDDEN_REASON)));
    }

    private List<Long> links(long id, String kind) {
        return db.select(PROPOSAL_LINK.TARGET_ID)
                .from(PROPOSAL_LINK)
                .where(PROPOSAL_LINK.PROPOSAL_ID.eq(id))
                .and(PROPOSAL_LINK.KIND.eq(kind))
                .orderBy(PROPOSAL_LINK.TARGET_ID)
                .fetch(PROPOSAL_LINK.TARGET_ID);
    }

    // ---- lists

    /** Public proposals: published at some point and not hidden. */
    private static Condition listed() {
        return PROPOSAL.STATUS.ne(ProposalStatus.DRAFT.name()).and(PROPOSAL.HIDDEN.isFalse());
    }

    /** What the index of proposals' words holds of one proposal. */
    record Text(long id, String title, String summary, String body, List<String> tags) {}

    /** The text of every proposal ever published, or of this one if it was. */
    List<Text> texts(@Nullable Long id) {
        return db.select(
                        PROPOSAL.ID,
                        PROPOSAL.TITLE,
                        PROPOSAL.SUMMARY,
                        PROPOSAL.BODY,
                        DSL.multiset(DSL.select(PROPOSAL_TAG.TAG)
                                        .from(PROPOSAL_TAG)
                                        .where(PROPOSAL_TAG.PROPOSAL_ID.eq(PROPOSAL.ID)))
                                .convertFrom(r -> r.map(org.jooq.Record1::value1)))
                .from(PROPOSAL)
                .where(PROPOSAL.STATUS.ne(ProposalStatus.DRAFT.name()))
                .and(id == null ? DSL.noCondition() : PROPOSAL.ID.eq(id))
                .fetch(org.jooq.Records.mapping(Text::new));
    }

    private static Condition condition(ProposalSearch search, boolean withOrigin, @Nullable List<Long> matching) {
        Condition c = listed();
        if (withOrigin && search.origin() != null) {
            c = c.and(PROPOSAL.ORIGIN.eq(search.origin().name()));
        }
        if (search.status() != null) {
            c = c.and(PROPOSAL.STATUS.eq(search.status().name()));
        }
        if (search.category() != null) {
            c = c.and(PROPOSAL.CATEGORY.eq(search.category().name()));
        }
        if (search.district() != null && !search.district().isBlank()) {
            c = c.and(PROPOSAL.DISTRICT.eq(search.district()));
        }
        if (search.tag() != null && !search.tag().isBlank()) {
            c = c.and(DSL.exists(DSL.selectOne()
                    .from(PROPOSAL_TAG)
                    .where(PROPOSAL_TAG.PROPOSAL_ID.eq(PROPOSAL.ID))
                    .and(PROPOSAL_TAG.TAG.eq(search.tag()))));
        }
        if (matching != null) {
            c = c.and(PROPOSAL.ID.in(matching));
        }
        return c;
    }

    private static List<SortField<?>> order(ProposalSearch.Sort sort) {
        switch (sort) {
            case MOST_SUPPORTED:
                return List.of(PROPOSAL.SUPPORT_COUNT.desc(), PROPOSAL.PUBLISHED_AT.desc(), PROPOSAL.ID.desc());
            case MOST_DISCUSSED:
                return List.of(PROPOSAL.COMMENT_COUNT.desc(), PROPOSAL.PUBLISHED_AT.desc(), PROPOSAL.ID.desc());
            case CLOSING_SOON:
                // those still collecting first, by deadline; the rest after, newest first
                return List.of(
                        DSL.when(PROPOSAL.STATUS.eq(ProposalStatus.PUBLISHED.name()), 0)
                                .otherwise(1)
                                .asc(),
                        PROPOSAL.SUPPORT_DEADLINE.asc().nullsLast(),
                        PROPOSAL.PUBLISHED_AT.desc(),
                        PROPOSAL.ID.desc());
            default:
                return List.of(PROPOSAL.PUBLISHED_AT.desc(), PROPOSAL.ID.desc());
        }
    }

    /**
     * A page of the proposals the search finds; {@code matching} are the ids its words found, the
     * most relevant first (null when it has no words), which is their order when the search asks
     * for relevance.
     */
    List<ProposalSummary> search(ProposalSearch search, @Nullable List<Long> matching, int offset, int limit) {
        Condition condition = condition(search, true, matching);
        if (matching == null || search.sort() != ProposalSearch.Sort.RELEVANCE) {
            return summaries(condition, order(search.sort()), offset, limit);
        }
        List<Long> page = org.openplaza.platform.text.IndexedWords.page(
                matching,
                java.util.Set.copyOf(
                        db.select(PROPOSAL.ID).from(PROPOSAL).where(condition).fetch(PROPOSAL.ID)),
                offset,
                limit);
        return org.openplaza.platform.text.IndexedWords.inOrder(
                page,
                summaries(PROPOSAL.ID.in(page), order(ProposalSearch.Sort.NEWEST), 0, limit),
                ProposalSummary::id);
    }

    int count(ProposalSearch search, @Nullable List<Long> matching) {
        return db.fetchCount(PROPOSAL, condition(search, true, matching));
    }

    /** How many match each origin, the other filters applied. */
    Map<Origin, Integer> countsByOrigin(ProposalSearch search, @Nullable List<Long> matching) {
        Map<Origin, Integer> counts = new EnumMap<>(Origin.class);
        for (Origin origin : Origin.values()) {
            counts.put(origin, 0);
        }
        db.select(PROPOSAL.ORIGIN, DSL.count())
                .from(PROPOSAL)
                .where(condition(search, false, matching))
                .groupBy(PROPOSAL.ORIGIN)
                .fetch()
                .forEach(r -> counts.put(Origin.valueOf(r.value1()), r.value2()));
        return counts;
    }

    List<ProposalSummary> summaries(Condition condition, List<SortField<?>> order, int offset, int limit) {
        return db.select(
                        PROPOSAL.ID,
                        PROPOSAL.ORIGIN,
                        PROPOSAL.STATUS,
                        PROPOSAL.TITLE,
                        PROPOSAL.SUMMARY,
                        PROPOSAL.CATEGORY,
                        PROPOSAL.DISTRICT,
                        APP_USER.DISPLAY_NAME,
                        PROPOSAL.PUBLISHED_AT,
                        PROPOSAL.SUPPORT_DEADLINE,
                        PROPOSAL.SUPPORT_THRESHOLD,
                        PROPOSAL.SUPPORT_COUNT,
                        PROPOSAL.COMMENT_COUNT)
                .from(PROPOSAL)
                .join(APP_USER)
                .on(APP_USER.ID.eq(PROPOSAL.AUTHOR_ID))
                .where(condition)
                .orderBy(order)
                .offset(offset)
                .limit(limit)
                .fetch(Records.mapping(
                        (id,
                                origin,
                                status,
                                title,
                                summary,
                                category,
                                district,
                                displayName,
                                publishedAt,
                                supportDeadline,
                                supportThreshold,
                                supportCount,
                                commentCount) -> new ProposalSummary(
                                id,
                                Origin.valueOf(origin),
                                ProposalStatus.valueOf(status),
                                title,
                                summary,
                                Category.valueOf(category),
                                district,
                                displayName,
                                instant(publishedAt),
                                instant(supportDeadline),
                                supportThreshold,
                                supportCount,
                                commentCount)));
    }

    /** The author's own proposals, drafts included, newest first. */
    List<ProposalSummary> ownedBy(long authorId) {
        return summaries(
                PROPOSAL.AUTHOR_ID.eq(authorId), List.of(PROPOSAL.CREATED_AT.desc(), PROPOSAL.ID.desc()), 0, 200);
    }

    /** Qualified proposals waiting for an answer, the longest-waiting first. */
    List<QueuedProposal> qualifiedQueue() {
        return db.select(PROPOSAL.ID, PROPOSAL.TITLE, PROPOSAL.CATEGORY, PROPOSAL.SUPPORT_COUNT, PROPOSAL.QUALIFIED_AT)
                .from(PROPOSAL)
                .where(PROPOSAL.STATUS.eq(ProposalStatus.QUALIFIED.name()))
                .and(PROPOSAL.HIDDEN.isFalse())
                .orderBy(PROPOSAL.QUALIFIED_AT, PROPOSAL.ID)
                .fetch(Records.mapping((id, title, category, supportCount, qualifiedAt) -> new QueuedProposal(
                        id, title, Category.valueOf(category), supportCount, qualifiedAt.toInstant())));
    }

    /** Published proposals per month (year, month, origin, count), oldest first. */
    List<org.jooq.Record4<Integer, Integer, String, Integer>> publishedPerMonth() {
        Field<Integer> year = DSL.year(PROPOSAL.PUBLISHED_AT);
        Field<Integer> month = DSL.month(PROPOSAL.PUBLISHED_AT);
        return db.select(year, month, PROPOSAL.ORIGIN, DSL.count())
                .from(PROPOSAL)
                .where(listed())
                .groupBy(year, month, PROPOSAL.ORIGIN)
                .orderBy(year, month)
                .fetch();
    }

    /** Supports that count, summed per category of listed proposals. */
    Map<Category, Integer> supportsPerCategory() {
        Map<Category, Integer> sums = new EnumMap<>(Category.class);
        db.select(PROPOSAL.CATEGORY, DSL.sum(PROPOSAL.SUPPORT_COUNT))
                .from(PROPOSAL)
                .where(listed())
                .groupBy(PROPOSAL.CATEGORY)
                .fetch()
                .forEach(r -> sums.put(Category.valueOf(r.value1()), r.value2().intValue()));
        return sums;
    }

    /** The public proposals, their supports per day and their lifecycles, for the open data. */
    ParticipationData participation() {
        return new ParticipationData(publicRows(), supportDays(), steps());
    }

    /** One row per public proposal, with its organisation's name. */
    private List<ParticipationData.ProposalRow> publicRows() {
        Map<Long, String> names = organisations.names();
        return db.select(
                        PROPOSAL.ID,
                        PROPOSAL.ORIGIN,
                        PROPOSAL.STATUS,
                        PROPOSAL.TITLE,
                        PROPOSAL.CATEGORY,
                        PROPOSAL.DISTRICT,
                        PROPOSAL.ORGANISATION_ID,
                        PROPOSAL.PUBLISHED_AT,
                        PROPOSAL.SUPPORT_DEADLINE,
                        PROPOSAL.SUPPORT_THRESHOLD,
                        PROPOSAL.SUPPORT_COUNT,
                        PROPOSAL.COMMENT_COUNT)
                .from(PROPOSAL)
                .where(listed())
                .orderBy(PROPOSAL.ID)
                .fetch(Records.mapping(
                        (id,
                                origin,
                                status,
                                title,
                                category,
                                district,
                                organisation,
                                publishedAt,
                                supportDeadline,
                                supportThreshold,
                                supportCount,
                                commentCount) -> new ParticipationData.ProposalRow(
                                id,
                                Origin.valueOf(origin),
                                ProposalStatus.valueOf(status),
                                title,
                                Category.valueOf(category),
                                district,
                                organisation == null ? null : names.get(organisation),
                                instant(publishedAt),
                                instant(supportDeadline),
                                supportThreshold,
                                supportCount,
                                commentCount)));
    }

    /**
     * The public proposals that gathered the most supports that count (from verified citizens, by
     * the deadline) since then, the most first.
     */
    List<Dashboard.Trending> trending(java.time.Instant since, int limit) {
        Field<Integer> gained = DSL.count().as("gained");
        AppUser supporter = APP_USER.as("supporter");
        return db.select(PROPOSAL.ID, PROPOSAL.TITLE, PROPOSAL.ORIGIN, gained, PROPOSAL.SUPPORT_COUNT)
                .from(PROPOSAL_SUPPORT)
                .join(PROPOSAL)
                .on(PROPOSAL.ID.eq(PROPOSAL_SUPPORT.PROPOSAL_ID))
                .join(supporter)
                .on(supporter.ID.eq(PROPOSAL_SUPPORT.USER_ID))
                .where(listed())
                .and(supporter.VERIFIED_RESIDENT.isTrue())
                .and(PROPOSAL_SUPPORT.CREATED_AT.le(PROPOSAL.SUPPORT_DEADLINE).or(PROPOSAL.SUPPORT_DEADLINE.isNull()))
                .and(PROPOSAL_SUPPORT.CREATED_AT.ge(since.atOffset(java.time.ZoneOffset.UTC)))
                .groupBy(PROPOSAL.ID, PROPOSAL.TITLE, PROPOSAL.ORIGIN, PROPOSAL.SUPPORT_COUNT)
                .orderBy(gained.desc(), PROPOSAL.ID)
                .limit(limit)
                .fetch(r -> new Dashboard.Trending(
                        r.value1(), r.value2(), Origin.valueOf(r.value3()), r.value4(), r.value5()));
    }

    /** The supports each public proposal gathered per day. */
    private List<ParticipationData.SupportDay> supportDays() {
        Field<java.sql.Date> day = DSL.cast(PROPOSAL_SUPPORT.CREATED_AT, java.sql.Date.class);
        return db.select(PROPOSAL_SUPPORT.PROPOSAL_ID, day, DSL.count())
                .from(PROPOSAL_SUPPORT)
                .join(PROPOSAL)
                .on(PROPOSAL.ID.eq(PROPOSAL_SUPPORT.PROPOSAL_ID))
                .where(listed())
                .groupBy(PROPOSAL_SUPPORT.PROPOSAL_ID, day)
                .orderBy(PROPOSAL_SUPPORT.PROPOSAL_ID, day)
                .fetch(r ->
                        new ParticipationData.SupportDay(r.value1(), r.value2().toLocalDate(), r.value3()));
    }

    /** Each public proposal's changes of status, in order. */
    private List<ParticipationData.Step> steps() {
        return db.select(
                        PROPOSAL_STATUS_CHANGE.PROPOSAL_ID,
                        PROPOSAL_STATUS_CHANGE.CHANGED_AT,
                        PROPOSAL_STATUS_CHANGE.FROM_STATUS,
                        PROPOSAL_STATUS_CHANGE.TO_STATUS,
                        PROPOSAL_STATUS_CHANGE.REASON)
                .from(PROPOSAL_STATUS_CHANGE)
                .join(PROPOSAL)
                .on(PROPOSAL.ID.eq(PROPOSAL_STATUS_CHANGE.PROPOSAL_ID))
                .where(listed())
                .orderBy(
                        PROPOSAL_STATUS_CHANGE.PROPOSAL_ID,
                        PROPOSAL_STATUS_CHANGE.CHANGED_AT,
                        PROPOSAL_STATUS_CHANGE.ID)
                .fetch(Records.mapping(
                        (proposalId, changedAt, fromStatus, toStatus, reason) -> new ParticipationData.Step(
                                proposalId,
                                changedAt.toInstant(),
                                fromStatus == null ? null : ProposalStatus.valueOf(fromStatus),
                                ProposalStatus.valueOf(toStatus),
                                reason)));
    }

    /** Proposals still collecting whose window closed before this instant. */
    List<Long> pastDeadline(Instant now) {
        return db.select(PROPOSAL.ID)
                .from(PROPOSAL)
                .where(PROPOSAL.STATUS.eq(ProposalStatus.PUBLISHED.name()))
                .and(PROPOSAL.SUPPORT_DEADLINE.lt(utc(now)))
                .fetch(PROPOSAL.ID);
    }

    int publishedSince(long authorId, Instant since) {
        return db.fetchCount(
                PROPOSAL,
                PROPOSAL.AUTHOR_ID
                        .eq(authorId)
                        .and(PROPOSAL.ORIGIN.eq(Origin.CITIZEN.name()))
                        .and(PROPOSAL.PUBLISHED_AT.ge(utc(since))));
    }

    // ---- supports

    boolean addSupport(long id, long userId, Instant now) {
        return db.insertInto(PROPOSAL_SUPPORT)
                        .set(PROPOSAL_SUPPORT.PROPOSAL_ID, id)
                        .set(PROPOSAL_SUPPORT.USER_ID, userId)
                        .set(PROPOSAL_SUPPORT.CREATED_AT, utc(now))
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    boolean removeSupport(long id, long userId) {
        return db.deleteFrom(PROPOSAL_SUPPORT)
                        .where(PROPOSAL_SUPPORT.PROPOSAL_ID.eq(id))
                        .and(PROPOSAL_SUPPORT.USER_ID.eq(userId))
                        .execute()
                > 0;
    }

    boolean supports(long id, long userId) {
        return db.fetchExists(
                PROPOSAL_SUPPORT, PROPOSAL_SUPPORT.PROPOSAL_ID.eq(id).and(PROPOSAL_SUPPORT.USER_ID.eq(userId)));
    }

    /** Supports that count: from verified citizens, given by the deadline. Stored on the proposal. */
    int recountSupports(long id) {
        AppUser supporter = APP_USER.as("supporter");
        Field<Integer> counted = DSL.selectCount()
                .from(PROPOSAL_SUPPORT)
                .join(supporter)
                .on(supporter.ID.eq(PROPOSAL_SUPPORT.USER_ID))
                .where(PROPOSAL_SUPPORT.PROPOSAL_ID.eq(id))
                .and(supporter.VERIFIED_RESIDENT.isTrue())
                .and(PROPOSAL_SUPPORT.CREATED_AT.le(PROPOSAL.SUPPORT_DEADLINE).or(PROPOSAL.SUPPORT_DEADLINE.isNull()))
                .asField();
        db.update(PROPOSAL)
                .set(PROPOSAL.SUPPORT_COUNT, counted)
                .where(PROPOSAL.ID.eq(id))
                .execute();
        return db.select(PROPOSAL.SUPPORT_COUNT)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(id))
                .fetchSingle(PROPOSAL.SUPPORT_COUNT);
    }

    List<Long> supporters(long id) {
        return db.select(PROPOSAL_SUPPORT.USER_ID)
                .from(PROPOSAL_SUPPORT)
                .where(PROPOSAL_SUPPORT.PROPOSAL_ID.eq(id))
                .fetch(PROPOSAL_SUPPORT.USER_ID);
    }

    // ---- follows

    void follow(long id, long userId) {
        db.insertInto(PROPOSAL_FOLLOW)
                .set(PROPOSAL_FOLLOW.PROPOSAL_ID, id)
                .set(PROPOSAL_FOLLOW.USER_ID, userId)
                .onConflictDoNothing()
                .execute();
    }

    void unfollow(long id, long userId) {
        db.deleteFrom(PROPOSAL_FOLLOW)
                .where(PROPOSAL_FOLLOW.PROPOSAL_ID.eq(id))
                .and(PROPOSAL_FOLLOW.USER_ID.eq(userId))
                .execute();
    }

    boolean follows(long id, long userId) {
        return db.fetchExists(
                PROPOSAL_FOLLOW, PROPOSAL_FOLLOW.PROPOSAL_ID.eq(id).and(PROPOSAL_FOLLOW.USER_ID.eq(userId)));
    }

    List<Long> followers(long id) {
        return db.select(PROPOSAL_FOLLOW.USER_ID)
                .from(PROPOSAL_FOLLOW)
                .where(PROPOSAL_FOLLOW.PROPOSAL_ID.eq(id))
                .fetch(PROPOSAL_FOLLOW.USER_ID);
    }

    // ---- implementation

    void addUpdate(long id, long authorId, String body, boolean done, Instant now) {
        db.insertInto(IMPLEMENTATION_UPDATE)
                .set(IMPLEMENTATION_UPDATE.PROPOSAL_ID, id)
                .set(IMPLEMENTATION_UPDATE.AUTHOR_ID, authorId)
                .set(IMPLEMENTATION_UPDATE.BODY, body)
                .set(IMPLEMENTATION_UPDATE.DONE, done)
                .set(IMPLEMENTATION_UPDATE.CREATED_AT, utc(now))
                .execute();
    }

    List<ImplementationUpdate> updates(long id) {
        return db.select(
                        IMPLEMENTATION_UPDATE.BODY,
                        IMPLEMENTATION_UPDATE.DONE,
                        IMPLEMENTATION_UPDATE.CREATED_AT,
                        APP_USER.DISPLAY_NAME)
                .from(IMPLEMENTATION_UPDATE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(IMPLEMENTATION_UPDATE.AUTHOR_ID))
                .where(IMPLEMENTATION_UPDATE.PROPOSAL_ID.eq(id))
                .orderBy(IMPLEMENTATION_UPDATE.CREATED_AT, IMPLEMENTATION_UPDATE.ID)
                .fetch(Records.mapping((body, done, createdAt, displayName) ->
                        new ImplementationUpdate(body, done, createdAt.toInstant(), displayName)));
    }

    // ---- moderation of proposals

    void hide(long id, @Nullable String reason) {
        db.update(PROPOSAL)
                .set(PROPOSAL.HIDDEN, reason != null)
                .set(PROPOSAL.HIDDEN_REASON, reason)
                .where(PROPOSAL.ID.eq(id))
                .execute();
    }

    void deleteDraft(long id) {
        db.deleteFrom(PROPOSAL)
                .where(PROPOSAL.ID.eq(id))
                .and(PROPOSAL.STATUS.eq(ProposalStatus.DRAFT.name()))
                .execute();
    }

    Optional<Long> authorOf(long id) {
        return db.select(PROPOSAL.AUTHOR_ID)
                .from(PROPOSAL)
                .where(PROPOSAL.ID.eq(id))
                .fetchOptional(PROPOSAL.AUTHOR_ID);
    }
}
