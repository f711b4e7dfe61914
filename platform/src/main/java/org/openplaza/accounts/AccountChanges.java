package org.openplaza.accounts;

import org.openplaza.platform.Change;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces to the whole cluster what ends a user's sessions: a change of roles or enabled state
 * ({@link AccountAccessChanged}) and a new password ({@link PasswordChanged}), in the transaction
 * that makes them. The node that made the change acts on the local events; the others hear of it
 * as a {@link org.openplaza.platform.Changed} of these topics, subject the username.
 */
@Component
public class AccountChanges {

    public static final String ACCESS = "account-access";
    public static final String PASSWORD = "account-password";

    private final ApplicationEventPublisher events;

    AccountChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void accessChanged(AccountAccessChanged event) {
        events.publishEvent(new Change(ACCESS, event.username()));
    }

    @EventListener
    void passwordChanged(PasswordChanged event) {
        events.publishEvent(new Change(PASSWORD, event.username()));
    }
}
