package org.openplaza.proposals;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.ORGANISATION_MEMBER;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Accounts, organisations, callers and a clock the tests move by hand. */
final class People {

    private People() {}

    static long user(DSLContext db, String username, boolean verified) {
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

    static long organisation(DSLContext db, String name, long... members) {
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

    static void signIn(String username, String... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        "n/a",
                        AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles)
                                .map(r -> "ROLE_" + r)
                                .toArray(String[]::new))));
    }

    static void anonymous() {
        SecurityContextHolder.getContext()
                .setAuthentication(new org.springframework.security.authentication.AnonymousAuthenticationToken(
                        "visitor", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    static ProposalText text(String title) {
        return new ProposalText(
                title,
                "A summary long enough to read.",
                "We **should** do this.",
                Category.TRANSPORT,
                "Mapo-gu",
                List.of("bikes", "Safety"),
                List.of(),
                List.of());
    }

    /** A clock that stands still until a test moves it. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-05-01T09:00:00Z");

        Instant now() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(java.time.Duration by) {
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
    static class Clocks {
        @Bean
        @Primary
        HandClock handClock() {
            return new HandClock();
        }
    }
}
