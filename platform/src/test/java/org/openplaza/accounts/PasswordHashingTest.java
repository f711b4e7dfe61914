package org.openplaza.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openplaza.db.accounts.Tables.APP_USER;

import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords are hashed with Argon2id, which has no length limit: bcrypt reads only 72 bytes and
 * Spring refuses longer ones, and a Korean passphrase of 34 syllables is 102 bytes. Hashes made
 * with bcrypt before keep working and are upgraded at the next sign-in.
 */
@SpringBootTest(properties = "openplaza.accounts.registrations-per-address=1000")
@Transactional
class PasswordHashingTest {

    /** 34 Hangul syllables and 6 spaces: 108 bytes in UTF-8. */
    static final String PASSPHRASE = "푸른 하늘 은하수 하얀 쪽배엔 계수나무 한나무 토끼한마리 돛대도 아니달고 삿대도 없이";

    @Autowired
    ThrottlingAuthenticationProvider provider;

    @Autowired
    AccountService accounts;

    @Autowired
    DSLContext db;

    private String storedHash(String username) {
        return db.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchSingle(APP_USER.PASSWORD_HASH);
    }

    private boolean signsIn(String username, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                .isAuthenticated();
    }

    @Test
    void a_passphrase_longer_than_bcrypts_72_bytes_registers_and_signs_in() {
        assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        accounts.register(new Registration("hangul-passphrase", "Test User", "hangul@example.org", PASSPHRASE));
        assertThat(storedHash("hangul-passphrase")).startsWith("{argon2}$argon2id$");
        assertThat(signsIn("hangul-passphrase", PASSPHRASE)).isTrue();
        // the bytes past the 72nd count
        String sameFirst72Bytes = PASSPHRASE.substring(0, PASSPHRASE.length() - 1) + "다";
        assertThatThrownBy(() -> signsIn("hangul-passphrase", sameFirst72Bytes))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_bcrypt_hash_from_before_still_signs_in_and_is_upgraded_to_argon2id() {
        String password = "violet harbour lantern sings";
        accounts.register(new Registration("bcrypt-era", "Test User", "bcrypt-era@example.org", password));
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, "{bcrypt}" + new BCryptPasswordEncoder().encode(password))
                .where(APP_USER.USERNAME.eq("bcrypt-era"))
                .execute();

        assertThatThrownBy(() -> signsIn("bcrypt-era", PASSPHRASE))
                .as("a long wrong password against a bcrypt hash is a plain failure, not an error")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(storedHash("bcrypt-era")).startsWith("{bcrypt}");
        assertThat(signsIn("bcrypt-era", password)).isTrue();
        assertThat(storedHash("bcrypt-era")).startsWith("{argon2}$argon2id$");
        assertThat(signsIn("bcrypt-era", password)).as("and signs in again").isTrue();
    }
}
