package org.openplaza.accounts;

import static org.openplaza.db.accounts.Tables.API_TOKEN;
import static org.openplaza.db.accounts.Tables.APP_USER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.openplaza.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for officials' own systems. The secret is shown once; only its SHA-256 is
 * stored (a token has 240 random bits, so a fast hash is enough), with its first characters for
 * recognition. A revoked token, or one whose owner is disabled, signs nobody in.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "opz_";

    private final DSLContext db;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(DSLContext db, AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    @Transactional
    public ApiToken.Created create(String name) {
        String label = name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountException("name", "token.error.name");
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = store(Audited.currentActor(), label, secret);
        events.publishEvent(Audited.byCurrentUser("API_TOKEN_CREATED", "api-token", String.valueOf(id), label));
        return new ApiToken.Created(
                mine().stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    /** Stores a token with a known secret: the demo profile's published example token. */
    long store(String username, String name, String secret) {
        Account owner =
                accounts.findByUsername(username).orElseThrow(() -> new AccountException("account.error.not-found"));
        return db.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, owner.id())
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, hash(secret))
                .set(API_TOKEN.TOKEN_PREFIX, secret.substring(0, Math.min(12, secret.length())))
                .set(API_TOKEN.CREATED_AT, now())
                .returningResult(API_TOKEN.ID)
                .fetchSingle(API_TOKEN.ID);
    }

    /** The caller's tokens, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return db.select(
                        API_TOKEN.ID,
                        API_TOKEN.NAME,
                        API_TOKEN.TOKEN_PREFIX,
                        API_TOKEN.CREATED_AT,
                        API_TOKEN.LAST_USED_AT,
                        API_TOKEN.REVOKED_AT)
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(APP_USER.USERNAME.eq(Audited.currentActor()))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(Records.mapping((id, name, tokenPrefix, createdAt, lastUsedAt, revokedAt) -> new ApiToken(
                        id,
                        name,
                        tokenPrefix,
                        createdAt.toInstant(),
                        lastUsedAt == null ? null : lastUsedAt.toInstant(),
                        revokedAt != null)));
    }

    /** Revokes one of the caller's own tokens. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long tokenId) {
        int changed = db.update(API_TOKEN)
                .set(API_TOKEN.REVOKED_AT, now())
                .where(API_TOKEN.ID.eq(tokenId))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.USER_ID.in(
                        DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(Audited.currentActor()))))
                .execute();
        if (changed == 0) {
            throw new AccountException("token.error.not-found");
        }
        events.publishEvent(Audited.byCurrentUser("API_TOKEN_REVOKED", "api-token", String.valueOf(tokenId), null));
    }

    /**
     * Who a presented token signs in as, if it is valid; records when it was last used. Called by
     * the API's authentication filter, before anyone is signed in.
     */
    @Transactional
    public Optional<ApiToken.Bearer> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        var row = db.select(API_TOKEN.ID, APP_USER.USERNAME)
                .from(API_TOKEN)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(hash(secret)))
                .and(API_TOKEN.REVOKED_AT.isNull())
                .and(APP_USER.ENABLED.isTrue())
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now())
                .where(API_TOKEN.ID.eq(row.get().value1()))
                .execute();
        return accounts.findByUsername(row.get().value2()).map(a -> new ApiToken.Bearer(a.username(), a.roles()));
    }
}
