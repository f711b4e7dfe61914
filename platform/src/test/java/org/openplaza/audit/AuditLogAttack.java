package org.openplaza.audit;

import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the attacks on the audit chain share: entries written as the portal writes them, and the
 * sealed entries read as an insider reads them. Each attack runs on a database and key of its
 * own, as it leaves the chain broken.
 */
@WithMockUser(username = "root", roles = "ADMIN")
abstract class AuditLogAttack {

    @Autowired
    AuditService audit;

    @Autowired
    AuditChain chain;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void write(String event, String detail) {
        audit.record(new Audited("kim", event, "account", "kim", detail, "203.0.113.9"));
    }

    Result<Record> sealed() {
        return db.select()
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.SEAL_NO.isNotNull())
                .orderBy(AUDIT_EVENT.SEAL_NO)
                .fetch();
    }
}
