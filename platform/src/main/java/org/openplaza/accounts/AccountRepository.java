package org.openplaza.accounts;

import static org.openplaza.db.accounts.Tables.APP_USER;
import static org.openplaza.db.accounts.Tables.USER_ROLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    /** An account with its password hash, for sign-in only. */
    record Credentials(Account account, String passwordHash) {}

    private final DSLContext db;

    AccountRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts a new account; a taken username or email becomes an {@link AccountException}. */
    long insert(
            String username,
            String displayName,
            String email,
            String passwordHash,
            Set<Role> roles,
            boolean mustChangePassword,
            Instant now) {
        long id;
        try {
            id = db.insertInto(APP_USER)
                    .set(APP_USER.USERNAME, username)
                    .set(APP_USER.DISPLAY_NAME, displayName)
                    .set(APP_USER.EMAIL, email)
                    .set(APP_USER.PASSWORD_HASH, passwordHash)
                    .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                    .set(APP_USER.CREATED_AT, utc(now))
                    .returningResult(APP_USER.ID)
                    .fetchSingle(APP_USER.ID);
        } catch (DuplicateKeyException e) {
            throw duplicate(e);
        }
        replaceRoles(id, roles);
        return id;
    }

    private static AccountException duplicate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage()).toUpperCase();
        if (message.contains("APP_USER_EMAIL_UK")) {
            return new AccountException("email", "account.error.email-taken");
        }
        return new AccountException("username", "account.error.username-taken");
    }

    Optional<Credentials> findCredentials(String username) {
        return db.select(accountFields())
                .select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new Credentials(toAccount(r), r.get(APP_USER.PASSWORD_HASH)));
    }

    Optional<Account> findById(long id) {
        return db.select(accountFields())
                .from(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional(AccountRepository::toAccount);
    }

    Optional<Account> findByUsername(String username) {
        return db.select(accountFields())
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(AccountRepository::toAccount);
    }

    List<Account> search(String text, int offset, int limit) {
        return db.select(accountFields())
                .from(APP_USER)
                .where(matching(text))
                .orderBy(APP_USER.USERNAME)
                .offset(offset)
                .limit(limit)
                .fetch(AccountRepository::toAccount);
    }

    int count(String text) {
        return db.fetchCount(APP_USER, matching(text));
    }

    boolean anyEnabledWithRole(Role role) {
        return db.fetchExists(db.selectOne()
                .from(APP_USER)
                .join(USER_ROLE)
                .on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(USER_ROLE.ROLE_NAME.eq(role.name()))
                .and(APP_USER.ENABLED.isTrue()));
    }

    void replaceRoles(long id, Set<Role> roles) {
        db.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(id)).execute();
        for (Role role : roles) {
            db.insertInto(USER_ROLE)
                    .set(USER_ROLE.USER_ID, id)
                    .set(USER_ROLE.ROLE_NAME, role.name())
                    .execute();
        }
    }

    boolean setEnabled(long id, boolean enabled) {
        return db.update(APP_USER)
                        .set(APP_USER.ENABLED, enabled)
                        .where(APP_USER.ID.eq(id))
                        .execute()
                == 1;
    }

    boolean setVerifiedResident(long id, boolean verified, Instant now) {
        return db.update(APP_USER)
                        .set(APP_USER.VERIFIED_RESIDENT, verified)
                        .set(APP_USER.VERIFIED_AT, verified ? utc(now) : null)
                        .where(APP_USER.ID.eq(id))
                        .execute()
                == 1;
    }

    void setResidence(long id, @Nullable String district, @Nullable LocalDate birthDate) {
        db.update(APP_USER)
                .set(APP_USER.DISTRICT, district)
                .set(APP_USER.BIRTH_DATE, birthDate)
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    /** Sets a new password; the browsers trusted for the old one are forgotten. */
    void setPassword(long id, String passwordHash, boolean mustChangePassword) {
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .where(APP_USER.ID.eq(id))
                .execute();
        db.deleteFrom(org.openplaza.db.accounts.Tables.TRUSTED_DEVICE)
                .where(org.openplaza.db.accounts.Tables.TRUSTED_DEVICE.USER_ID.eq(id))
                .execute();
    }

    /** Replaces the stored hash of the same password with a stronger one; true when the user exists. */
    boolean rehashPassword(String username, String passwordHash) {
        return db.update(APP_USER)
                        .set(APP_USER.PASSWORD_HASH, passwordHash)
                        .where(APP_USER.USERNAME.eq(username))
                        .execute()
                > 0;
    }

    void setPreferredLanguage(long id, @Nullable String language) {
        db.update(APP_USER)
                .set(APP_USER.PREFERRED_LANGUAGE, language)
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    private static Condition matching(String text) {
        String needle = text.strip();
        if (needle.isEmpty()) {
            return DSL.noCondition();
        }
        return APP_USER.USERNAME
                .containsIgnoreCase(needle)
                .or(APP_USER.DISPLAY_NAME.containsIgnoreCase(needle))
                .or(APP_USER.EMAIL.containsIgnoreCase(needle));
    }

    private static final Field<Set<Role>> ROLES = DSL.multiset(
                    DSL.select(USER_ROLE.ROLE_NAME).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)))
            .as("roles")
            .convertFrom(rows -> {
                EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                rows.forEach(row -> roles.add(Role.valueOf(row.value1())));
                return roles;
            });

    private static List<SelectField<?>> accountFields() {
        return List.of(
                APP_USER.ID,
                APP_USER.USERNAME,
                APP_USER.DISPLAY_NAME,
                APP_USER.EMAIL,
                ROLES,
                APP_USER.ENABLED,
                APP_USER.VERIFIED_RESIDENT,
                APP_USER.VERIFIED_AT,
                APP_USER.MUST_CHANGE_PASSWORD,
                APP_USER.PREFERRED_LANGUAGE,
                APP_USER.CREATED_AT,
                APP_USER.DISTRICT,
                APP_USER.BIRTH_DATE);
    }

    private static Account toAccount(Record r) {
        Set<Role> roles = r.get(ROLES);
        OffsetDateTime verifiedAt = r.get(APP_USER.VERIFIED_AT);
        return new Account(
                r.get(APP_USER.ID),
                r.get(APP_USER.USERNAME),
                r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.EMAIL),
                roles,
                r.get(APP_USER.ENABLED),
                r.get(APP_USER.VERIFIED_RESIDENT),
                verifiedAt == null ? null : verifiedAt.toInstant(),
                r.get(APP_USER.MUST_CHANGE_PASSWORD),
                r.get(APP_USER.PREFERRED_LANGUAGE),
                r.get(APP_USER.CREATED_AT).toInstant(),
                r.get(APP_USER.DISTRICT),
                r.get(APP_USER.BIRTH_DATE));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
