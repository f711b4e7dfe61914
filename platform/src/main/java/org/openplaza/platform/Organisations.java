package org.openplaza.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The organisations officials act for. The catalogue keeps them (they publish its datasets); the
 * other modules ask it through this port instead of reading the catalogue's tables, so that each
 * module's schema stays its own.
 */
public interface Organisations {

    /** Whether the account is one of the organisation's members. */
    boolean isMember(long userId, long organisationId);

    /** The organisation's name, when there is such an organisation. */
    Optional<String> name(long organisationId);

    /** Every organisation's name, by its id. */
    Map<Long, String> names();
}
