package org.openplaza.proposals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * The discussion of a proposal: threaded comments in Markdown (rendered safe by {@link Markdown}
 * wherever they are shown), up and down votes, and a limit on how fast one person comments.
 */
@Service
public class DiscussionService {

    private final DiscussionRepository comments;
    private final ProposalRepository proposals;
    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DiscussionService(
            DiscussionRepository comments,
            ProposalRepository proposals,
            NotificationRepository notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.proposals = proposals;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    private static boolean isAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private Proposal open(long proposalId) {
        Proposal p = proposals.find(proposalId).orElseThrow(() -> new ProposalException(null, "proposal.error.none"));
        if (p.status() == ProposalStatus.DRAFT && !p.authorUsername().equals(Audited.currentActor())) {
            throw new ProposalException(null, "proposal.error.none");
        }
        return p;
    }

    /** The thread in reading order; hidden comments keep their place with their reason only. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Comment> thread(long proposalId) {
        open(proposalId);
        return comments.thread(proposalId, isAdmin());
    }

    /** The caller's votes on the proposal's comments (empty for visitors). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Map<Long, Integer> myVotes(long proposalId) {
        String actor = Audited.currentActor();
        if (Audited.ANONYMOUS.equals(actor)) {
            return Map.of();
        }
        return comments.votesOf(proposalId, proposals.userId(actor));
    }

    /**
     * A signed-in user comments on a published proposal, or replies to a comment of it; at most
     * the configured number of comments a minute. The author of the comment replied to is told.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public long comment(long proposalId, @Nullable Long parentId, String body) {
        Proposal p = open(proposalId);
        if (p.status() == ProposalStatus.DRAFT || p.hidden()) {
            throw new ProposalException("comment", "proposal.error.not-open-for-comments");
        }
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty() || clean.length() > 5000) {
            throw new ProposalException("comment", "proposal.error.comment");
        }
        long author = proposals.userId(Audited.currentActor());
        Instant now = clock.instant();
        int perMinute = proposals.settings().commentsPerMinute();
        if (comments.writtenSince(author, now.minus(Duration.ofMinutes(1))) >= perMinute) {
            throw new ProposalException("comment", "proposal.error.comments-too-fast", perMinute);
        }
        Long repliedTo = null;
        if (parentId != null) {
            long[] parent = comments.owner(parentId)
                    .filter(o -> o[0] == proposalId)
                    .orElseThrow(() -> new ProposalException("comment", "proposal.error.no-comment"));
            repliedTo = parent[1];
        }
        long id = comments.insert(proposalId, parentId, author, clean, now);
        if (repliedTo != null && repliedTo != author) {
            Set<Long> told = new HashSet<>(List.of(repliedTo));
            notifications.add(told, proposalId, Notification.Kind.REPLY, null, now);
        }
        events.publishEvent(Audited.byCurrentUser("COMMENT_POSTED", "comment", String.valueOf(id), p.title()));
        return id;
    }

    /**
     * The author changes their comment's text. The text it had is kept for moderators; the
     * thread marks the comment as edited. Nobody else may, and a hidden or deleted comment, or
     * one on a proposal closed to comments, is not changed.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void editComment(long commentId, String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty() || clean.length() > 5000) {
            throw new ProposalException("comment", "proposal.error.comment");
        }
        DiscussionRepository.Standing current = ownComment(commentId);
        if (clean.equals(current.body())) {
            return;
        }
        comments.replace(commentId, current.body(), clean, false, clock.instant());
        events.publishEvent(Audited.byCurrentUser("COMMENT_EDITED", "comment", String.valueOf(commentId), null));
    }

    /**
     * The author deletes their comment: its text goes from the thread (replies stay, under "deleted
     * by its author"), and is kept for moderators. Nobody else may.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void deleteComment(long commentId) {
        DiscussionRepository.Standing current = ownComment(commentId);
        comments.replace(commentId, current.body(), "", true, clock.instant());
        comments.recount(current.proposalId());
        events.publishEvent(Audited.byCurrentUser("COMMENT_DELETED", "comment", String.valueOf(commentId), null));
    }

    /** The texts a comment had before, oldest first: for administrators, who moderate. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<CommentRevision> history(long commentId) {
        return comments.revisions(commentId);
    }

    /** The caller's own comment, locked, still standing and open to change; refused otherwise. */
    private DiscussionRepository.Standing ownComment(long commentId) {
        DiscussionRepository.Standing current =
                comments.current(commentId).orElseThrow(() -> new ProposalException(null, "proposal.error.no-comment"));
        if (current.authorId() != proposals.userId(Audited.currentActor())) {
            throw new AccessDeniedException("only the author changes a comment");
        }
        Proposal p = open(current.proposalId());
        if (current.hidden() || current.deleted() || p.hidden()) {
            throw new ProposalException("comment", "proposal.error.comment-not-editable");
        }
        return current;
    }

    /** A signed-in user votes a comment up (+1) or down (-1), or takes the vote back (0). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int vote(long commentId, int value) {
        if (value < -1 || value > 1) {
            throw new IllegalArgumentException("a vote is -1, 0 or 1");
        }
        long[] owner =
                comments.owner(commentId).orElseThrow(() -> new ProposalException(null, "proposal.error.no-comment"));
        open(owner[0]);
        long user = proposals.userId(Audited.currentActor());
        if (owner[1] == user) {
            throw new AccessDeniedException("no votes on one's own comment");
        }
        return comments.vote(commentId, user, value);
    }
}
