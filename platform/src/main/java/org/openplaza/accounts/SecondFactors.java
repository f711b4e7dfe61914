package org.openplaza.accounts;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.RECOVERY_CODE;
import static org.openplaza.db.accounts.Tables.SECOND_FACTOR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.openplaza.audit.Audited;
import org.openplaza.platform.KeyFiles;
import org.openplaza.platform.Sealing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of signing in: a code from an authenticator app (TOTP, RFC 6238), or one of ten
 * single-use recovery codes. Required of administrators and officials, chosen by citizens.
 *
 * <p>The app's secret is stored sealed (AES-256-GCM with the account's id as associated data) and
 * each recovery code only as an HMAC-SHA256 of the account's id and the code, both under a key kept
 * in a file outside the database ({@code openplaza.accounts.second-factor-key-file}). So a copy of
 * the database gives no secret and no code, and a row written into it (another account's sealed
 * secret, a hash the writer computed) lets no code of theirs in. A code is taken once: a TOTP code
 * of a step no later than the last one accepted is refused (RFC 6238 section 5.2), a recovery code
 * is deleted as it is used. Wrong codes for an account, from anywhere, are throttled by {@link
 * LoginThrottle}; every step is audited.
 */
@Component
public class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    static final String ISSUER = "OpenPlaza";

    /** Recovery codes: 16 characters of 31 (no 0, 1, i, l, o), about 79 random bits. */
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    private static final int RECOVERY_LENGTH = 16;
    private static final Pattern TOTP_CODE = Pattern.compile("[0-9]{" + Totp.DIGITS + "}");
    private static final Pattern RECOVERY_CODE_TEXT = Pattern.compile("[" + ALPHABET + "]{" + RECOVERY_LENGTH + "}");
    private static final String SEALED = "gcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new secret offered to someone setting up their authenticator app; stored once confirmed. */
    public record Enrolment(String username, String secret, String uri) implements java.io.Serializable {

        @Override
        public String toString() {
            return "Enrolment[" + username + "]";
        }
    }

    /** Where a user stands. */
    public record Status(boolean enrolled, boolean required, int recoveryCodesLeft) {}

    private final DSLContext db;
    private final java.time.Clock clock;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Path keyFile;
    private final TransactionTemplate transactions;
    private volatile @Nullable Keys keys;

    private record Keys(SecretKeySpec seal, SecretKeySpec codes) {}

    SecondFactors(
            DSLContext db,
            java.time.Clock clock,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            AccountsProperties properties,
            PlatformTransactionManager transactionManager) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.throttle = throttle;
        this.events = events;
        this.keyFile = Path.of(properties.secondFactorKeyFile()).toAbsolutePath();
    }

    /** Whether these roles must give a second factor to sign in. */
    public static boolean requiredFor(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.OFFICIAL.authority()));
    }

    // ---- the signed-in user ------------------------------------------------------------------

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Status mine() {
        String username = Audited.currentActor();
        Optional<Long> user = userId(username);
        return new Status(
                user.isPresent() && enrolled(user.get()),
                requiredFor(currentAuthorities()),
                user.map(id -> db.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(id)))
                        .orElse(0));
    }

    /** A new secret for the signed-in user's app; nothing changes until {@link #enrolMine}. */
    @PreAuthorize("isAuthenticated()")
    public Enrolment offerMine() {
        return offer(Audited.currentActor());
    }

    /**
     * Sets the signed-in user's app to the offered secret once a code from it proves the app has
     * it (replacing any earlier one); gives the new recovery codes, which replace the old ones.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> enrolMine(Enrolment enrolment, String code) {
        if (!enrolment.username().equals(Audited.currentActor())) {
            throw new AccountException("second-factor.error.not-yours");
        }
        List<String> codes = store(enrolment, code, true)
                .orElseThrow(() -> new AccountException("code", "second-factor.error.wrong-code"));
        events.publishEvent(Audited.byCurrentUser("SECOND_FACTOR_ENROLLED", "account", enrolment.username(), null));
        return codes;
    }

    /** New recovery codes for the signed-in user; the old ones stop working. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public List<String> renewMyRecoveryCodes() {
        long user = userId(Audited.currentActor())
                .filter(this::enrolled)
                .orElseThrow(() -> new AccountException("second-factor.error.not-enrolled"));
        List<String> codes = newRecoveryCodes(user);
        events.publishEvent(Audited.byCurrentUser("RECOVERY_CODES_RENEWED", "account", Audited.currentActor(), null));
        return codes;
    }

    /** A citizen turns the second step off; those whose roles require it cannot. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void removeMine() {
        if (requiredFor(currentAuthorities())) {
            throw new AccountException("second-factor.error.required");
        }
        userId(Audited.currentActor()).ifPresent(this::forget);
        events.publishEvent(Audited.byCurrentUser("SECOND_FACTOR_REMOVED", "account", Audited.currentActor(), null));
    }

    // ---- administrators --------------------------------------------------------------------

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean isEnrolled(long accountId) {
        return db.fetchExists(SECOND_FACTOR, SECOND_FACTOR.USER_ID.eq(accountId));
    }

    /**
     * For someone who lost both their phone and their recovery codes, once an administrator has
     * made sure who they are: the app and the codes are forgotten and the account's sessions end. An
     * official or administrator sets up a new app at their next sign-in.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reset(long accountId) {
        String username = db.select(APP_USER.USERNAME)
                .from(APP_USER)
                .where(APP_USER.ID.eq(accountId))
                .fetchOptional(APP_USER.USERNAME)
                .orElseThrow(() -> new AccountException("account.error.not-found"));
        forget(accountId);
        events.publishEvent(Audited.byCurrentUser("SECOND_FACTOR_RESET", "account", username, null));
        events.publishEvent(new AccountAccessChanged(username));
    }

    // ---- the sign-in, before anyone is signed in ------------------------------------------------

    boolean enrolled(String username) {
        return userId(username).map(this::enrolled).orElse(false);
    }

    Enrolment offer(String username) {
        byte[] secret = new byte[Totp.SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String text = Totp.encode(secret);
        return new Enrolment(username, text, Totp.uri(ISSUER, username, text));
    }

    /**
     * The first app of someone whose roles require one, set up while signing in: taken only while
     * the account has none (the password alone never replaces an app). Empty when the code is wrong.
     */
    Optional<List<String>> enrolAtSignIn(Enrolment enrolment, String code, @Nullable String address) {
        refuseWhileThrottled(enrolment.username(), address);
        Optional<List<String>> codes = store(enrolment, code, false);
        if (codes.isEmpty()) {
            failed(enrolment.username(), address);
        } else {
            events.publishEvent(new Audited(
                    enrolment.username(), "SECOND_FACTOR_ENROLLED", "account", enrolment.username(), null, address));
        }
        return codes;
    }

    /**
     * Checks the code given at the second step: the app's code of now (a step either side), not
     * used before, or an unused recovery code, which is then used up. A wrong one throws {@link
     * BadCredentialsException}; too many wrong ones {@link SignInThrottledException}. Each
     * statement stands on its own: a failure's audit entry is never rolled back with it.
     */
    void check(String username, String code, @Nullable String address) {
        refuseWhileThrottled(username, address);
        String compact = compact(code);
        Optional<Long> user = userId(username);
        boolean passed = false;
        if (user.isPresent() && TOTP_CODE.matcher(compact).matches()) {
            passed = totpPasses(user.get(), compact);
        } else if (user.isPresent() && RECOVERY_CODE_TEXT.matcher(compact).matches()) {
            passed = db.deleteFrom(RECOVERY_CODE)
                            .where(RECOVERY_CODE.USER_ID.eq(user.get()))
                            .and(RECOVERY_CODE.CODE_HASH.eq(recoveryHash(user.get(), compact)))
                            .execute()
                    == 1;
            if (passed) {
                events.publishEvent(new Audited(username, "RECOVERY_CODE_USED", "account", username, null, address));
            }
        }
        if (!passed) {
            failed(username, address);
            throw new BadCredentialsException("wrong second-factor code");
        }
    }

    /**
     * Seeds a demo account's app with its published key (the demo profile only): refused for any
     * other account or key.
     */
    public void seedDemo(String username, String base32Secret) {
        if (org.openplaza.accounts.DemoAccounts.ACCOUNTS.stream()
                .noneMatch(demo -> demo.username().equals(username) && base32Secret.equals(demo.authenticatorKey()))) {
            throw new IllegalArgumentException("not a demo account's published key");
        }
        userId(username).filter(id -> !enrolled(id)).ifPresent(id -> {
            db.insertInto(SECOND_FACTOR)
                    .set(SECOND_FACTOR.USER_ID, id)
                    .set(SECOND_FACTOR.SECRET, seal(id, Totp.decode(base32Secret)))
                    .set(SECOND_FACTOR.LAST_STEP, 0L)
                    .set(SECOND_FACTOR.ENROLLED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();
        });
    }

    // ---- inside -------------------------------------------------------------------------------

    private static Collection<? extends GrantedAuthority> currentAuthorities() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? List.of() : authentication.getAuthorities();
    }

    private void refuseWhileThrottled(String username, @Nullable String address) {
        if (throttle.isSecondFactorThrottled(username)) {
            events.publishEvent(new Audited(username, "SECOND_FACTOR_THROTTLED", "account", username, null, address));
            throw new SignInThrottledException();
        }
    }

    private void failed(String username, @Nullable String address) {
        throttle.recordSecondFactorFailure(username);
        events.publishEvent(new Audited(username, "SECOND_FACTOR_FAILED", "account", username, null, address));
    }

    private boolean totpPasses(long user, String code) {
        var row = db.select(SECOND_FACTOR.SECRET, SECOND_FACTOR.LAST_STEP)
                .from(SECOND_FACTOR)
                .where(SECOND_FACTOR.USER_ID.eq(user))
                .fetchOne();
        if (row == null) {
            return false;
        }
        byte[] secret = open(user, row.value1());
        if (secret == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), row.value2());
        // taken only if no other sign-in took this step or a later one meanwhile
        return step.isPresent()
                && db.update(SECOND_FACTOR)
                                .set(SECOND_FACTOR.LAST_STEP, step.getAsLong())
                                .where(SECOND_FACTOR.USER_ID.eq(user))
                                .and(SECOND_FACTOR.LAST_STEP.lt(step.getAsLong()))
                                .execute()
                        == 1;
    }

    /** Stores the offered secret if the code is the app's; the new recovery codes, or empty. */
    private Optional<List<String>> store(Enrolment enrolment, String code, boolean replacing) {
        long user = userId(enrolment.username()).orElseThrow(() -> new AccountException("account.error.not-found"));
        byte[] secret = Totp.decode(enrolment.secret());
        OptionalLong step = Totp.matchingStep(secret, compact(code), clock.instant(), Long.MIN_VALUE);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return transactions.execute(tx -> {
            if (replacing) {
                db.deleteFrom(SECOND_FACTOR)
                        .where(SECOND_FACTOR.USER_ID.eq(user))
                        .execute();
            }
            int stored = db.insertInto(SECOND_FACTOR)
                    .set(SECOND_FACTOR.USER_ID, user)
                    .set(SECOND_FACTOR.SECRET, seal(user, secret))
                    .set(SECOND_FACTOR.LAST_STEP, step.getAsLong())
                    .set(SECOND_FACTOR.ENROLLED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            return stored == 1 ? Optional.of(newRecoveryCodes(user)) : Optional.<List<String>>empty();
        });
    }

    private List<String> newRecoveryCodes(long user) {
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(user)).execute();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            db.insertInto(RECOVERY_CODE)
                    .set(RECOVERY_CODE.CODE_HASH, recoveryHash(user, code.toString()))
                    .set(RECOVERY_CODE.USER_ID, user)
                    .set(RECOVERY_CODE.MADE_AT, now)
                    .execute();
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12));
        }
        return List.copyOf(codes);
    }

    private void forget(long user) {
        db.deleteFrom(SECOND_FACTOR).where(SECOND_FACTOR.USER_ID.eq(user)).execute();
        db.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(user)).execute();
    }

    private boolean enrolled(long user) {
        return db.fetchExists(SECOND_FACTOR, SECOND_FACTOR.USER_ID.eq(user));
    }

    private Optional<Long> userId(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(APP_USER.ID);
    }

    private static String compact(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private String seal(long user, byte[] secret) {
        return Sealing.seal(SEALED, keys().seal(), context(user), secret);
    }

    /** The secret sealed for this account, or null when it was not (or not for this account). */
    private byte @Nullable [] open(long user, String stored) {
        try {
            return Sealing.open(SEALED, keys().seal(), context(user), stored);
        } catch (GeneralSecurityException e) {
            events.publishEvent(new Audited(
                    Audited.SYSTEM, "SECOND_FACTOR_UNREADABLE", "account", Long.toString(user), null, null));
            return null;
        }
    }

    private static byte[] context(long user) {
        return ("OpenPlaza second factor;" + user).getBytes(StandardCharsets.US_ASCII);
    }

    private String recoveryHash(long user, String compactCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys().codes());
            return HexFormat.of()
                    .formatHex(mac.doFinal(("OpenPlaza recovery code;" + user + ";" + compactCode)
                            .getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two keys derived from the file's: one seals, one keys the recovery codes' hashes. */
    private Keys keys() {
        Keys known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys == null) {
                try {
                    byte[] master = KeyFiles.readOrCreateSecret(keyFile, 32);
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(master, "HmacSHA256"));
                    byte[] seal = mac.doFinal("seal".getBytes(StandardCharsets.US_ASCII));
                    byte[] codes = mac.doFinal("recovery codes".getBytes(StandardCharsets.US_ASCII));
                    keys = new Keys(new SecretKeySpec(seal, "AES"), new SecretKeySpec(codes, "HmacSHA256"));
                } catch (IOException e) {
                    throw new UncheckedIOException("The second-factor key " + keyFile + " cannot be read or made", e);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
            return keys;
        }
    }
}
