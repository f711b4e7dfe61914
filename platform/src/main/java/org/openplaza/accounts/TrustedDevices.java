package org.openplaza.accounts;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.TRUSTED_DEVICE;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers that signed in to an account before (OWASP's "device cookies"): each gets a random token
 * in a cookie at sign-in, of which only the SHA-256 is stored. A browser presenting its token for
 * the account it was given for has a sign-in allowance of its own in {@link org.openplaza.accounts.LoginThrottle}, so
 * that failures from elsewhere cannot lock its user out. A token is kept for a year from its last
 * use, at most {@value #PER_ACCOUNT} per account; all of an account's are forgotten when its
 * password is set.
 */
@Component
public class TrustedDevices {

    static final int PER_ACCOUNT = 20;
    static final Duration KEPT = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    TrustedDevices(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new token for a browser that just signed in as this user (their usual spelling or not). */
    @Transactional
    public Optional<String> issue(String username) {
        Optional<Long> user = userId(username);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        db.insertInto(TRUSTED_DEVICE)
                .set(TRUSTED_DEVICE.TOKEN_HASH, ApiTokenService.hash(token))
                .set(TRUSTED_DEVICE.USER_ID, user.get())
                .set(TRUSTED_DEVICE.CREATED_AT, now)
                .set(TRUSTED_DEVICE.LAST_USED_AT, now)
                .execute();
        var kept = db.select(TRUSTED_DEVICE.TOKEN_HASH)
                .from(TRUSTED_DEVICE)
                .where(TRUSTED_DEVICE.USER_ID.eq(user.get()))
                .orderBy(TRUSTED_DEVICE.LAST_USED_AT.desc(), TRUSTED_DEVICE.CREATED_AT.desc())
                .limit(PER_ACCOUNT)
                .fetch(TRUSTED_DEVICE.TOKEN_HASH);
        db.deleteFrom(TRUSTED_DEVICE)
                .where(TRUSTED_DEVICE.USER_ID.eq(user.get()))
                .and(TRUSTED_DEVICE.TOKEN_HASH.notIn(kept).or(TRUSTED_DEVICE.LAST_USED_AT.lt(now.minus(KEPT))))
                .execute();
        return Optional.of(token);
    }

    /**
     * The key under which this browser's sign-in allowance is kept, when its token was given for
     * this user and is still kept; empty otherwise (a token of another account counts for nothing).
     */
    @Transactional
    public Optional<String> recognise(String username, @Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Long> user = userId(username);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiTokenService.hash(token);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int found = db.update(TRUSTED_DEVICE)
                .set(TRUSTED_DEVICE.LAST_USED_AT, now)
                .where(TRUSTED_DEVICE.TOKEN_HASH.eq(hash))
                .and(TRUSTED_DEVICE.USER_ID.eq(user.get()))
                .and(TRUSTED_DEVICE.LAST_USED_AT.ge(now.minus(KEPT)))
                .execute();
        return found == 1 ? Optional.of(hash) : Optional.empty();
    }

    private Optional<Long> userId(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(APP_USER.ID);
    }
}
