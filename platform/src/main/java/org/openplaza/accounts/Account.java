package org.openplaza.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A user account as screens see it; the password hash never leaves the module. */
public record Account(
        long id,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        boolean enabled,
        boolean verifiedResident,
        @Nullable Instant verifiedAt,
        boolean mustChangePassword,
        @Nullable String preferredLanguage,
        Instant createdAt,
        @Nullable String district,
        @Nullable LocalDate birthDate) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
