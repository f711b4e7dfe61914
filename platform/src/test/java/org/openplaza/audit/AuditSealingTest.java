package org.openplaza.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import java.util.List;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Entries written later are sealed after the earlier ones; an entry slipped in is found. */
@SpringBootTest(
        properties = {
            "spring.datasource.name=audit-sealing-test",
            "openplaza.audit.key-file=target/test-keys/audit-${random.uuid}.hmac"
        })
class AuditSealingTest extends AuditLogAttack {

    @Test
    void entries_written_later_are_sealed_after_the_earlier_ones_and_an_entry_slipped_in_is_found() {
        write("SIGN_IN", "first");
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();
        write("SIGN_IN", "second");
        write("SIGN_IN", "third");
        assertThat(chain.seal()).isEqualTo(2);
        AuditChain.Verification grown = chain.verify();
        assertThat(grown.intact()).as(grown.detail()).isTrue();
        List<String> details = sealed().getValues(AUDIT_EVENT.DETAIL);
        assertThat(details.subList(details.size() - 3, details.size())).containsExactly("first", "second", "third");

        // an entry slipped in at the end of the chain, numbered and linked, its hash made up
        Record last = sealed().get(sealed().size() - 1);
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, last.get(AUDIT_EVENT.OCCURRED_AT))
                .set(AUDIT_EVENT.ACTOR, "root")
                .set(AUDIT_EVENT.EVENT_TYPE, "ACCOUNT_ENABLED")
                .set(AUDIT_EVENT.SEAL_NO, last.get(AUDIT_EVENT.SEAL_NO) + 1)
                .set(AUDIT_EVENT.PREVIOUS_HASH, last.get(AUDIT_EVENT.ENTRY_HASH))
                .set(AUDIT_EVENT.ENTRY_HASH, "f".repeat(64))
                .execute();
        assertThat(chain.verify().intact()).isFalse();
    }
}
