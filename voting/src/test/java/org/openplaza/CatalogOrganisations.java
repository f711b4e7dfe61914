package org.openplaza;

import static org.openplaza.db.catalog.Tables.ORGANISATION;
import static org.openplaza.db.catalog.Tables.ORGANISATION_MEMBER;

import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.openplaza.platform.Organisations;
import org.springframework.stereotype.Component;

/**
 * The catalogue's side of the organisations port for voting's tests, which run without the
 * catalogue module: the same answers, from the same tables, which {@link TestAccounts} fills.
 */
@Component
class CatalogOrganisations implements Organisations {

    private final DSLContext db;

    CatalogOrganisations(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean isMember(long userId, long organisationId) {
        return db.fetchExists(
                ORGANISATION_MEMBER,
                ORGANISATION_MEMBER.USER_ID.eq(userId).and(ORGANISATION_MEMBER.ORGANISATION_ID.eq(organisationId)));
    }

    @Override
    public Optional<String> name(long organisationId) {
        return db.select(ORGANISATION.NAME)
                .from(ORGANISATION)
                .where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.NAME);
    }

    @Override
    public Map<Long, String> names() {
        return db.select(ORGANISATION.ID, ORGANISATION.NAME)
                .from(ORGANISATION)
                .fetchMap(ORGANISATION.ID, ORGANISATION.NAME);
    }
}
