package org.openplaza.portal.security;

import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openplaza.accounts.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A user's own sessions (OWASP ASVS 3.3.3, 3.3.4): the list on the account page, "sign out
 * everywhere else", and the end of every other session when the password is set. Sessions are
 * those of this portal node's registry.
 */
@Component
public class Sessions {

    /** One signed-in session: when it was last used, and whether it is the one asking. */
    public record Session(Instant lastUsed, boolean current) {}

    private final SessionRegistry registry;

    Sessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** The user's sessions that are not ended, this one first, then the most recently used. */
    public List<Session> of(String username) {
        String current = currentSessionId();
        return live(username).stream()
                .map(s -> new Session(
                        s.getLastRequest().toInstant(), s.getSessionId().equals(current)))
                .sorted(Comparator.comparing(Session::current)
                        .reversed()
                        .thenComparing(Session::lastUsed, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends every session of the user but the one asking; returns how many ended. */
    public int endOthers(String username) {
        return endAllBut(username, currentSessionId());
    }

    int endAllBut(String username, @Nullable String keep) {
        int ended = 0;
        for (SessionInformation session : live(username)) {
            if (!session.getSessionId().equals(keep)) {
                session.expireNow();
                ended++;
            }
        }
        return ended;
    }

    /** A new password: whoever holds another of the user's sessions, perhaps with the old one, is out. */
    @EventListener
    public void passwordChanged(PasswordChanged event) {
        endAllBut(event.username(), currentSessionId());
    }

    /**
     * A new password set on another node of a cluster: every session of the user on this node is
     * out (the one that set it is on the other node).
     */
    @EventListener
    public void passwordChangedElsewhere(org.openplaza.platform.Changed changed) {
        if (!changed.here() && changed.topic().equals(org.openplaza.accounts.AccountChanges.PASSWORD)) {
            endAllBut(changed.subject(), null);
        }
    }

    private List<SessionInformation> live(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                return registry.getAllSessions(principal, false);
            }
        }
        return List.of();
    }

    /** The HTTP session of the request being served, in a Vaadin request or a plain one. */
    static @Nullable String currentSessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            return vaadin.getSession().getId();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getSession(false) != null) {
            return attributes.getRequest().getSession(false).getId();
        }
        return null;
    }
}
