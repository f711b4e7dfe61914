package org.openplaza.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.accounts.Tables.AUDIT_HEAD;

import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An insider with write access to the database tries to change the audit log unnoticed: edits an
 * entry, edits it and recomputes every hash and the head, removes one, slips one in. Each is found
 * by the chain's check; only the key outside the database could vouch for a rewritten head.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.name=audit-chain-test",
            "openplaza.audit.key-file=target/test-keys/audit-${random.uuid}.hmac"
        })
class AuditChainTest extends AuditLogAttack {

    /** What a careful insider does after changing entries: recomputes every hash and the head. */
    private void rehashEverything() {
        String previous = AuditChain.GENESIS;
        long number = 0;
        for (Record entry : sealed()) {
            number++;
            String hash = AuditChain.hash(number, previous, entry);
            db.update(AUDIT_EVENT)
                    .set(AUDIT_EVENT.SEAL_NO, number)
                    .set(AUDIT_EVENT.PREVIOUS_HASH, previous)
                    .set(AUDIT_EVENT.ENTRY_HASH, hash)
                    .where(AUDIT_EVENT.ID.eq(entry.get(AUDIT_EVENT.ID)))
                    .execute();
            previous = hash;
        }
        db.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.SEAL_NO, number)
                .set(AUDIT_HEAD.HEAD_HASH, previous)
                .execute();
    }

    @Test
    void every_change_to_a_sealed_entry_is_found_even_with_every_hash_recomputed() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("SIGN_IN_FAILED", "attempt " + i);
        }
        write("ROLES_CHANGED", "kim: CITIZEN -> ADMIN");
        assertThat(chain.seal()).isGreaterThanOrEqualTo(7);
        AuditChain.Verification intact = chain.verify();
        assertThat(intact.intact()).as(intact.detail()).isTrue();
        long entries = intact.entries();
        long roles = db.select(AUDIT_EVENT.SEAL_NO)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.EVENT_TYPE.eq("ROLES_CHANGED"))
                .fetchSingle(AUDIT_EVENT.SEAL_NO);

        // the insider hides the role change by rewording it
        db.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.DETAIL, "kim: CITIZEN -> CITIZEN")
                .where(AUDIT_EVENT.SEAL_NO.eq(roles))
                .execute();
        AuditChain.Verification edited = chain.verify();
        assertThat(edited.intact()).isFalse();
        assertThat(edited.brokenAt()).isEqualTo(roles);
        assertThat(edited.detail()).contains("changed after it was sealed");

        // and recomputes every hash and the head in the database
        rehashEverything();
        AuditChain.Verification rehashed = chain.verify();
        assertThat(rehashed.intact()).isFalse();
        assertThat(rehashed.detail())
                .as("the last head, noted outside the database, gives it away")
                .isEqualTo("entry " + roles + " is not the one noted outside the database");
        // and were that note lost, the head's HMAC, under the key outside the database, still would
        java.nio.file.Files.delete(chain.headLog());
        assertThat(chain.verify().detail()).isEqualTo("the head is not vouched for by the audit key");

        // removes a failed sign-in, with and without renumbering and rehashing
        long first = db.select(AUDIT_EVENT.SEAL_NO)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.DETAIL.eq("attempt 0"))
                .fetchSingle(AUDIT_EVENT.SEAL_NO);
        db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEAL_NO.eq(first)).execute();
        assertThat(chain.verify().detail()).isEqualTo("entry " + first + " is missing");
        rehashEverything();
        assertThat(chain.verify().intact()).as("renumbered and rehashed").isFalse();
        assertThat(sealed()).hasSize((int) entries - 1);
    }
}
