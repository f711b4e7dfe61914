package org.openplaza.voting;

import static org.openplaza.db.accounts.Tables.APP_USER;

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

/** Voters, officials and a clock the ballot tests move by hand. */
final class Voters {

    private Voters() {}

    static long user(DSLContext db, String username, boolean verified) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, "Voter " + username)
                .set(APP_USER.EMAIL, username + "@city.example")
                .set(APP_USER.PASSWORD_HASH, "{noop}unused")
                .set(APP_USER.VERIFIED_RESIDENT, verified)
                .set(APP_USER.CREATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
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

    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T09:00:00Z");

        void set(Instant instant) {
            now = instant;
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
        HandClock ballotClock() {
            return new HandClock();
        }
    }
}
