package org.openplaza.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of a ballot record: SHA-256 over the vote, the position, the receipt, the choices, the
 * day, what it replaces, the hashed change secret and the previous record's hash, each field
 * length-prefixed so no two records hash alike. The first record follows a hash of 64 zeros.
 */
public final class BallotChain {

    public static final String GENESIS = "0".repeat(64);

    private BallotChain() {}

    public static String hash(
            long voteId,
            int position,
            String receipt,
            String choices,
            LocalDate castOn,
            @Nullable String replaces,
            @Nullable String replaceCheck,
            String previousHash) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {
            Long.toString(voteId),
            Integer.toString(position),
            receipt,
            choices,
            castOn.toString(),
            replaces == null ? "" : replaces,
            replaceCheck == null ? "" : replaceCheck,
            previousHash
        }) {
            text.append(field.length()).append(':').append(field).append(';');
        }
        return sha256(text.toString());
    }

    /** The hash of a stored ballot record were it at this position after this hash. */
    static String hash(
            long voteId,
            int position,
            org.openplaza.db.voting.tables.records.BallotRecord ballot,
            String previousHash) {
        return hash(
                voteId,
                position,
                ballot.getReceipt(),
                ballot.getChoices(),
                ballot.getCastOn(),
                ballot.getReplaces(),
                ballot.getReplaceCheck(),
                previousHash);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
