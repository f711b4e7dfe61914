package org.openplaza.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openplaza.accounts.AccountChanges;
import org.openplaza.platform.Changed;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user disabled, demoted or given a new password on another node of a cluster loses the
 * sessions this node holds as soon as this node hears of it; other users keep theirs, and a change
 * this node made itself (already acted on by the local events) does nothing more.
 */
class ClusterSessionsTest {

    private static UserDetails user(String name) {
        return User.withUsername(name).password("n/a").roles("CITIZEN").build();
    }

    @Test
    void a_change_of_access_made_on_another_node_ends_the_users_sessions_here() {
        SessionRegistryImpl registry = new SessionRegistryImpl();
        registry.registerNewSession("kim-1", user("kim"));
        registry.registerNewSession("kim-2", user("kim"));
        registry.registerNewSession("lee-1", user("lee"));
        SecurityConfiguration.SessionExpiry expiry = new SecurityConfiguration.SessionExpiry(registry);

        expiry.changedElsewhere(new Changed(AccountChanges.ACCESS, "kim", true));
        assertThat(registry.getSessionInformation("kim-1").isExpired()).isFalse();

        expiry.changedElsewhere(new Changed("dataset", "kim", false));
        assertThat(registry.getSessionInformation("kim-1").isExpired()).isFalse();

        expiry.changedElsewhere(new Changed(AccountChanges.ACCESS, "kim", false));
        assertThat(registry.getSessionInformation("kim-1").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("kim-2").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("lee-1").isExpired()).isFalse();
    }

    @Test
    void a_password_set_on_another_node_ends_every_session_of_the_user_here() {
        SessionRegistryImpl registry = new SessionRegistryImpl();
        registry.registerNewSession("kim-1", user("kim"));
        registry.registerNewSession("lee-1", user("lee"));
        Sessions sessions = new Sessions(registry);

        sessions.passwordChangedElsewhere(new Changed(AccountChanges.PASSWORD, "kim", true));
        assertThat(registry.getSessionInformation("kim-1").isExpired()).isFalse();

        sessions.passwordChangedElsewhere(new Changed(AccountChanges.PASSWORD, "kim", false));
        assertThat(registry.getSessionInformation("kim-1").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("lee-1").isExpired()).isFalse();
    }
}
