package org.openplaza.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.accounts.Tables.AUDIT_HEAD;

import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The insider who cuts the newest entries off and puts back a head (with its HMAC) saved before
 * them leaves a chain that checks in the database alone; the heads noted outside it give them
 * away.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.name=audit-truncation-test",
            "openplaza.audit.key-file=target/test-keys/audit-${random.uuid}.hmac"
        })
class AuditTruncationTest extends AuditLogAttack {

    @Test
    void cutting_off_the_newest_entries_with_an_old_head_is_found() {
        write("SIGN_IN", "before");
        chain.seal();
        Record savedHead = db.selectFrom(AUDIT_HEAD).fetchSingle();
        long kept = savedHead.get(AUDIT_HEAD.SEAL_NO);
        write("ROLES_CHANGED", "kim: CITIZEN -> ADMIN");
        write("ACCOUNT_DISABLED", "lee");
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();

        db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEAL_NO.gt(kept)).execute();
        db.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.SEAL_NO, kept)
                .set(AUDIT_HEAD.HEAD_HASH, savedHead.get(AUDIT_HEAD.HEAD_HASH))
                .set(AUDIT_HEAD.HEAD_MAC, savedHead.get(AUDIT_HEAD.HEAD_MAC))
                .execute();
        AuditChain.Verification cut = chain.verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.detail()).startsWith("the chain was cut short");
    }
}
