package org.openplaza.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports on proposals and comments and what administrators do about them: hide with a published
 * reason (the content is kept for audit), restore, or dismiss the report. What was hidden or
 * restored, when and why is public; the hidden text is not.
 */
@Service
public class ModerationService {

    private final ModerationRepository moderation;
    private final ProposalRepository proposals;
    private final DiscussionRepository comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModerationService(
            ModerationRepository moderation,
            ProposalRepository proposals,
            DiscussionRepository comments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.moderation = moderation;
        this.proposals = proposals;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    private void exists(ContentReport.Target target, long id) {
        boolean found = target == ContentReport.Target.PROPOSAL
                ? proposals
                        .find(id)
                        .filter(p -> p.status() != ProposalStatus.DRAFT)
                        .isPresent()
                : comments.owner(id).isPresent();
        if (!found) {
            throw new ProposalException(null, "proposal.error.none");
        }
    }

    private static String reason(String reason, int max, String key) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.length() < 3 || clean.length() > max) {
            throw new ProposalException("reason", key);
        }
        return clean;
    }

    /** Anybody signed in reports a proposal or comment, with a reason; one open report each. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(ContentReport.Target target, long id, String reason) {
        exists(target, id);
        String clean = reason(reason, 1000, "moderation.error.report-reason");
        long reporter = proposals.userId(Audited.currentActor());
        if (moderation.hasOpenReport(target, id, reporter)) {
            throw new ProposalException("reason", "moderation.error.already-reported");
        }
        long report = moderation.report(target, id, reporter, clean, clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "CONTENT_REPORTED",
                target.name().toLowerCase(java.util.Locale.ROOT),
                String.valueOf(id),
                "report " + report));
    }

    /** The moderation queue, oldest report first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ContentReport> queue() {
        return moderation.open(500);
    }

    /** Hides a proposal or comment with a reason that everybody sees; its open reports close. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void hide(ContentReport.Target target, long id, String reason) {
        exists(target, id);
        String clean = reason(reason, 500, "moderation.error.hide-reason");
        Instant now = clock.instant();
        if (target == ContentReport.Target.PROPOSAL) {
            proposals.hide(id, clean);
        } else {
            comments.hide(id, clean);
            comments.recount(comments.owner(id).orElseThrow()[0]);
        }
        moderation.resolveAll(target, id, "HIDDEN", now);
        moderation.record(target, id, "HIDDEN", clean, proposals.userId(Audited.currentActor()), now);
        events.publishEvent(Audited.byCurrentUser(
                "CONTENT_HIDDEN", target.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(id), clean));
    }

    /** Shows hidden content again, saying why. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void restore(ContentReport.Target target, long id, String reason) {
        exists(target, id);
        String clean = reason(reason, 500, "moderation.error.hide-reason");
        if (target == ContentReport.Target.PROPOSAL) {
            proposals.hide(id, null);
        } else {
            comments.hide(id, null);
            comments.recount(comments.owner(id).orElseThrow()[0]);
        }
        moderation.record(target, id, "RESTORED", clean, proposals.userId(Audited.currentActor()), clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "CONTENT_RESTORED", target.name().toLowerCase(java.util.Locale.ROOT), String.valueOf(id), clean));
    }

    /** Closes a report without hiding anything. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void dismiss(long reportId) {
        var report = moderation
                .openReport(reportId)
                .orElseThrow(() -> new ProposalException(null, "moderation.error.no-report"));
        moderation.resolve(reportId, "DISMISSED", clock.instant());
        events.publishEvent(Audited.byCurrentUser(
                "REPORT_DISMISSED",
                report.value1().toLowerCase(java.util.Locale.ROOT),
                String.valueOf(report.value2()),
                "report " + reportId));
    }

    /** The public record of moderation, newest first. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<ModerationRecord> log() {
        return moderation.log(500);
    }
}
