package org.openplaza.portal.account;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountService;
import org.springframework.stereotype.Component;

/**
 * A user whose password must be changed (the bootstrapped first administrator, or after a reset)
 * is sent to the account page from every other page until it is changed.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    /** Session attribute: true once this session's user no longer has to change the password. */
    static final String CHANGED = PasswordChangeGate.class.getName() + ".changed";

    private final AccountService accounts;
    private final AuthenticationContext authentication;

    PasswordChangeGate(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == AccountView.class || !authentication.isAuthenticated()) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (Boolean.TRUE.equals(session.getAttribute(CHANGED))) {
            return;
        }
        boolean mustChange = accounts.current().map(Account::mustChangePassword).orElse(false);
        if (mustChange) {
            event.forwardTo(AccountView.class);
        } else {
            session.setAttribute(CHANGED, Boolean.TRUE);
        }
    }
}
