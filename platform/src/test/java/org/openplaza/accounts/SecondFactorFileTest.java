package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.SECOND_FACTOR;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A copy of the database, as an insider takes it (the H2 file, a backup), holds neither an
 * authenticator key nor a recovery code: read byte by byte after an administrator's first sign-in.
 */
@Tag("h2-files")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:file:./target/second-factor/db-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
            "openplaza.accounts.registrations-per-address=1000",
            "openplaza.accounts.second-factor-key-file=target/test-keys/second-factor-${random.uuid}.key"
        })
class SecondFactorFileTest {

    @Autowired
    ThrottlingAuthenticationProvider passwords;

    @Autowired
    SecondFactors secondFactors;

    @Autowired
    AccountService accounts;

    @Autowired
    DSLContext db;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void a_copy_of_the_database_holds_no_key_and_no_recovery_code() throws Exception {
        long id = accounts.register(new Registration(
                        "sf-copied", "Copied Admin", "sf-copied@example.org", SecondFactorsTest.PASSWORD))
                .id();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "root", null, AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
        try {
            accounts.changeRoles(id, EnumSet.of(Role.CITIZEN, Role.ADMIN));
        } finally {
            SecurityContextHolder.clearContext();
        }
        PendingSignIn pending;
        try {
            passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("sf-copied", SecondFactorsTest.PASSWORD));
            throw new AssertionError("an administrator signed in with the password alone");
        } catch (SecondFactorRequired required) {
            pending = required.pending();
        }
        String key = pending.enrolment().secret();
        SecondFactorToken step = new SecondFactorToken(pending, Totp.code(key, Instant.now()), null);
        new SecondFactorAuthenticationProvider(secondFactors, events, Clock.systemUTC()).authenticate(step);
        List<String> recovery = step.recoveryCodes();
        assertThat(recovery).hasSize(SecondFactors.RECOVERY_CODES);

        db.execute("CHECKPOINT SYNC");
        String path = db.fetchSingle("SELECT DATABASE_PATH()").get(0, String.class);
        String file = new String(Files.readAllBytes(Path.of(path + ".mv.db")), StandardCharsets.ISO_8859_1);
        String stored = db.select(SECOND_FACTOR.SECRET)
                .from(SECOND_FACTOR)
                .join(APP_USER)
                .on(APP_USER.ID.eq(SECOND_FACTOR.USER_ID))
                .where(APP_USER.USERNAME.eq("sf-copied"))
                .fetchSingle(SECOND_FACTOR.SECRET);
        assertThat(file).as("the scan reads what is stored").contains(stored);
        assertThat(file).doesNotContain(key);
        assertThat(file).doesNotContain(new String(Totp.decode(key), StandardCharsets.ISO_8859_1));
        for (String code : recovery) {
            assertThat(file).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }
}
