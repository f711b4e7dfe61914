package org.openplaza.catalog.publishing;

import static org.openplaza.db.accounts.Tables.APP_USER;

import org.jooq.DSLContext;

/** An account's id by its username, for the catalogue's rows that name their owner by id. */
public final class AccountIds {

    private AccountIds() {}

    /** The account's id; an account that is not there is a bug of the caller, who acts for it. */
    public static long of(DSLContext db, String username) {
        return db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID)
                .orElseThrow(() -> new IllegalStateException("no account " + username));
    }
}
