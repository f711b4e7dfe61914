package org.openplaza.catalog.publishing;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.openplaza.db.accounts.Tables;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls the services in a test: a signed-in user with roles, or a visitor. */
public final class TestCallers {

    private TestCallers() {}

    public static void signIn(String username, String... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        "n/a",
                        AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles)
                                .map(r -> "ROLE_" + r)
                                .toArray(String[]::new))));
    }

    /** A visitor who has not signed in, as Spring Security represents one. */
    public static void anonymous() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "visitor", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    /** {@link #user}, unless a test that commits made the account already. */
    public static void userOnce(DSLContext db, String username) {
        if (!db.fetchExists(Tables.APP_USER, Tables.APP_USER.USERNAME.eq(username))) {
            user(db, username);
        }
    }

    /** An account row, enough for memberships and audit entries. */
    public static void user(DSLContext db, String username) {
        db.insertInto(Tables.APP_USER)
                .set(Tables.APP_USER.USERNAME, username)
                .set(Tables.APP_USER.DISPLAY_NAME, username)
                .set(Tables.APP_USER.EMAIL, username + "@city.example")
                .set(Tables.APP_USER.PASSWORD_HASH, "{noop}unused")
                .set(Tables.APP_USER.CREATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .execute();
    }
}
