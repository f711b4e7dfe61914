package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.RECOVERY_CODE;
import static org.openplaza.db.accounts.Tables.SECOND_FACTOR;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openplaza.audit.AuditEvent;
import org.openplaza.audit.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two-step sign-in against the real accounts module: who is asked, the codes taken once, the
 * recovery codes, the throttle, and an insider who writes rows into the database but has no key
 * file ({@link SecondFactorFileTest} reads a copy of the database file).
 */
@SpringBootTest(
        properties = {
            "openplaza.accounts.registrations-per-address=1000",
            "openplaza.accounts.second-factor-failures=" + SecondFactorsTest.FAILURES,
            "openplaza.accounts.second-factor-key-file=target/test-keys/second-factor-${random.uuid}.key"
        })
class SecondFactorsTest {

    static final String PASSWORD = "violet harbour lantern sings";
    static final int FAILURES = 20;

    @Autowired
    ThrottlingAuthenticationProvider passwords;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @Autowired
    DSLContext db;

    @Autowired
    ApplicationEventPublisher events;

    SecondFactorAuthenticationProvider codes() {
        return new SecondFactorAuthenticationProvider(secondFactors, events, Clock.systemUTC());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void register(String username, Role... roles) {
        accounts.register(new Registration(username, "Test User", username + "@example.org", PASSWORD));
        if (roles.length > 0) {
            as("root", Role.ADMIN);
            long id = db.select(APP_USER.ID)
                    .from(APP_USER)
                    .where(APP_USER.USERNAME.eq(username))
                    .fetchSingle(APP_USER.ID);
            var all = new java.util.HashSet<>(Set.of(roles));
            all.add(Role.CITIZEN);
            accounts.changeRoles(id, all);
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(String username, Role... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        null,
                        AuthorityUtils.createAuthorityList(java.util.Arrays.stream(roles)
                                .map(Role::authority)
                                .toArray(String[]::new))));
    }

    /** The password step: the pending sign-in it leaves, or fails if it signs straight in. */
    private PendingSignIn password(String username) {
        try {
            Authentication signedIn =
                    passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD));
            throw new AssertionError("signed in with the password alone: " + signedIn);
        } catch (SecondFactorRequired required) {
            return required.pending();
        }
    }

    private Authentication code(PendingSignIn pending, String code) {
        return codes().authenticate(new SecondFactorToken(pending, code, "198.51.100.20"));
    }

    /** A citizen sets up an app; its key, as the app holds it. */
    private String enrolCitizen(String username) {
        as(username, Role.CITIZEN);
        SecondFactors.Enrolment offer = secondFactors.offerMine();
        secondFactors.enrolMine(offer, Totp.code(offer.secret(), Instant.now()));
        SecurityContextHolder.clearContext();
        return offer.secret();
    }

    /** An official's first sign-in: the password, then the app set up with its first code. */
    private record FirstSignIn(String key, List<String> recoveryCodes) {}

    private FirstSignIn firstSignIn(String username) {
        PendingSignIn pending = password(username);
        assertThat(pending.enrolment())
                .as("an official with no app sets one up")
                .isNotNull();
        String key = pending.enrolment().secret();
        SecondFactorToken step = new SecondFactorToken(pending, Totp.code(key, Instant.now()), null);
        assertThat(codes().authenticate(step).isAuthenticated()).isTrue();
        return new FirstSignIn(key, step.recoveryCodes());
    }

    @Test
    void citizens_choose_it_and_officials_and_administrators_cannot_sign_in_without_it() {
        register("sf-citizen");
        register("sf-official", Role.OFFICIAL);
        register("sf-admin", Role.ADMIN);
        assertThat(passwords
                        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("sf-citizen", PASSWORD))
                        .isAuthenticated())
                .as("a citizen without an app signs in with the password")
                .isTrue();
        assertThat(password("sf-official").enrolment()).isNotNull();
        assertThat(password("sf-admin").enrolment()).isNotNull();
        assertThat(password("sf-admin").passed().getCredentials())
                .as("the half-done sign-in holds no password")
                .isNull();

        enrolCitizen("sf-citizen");
        PendingSignIn citizen = password("sf-citizen");
        assertThat(citizen.enrolment())
                .as("once set up, the citizen is asked for the app's code")
                .isNull();
        assertThat(auditOf("sf-")).contains("SIGN_IN_PASSWORD_PASSED", "SECOND_FACTOR_ENROLLED");
    }

    @Test
    void the_right_code_signs_in_once_a_wrong_one_never_and_a_used_one_is_refused() {
        register("sf-once", Role.OFFICIAL);
        String key = firstSignIn("sf-once").key();

        assertThatThrownBy(() ->
                        code(password("sf-once"), "000000".equals(Totp.code(key, Instant.now())) ? "111111" : "000000"))
                .isInstanceOf(BadCredentialsException.class);
        // the first sign-in used this step's code: the next step's is taken (a clock a little ahead)
        Authentication signedIn =
                code(password("sf-once"), Totp.code(key, Instant.now().plusSeconds(30)));
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo("sf-once");
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_OFFICIAL");
        assertThat(signedIn.getCredentials()).isNull();
        assertThatThrownBy(() ->
                        code(password("sf-once"), Totp.code(key, Instant.now().plusSeconds(30))))
                .as("a code seen once (over a shoulder, in a phishing proxy) is spent")
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> code(password("sf-once"), Totp.code(key, Instant.now())))
                .as("and so is any code of an earlier step")
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() ->
                        code(password("sf-once"), Totp.code(key, Instant.now().plusSeconds(120))))
                .as("a code of a step far ahead is not taken")
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void each_recovery_code_signs_in_once_however_it_is_typed() {
        register("sf-lost", Role.OFFICIAL);
        List<String> recovery = firstSignIn("sf-lost").recoveryCodes();
        assertThat(recovery).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
        assertThat(recovery.get(0)).matches("[2-9a-z]{4}(-[2-9a-z]{4}){3}");

        String typed = " " + recovery.get(0).toUpperCase(Locale.ROOT).replace("-", " ") + " ";
        assertThat(code(password("sf-lost"), typed).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> code(password("sf-lost"), recovery.get(0)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(code(password("sf-lost"), recovery.get(1)).isAuthenticated()).isTrue();
        assertThat(auditOf("sf-")).contains("RECOVERY_CODE_USED");

        // new codes replace the old ones
        as("sf-lost", Role.CITIZEN, Role.OFFICIAL);
        List<String> renewed = secondFactors.renewMyRecoveryCodes();
        assertThat(secondFactors.mine().recoveryCodesLeft()).isEqualTo(SecondFactors.RECOVERY_CODES);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> code(password("sf-lost"), recovery.get(2)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(code(password("sf-lost"), renewed.get(0)).isAuthenticated()).isTrue();
    }

    @Test
    void wrong_codes_from_any_browser_stop_the_second_step_for_the_account() {
        register("sf-guessed", Role.ADMIN);
        String key = firstSignIn("sf-guessed").key();
        String wrong = "000000".equals(Totp.code(key, Instant.now().plusSeconds(30))) ? "111111" : "000000";
        for (int i = 0; i < FAILURES; i++) {
            // each guess from a new half-done sign-in, as an attacker with the password would
            assertThatThrownBy(() -> code(password("sf-guessed"), wrong)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> code(
                        password("sf-guessed"), Totp.code(key, Instant.now().plusSeconds(30))))
                .as("even the right code waits out the window")
                .isInstanceOf(SignInThrottledException.class);
        assertThat(auditOf("sf-")).contains("SECOND_FACTOR_FAILED", "SECOND_FACTOR_THROTTLED");
    }

    @Test
    void a_half_done_sign_in_expires_and_a_set_up_is_only_for_its_own_account() {
        register("sf-slow", Role.OFFICIAL);
        register("sf-other");
        PendingSignIn pending = password("sf-slow");
        var later = new SecondFactorAuthenticationProvider(
                secondFactors, events, Clock.offset(Clock.systemUTC(), PendingSignIn.LASTS.plusSeconds(1)));
        assertThatThrownBy(() -> later.authenticate(new SecondFactorToken(
                        pending, Totp.code(pending.enrolment().secret(), Instant.now()), null)))
                .isInstanceOf(CredentialsExpiredException.class);

        as("sf-other", Role.CITIZEN);
        assertThatThrownBy(() -> secondFactors.enrolMine(
                        pending.enrolment(), Totp.code(pending.enrolment().secret(), Instant.now())))
                .isInstanceOf(AccountException.class);
        assertThat(secondFactors.mine().enrolled()).isFalse();
    }

    @Test
    void only_an_administrator_resets_it_and_the_official_sets_up_a_new_app_at_the_next_sign_in() {
        register("sf-phone-lost", Role.OFFICIAL);
        FirstSignIn first = firstSignIn("sf-phone-lost");
        long id = id("sf-phone-lost");

        as("sf-phone-lost", Role.CITIZEN, Role.OFFICIAL);
        assertThatThrownBy(() -> secondFactors.reset(id))
                .as("not by the user, nor anyone but an administrator")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        as("root", Role.ADMIN);
        secondFactors.reset(id);
        assertThat(secondFactors.isEnrolled(id)).isFalse();
        SecurityContextHolder.clearContext();

        PendingSignIn next = password("sf-phone-lost");
        assertThat(next.enrolment()).as("a new app is set up").isNotNull();
        assertThat(next.enrolment().secret()).isNotEqualTo(first.key());
        assertThat(first.recoveryCodes()).hasSize(SecondFactors.RECOVERY_CODES);
        assertThat(db.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(id)))
                .as("the old recovery codes are gone")
                .isZero();
        assertThat(auditOf("SECOND_FACTOR_RESET")).isNotEmpty();
    }

    @Test
    void officials_cannot_turn_it_off_citizens_can() {
        register("sf-keeps", Role.OFFICIAL);
        firstSignIn("sf-keeps");
        as("sf-keeps", Role.CITIZEN, Role.OFFICIAL);
        assertThatThrownBy(() -> secondFactors.removeMine()).isInstanceOf(AccountException.class);
        assertThat(secondFactors.mine().enrolled()).isTrue();

        register("sf-tries");
        enrolCitizen("sf-tries");
        as("sf-tries", Role.CITIZEN);
        secondFactors.removeMine();
        assertThat(secondFactors.mine().enrolled()).isFalse();
        SecurityContextHolder.clearContext();
        assertThat(passwords
                        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("sf-tries", PASSWORD))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void rows_written_into_the_database_let_no_insiders_code_into_another_account() throws Exception {
        register("sf-victim", Role.ADMIN);
        register("sf-insider", Role.OFFICIAL);
        firstSignIn("sf-victim");
        FirstSignIn insider = firstSignIn("sf-insider");
        long victim = id("sf-victim");
        long attacker = id("sf-insider");

        // the insider's own sealed key, copied over the victim's: it does not open there
        db.update(SECOND_FACTOR)
                .set(
                        SECOND_FACTOR.SECRET,
                        db.select(SECOND_FACTOR.SECRET)
                                .from(SECOND_FACTOR)
                                .where(SECOND_FACTOR.USER_ID.eq(attacker))
                                .asField())
                .set(SECOND_FACTOR.LAST_STEP, 0L)
                .where(SECOND_FACTOR.USER_ID.eq(victim))
                .execute();
        assertThatThrownBy(() -> code(
                        password("sf-victim"),
                        Totp.code(insider.key(), Instant.now().plusSeconds(30))))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(auditOf("SECOND_FACTOR_UNREADABLE")).isNotEmpty();

        // the insider's own recovery codes' rows, given to the victim
        db.update(RECOVERY_CODE)
                .set(RECOVERY_CODE.USER_ID, victim)
                .where(RECOVERY_CODE.USER_ID.eq(attacker))
                .execute();
        for (String code : insider.recoveryCodes()) {
            assertThatThrownBy(() -> code(password("sf-victim"), code)).isInstanceOf(BadCredentialsException.class);
        }

        // a code of the insider's choosing, its hash computed every way one can without the key
        String chosen = "abcdefghjkmnpqrs";
        for (String hash : List.of(
                sha256(chosen),
                sha256(victim + ";" + chosen),
                sha256("OpenPlaza recovery code;" + victim + ";" + chosen))) {
            db.insertInto(RECOVERY_CODE)
                    .set(RECOVERY_CODE.CODE_HASH, hash)
                    .set(RECOVERY_CODE.USER_ID, victim)
                    .set(RECOVERY_CODE.MADE_AT, Instant.now().atOffset(ZoneOffset.UTC))
                    .execute();
        }
        assertThatThrownBy(() -> code(password("sf-victim"), chosen)).isInstanceOf(BadCredentialsException.class);
    }

    /** The audit log's entries about these accounts, read as an administrator. */
    private List<String> auditOf(String text) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        as("root", Role.ADMIN);
        try {
            return audit.search(text, 0, 500).stream()
                    .map(AuditEvent::eventType)
                    .toList();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }

    private long id(String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchSingle(APP_USER.ID);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void codes_are_those_of_rfc_6238() {
        // RFC 6238 appendix B, SHA-1, eight digits cut to the six an app shows
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
        assertThat(Totp.uri("OpenPlaza", "kim lee", "ABCD"))
                .isEqualTo("otpauth://totp/OpenPlaza:kim%20lee?secret=ABCD&issuer=OpenPlaza&algorithm=SHA1&digits=6"
                        + "&period=30");
        assertThat(Duration.ofSeconds(30)).isEqualTo(Totp.STEP);
    }
}
