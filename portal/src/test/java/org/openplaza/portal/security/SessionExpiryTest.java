package org.openplaza.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountAccessChanged;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;

class SessionExpiryTest {

    @Test
    void a_change_of_access_ends_every_session_of_that_user_and_no_other() {
        SessionRegistryImpl sessions = new SessionRegistryImpl();
        var kim = User.withUsername("kim").password("x").roles("CITIZEN").build();
        var lee = User.withUsername("lee").password("x").roles("CITIZEN").build();
        sessions.registerNewSession("kim-laptop", kim);
        sessions.registerNewSession("kim-phone", kim);
        sessions.registerNewSession("lee-laptop", lee);

        new SecurityConfiguration.SessionExpiry(sessions).accessChanged(new AccountAccessChanged("kim"));

        assertThat(sessions.getSessionInformation("kim-laptop").isExpired()).isTrue();
        assertThat(sessions.getSessionInformation("kim-phone").isExpired()).isTrue();
        assertThat(sessions.getSessionInformation("lee-laptop").isExpired()).isFalse();
    }
}
