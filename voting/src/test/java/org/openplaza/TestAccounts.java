package org.openplaza;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.ORGANISATION_MEMBER;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Accounts, organisations, callers and a clock the voting tests move by hand. */
public final class TestAccounts {

    private TestAccounts() {}

    public static long user(DSLContext db, String username, boolean verified) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, "Citizen " + username)
                .set(APP_USER.EMAIL, username + "@city.example")
                .set(APP_USER.PASSWORD_HASH, "{noop}unused")
                .set(APP_USER.VERIFIED_RESIDENT, verified)
                .set(APP_USER.CREATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** A verified citizen living in a district, born on a day. */
    public static long resident(DSLContext db, String username, String district, java.time.LocalDate born) {
        long id = user(db, username, true);
        db.update(APP_USER)
                .set(APP_USER.DISTRICT, district)
                .set(APP_USER.BIRTH_DATE, born)
                .where(APP_USER.ID.eq(id))
                .execute();
        db.insertInto(org.openplaza.db.accounts.Tables.USER_ROLE)
                .set(org.openplaza.db.accounts.Tables.USER_ROLE.USER_ID, id)
                .set(org.openplaza.db.accounts.Tables.USER_ROLE.ROLE_NAME, "CITIZEN")
                .execute();
        return id;
    }

    public static long organisation(DSLContext db, String name, long... members) {
        long id = db.insertInto(ORGANISATION)
                .set(ORGANISATION.SLUG, "org-" + System.nanoTime())
                .set(ORGANISATION.NAME, name)
                .set(ORGANISATION.CREATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .returning(ORGANISATION.ID)
                .fetchSingle(ORGANISATION.ID);
        for (long member : members) {
            db.insertInto(ORGANISATION_MEMBER)
                    .set(ORGANISATION_MEMBER.ORGANISATION_ID, id)
                    .set(ORGANISATION_MEMBER.USER_ID, member)
                    .execute();
        }
        return id;
    }

    public static void signIn(String username, String... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        "n/a",
                        AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles)
                                .map(r -> "ROLE_" + r)
                                .toArray(String[]::new))));
    }

    public static void anonymous() {
        SecurityContextHolder.getContext()
                .setAuthentication(new org.springframework.security.authentication.AnonymousAuthenticationToken(
                        "visitor", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A clock that stands still until a test moves it. */
    public static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-05-01T09:00:00Z");

        public Instant now() {
            return now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        public HandClock handClock() {
            return new HandClock();
        }
    }
}
