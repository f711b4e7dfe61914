package org.openplaza.voting;

import org.jspecify.annotations.Nullable;

/**
 * What a voter keeps: the receipt code under which their ballot is published, and, where ballots
 * may be changed, the secret that alone lets them replace it. Neither is stored with their name.
 */
public record Receipt(String code, @Nullable String changeSecret) {}
