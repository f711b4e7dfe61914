package org.openplaza.voting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.openplaza.platform.KeyFiles;
import org.openplaza.platform.Sealing;
import org.springframework.stereotype.Component;

/**
 * Seals the choices of each ballot while its vote runs, so that a copy of the database (or of its
 * backups) holds no readable ballot: AES-256-GCM under a key of the vote's own, kept in a file
 * outside the database ({@link VotingProperties#sealKeys()}), never in it. A sealed ballot is bound
 * to its vote and receipt, so one copied over another does not open. Every sealed ballot of a vote
 * has the same size, whatever was chosen. The count opens the ballots and keeps the counted
 * choices apart from the box, in an order that depends on the choices alone; then the key is
 * destroyed, and the sealed box, which still records the order of casting, can never be opened
 * again by anyone.
 *
 * <p>A key is made before the first ballot that uses it is stored, and written to disk (synced and
 * moved into place) before that ballot's transaction can commit: no accepted ballot is sealed
 * under a key that a crash could lose.
 */
@Component
class BallotSeals {

    /** The change a count announces: its vote's key is destroyed, every node forgets its copy. */
    static final String KEY_DESTROYED = "vote-key-destroyed";

    /** Marks a sealed value; anything else in the box is a ballot stored before ballots were sealed. */
    static final String PREFIX = "sealed1:";

    private final Path folder;
    private final Map<Long, SecretKeySpec> keys = new ConcurrentHashMap<>();

    BallotSeals(VotingProperties properties) {
        this.folder = Path.of(properties.sealKeys()).toAbsolutePath().normalize();
    }

    /** Why a ballot could not be opened: its key is gone, or the sealed value was altered. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, @org.jspecify.annotations.Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** How long every sealed ballot of a vote with this many options is, before sealing. */
    static int paddedLength(int options) {
        // the longest stored choice: every option ranked, "1>2>…>n"
        int longest = 0;
        for (int i = 1; i <= options; i++) {
            longest += Integer.toString(i).length() + 1;
        }
        return ((longest + 31) / 32) * 32;
    }

    String seal(long voteId, String receipt, String choices, int options) {
        byte[] plain = Arrays.copyOf(
                choices.getBytes(StandardCharsets.US_ASCII), Math.max(paddedLength(options), choices.length()));
        Arrays.fill(plain, choices.length(), plain.length, (byte) ' ');
        try {
            return Sealing.seal(PREFIX, key(voteId, true), context(voteId, receipt), plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The choices of a stored ballot. A ballot stored unsealed is returned as it is only for a vote
     * that has no seal key (one counted before ballots were sealed): in a sealed vote it can only
     * have been put there behind the portal's back.
     */
    String open(long voteId, String receipt, String stored) {
        if (!stored.startsWith(PREFIX)) {
            if (hasKey(voteId)) {
                throw new Unreadable("an unsealed ballot in the sealed box of vote " + voteId, null);
            }
            return stored;
        }
        try {
            byte[] plain = Sealing.open(PREFIX, key(voteId, false), context(voteId, receipt), stored);
            return new String(plain, StandardCharsets.US_ASCII).strip();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable("a sealed ballot of vote " + voteId + " does not open", e);
        }
    }

    boolean hasKey(long voteId) {
        return keys.containsKey(voteId) || Files.exists(file(voteId));
    }

    /** The votes whose keys are in the folder. */
    List<Long> keyedVotes() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("vote-[0-9]{1,18}\\.key"))
                    .map(name -> Long.parseLong(name.substring(5, name.length() - 4)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The seal keys in " + folder + " cannot be listed", e);
        }
    }

    /**
     * A key destroyed by the node that counted its vote: this node forgets its copy in memory too
     * (on a cluster, every node that sealed ballots of the vote held one).
     */
    @org.springframework.context.event.EventListener
    void keyDestroyed(org.openplaza.platform.Changed changed) {
        if (KEY_DESTROYED.equals(changed.topic())) {
            keys.remove(Long.parseLong(changed.subject()));
        }
    }

    /** Whether this node holds the vote's key in memory (for tests). */
    boolean holds(long voteId) {
        return keys.containsKey(voteId);
    }

    /** Overwrites and deletes the vote's key: its sealed ballots can never be opened again. */
    void destroy(long voteId) {
        keys.remove(voteId);
        Path file = file(voteId);
        try {
            // a copy a node left while making the key, had it stopped at that moment
            try (var partials = Files.newDirectoryStream(folder, file.getFileName() + ".*.new")) {
                for (Path partial : partials) {
                    Files.deleteIfExists(partial);
                }
            }
            if (Files.exists(file)) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(new byte[(int) channel.size()]));
                    channel.force(true);
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The seal key of vote " + voteId + " could not be destroyed: " + file, e);
        }
    }

    /** What a sealed ballot is bound to: moved to another vote or another receipt, it no longer opens. */
    private static byte[] context(long voteId, String receipt) {
        return ("OpenPlaza ballot;vote=" + voteId + ";receipt=" + receipt).getBytes(StandardCharsets.US_ASCII);
    }

    Path file(long voteId) {
        return folder.resolve("vote-" + voteId + ".key");
    }

    private SecretKeySpec key(long voteId, boolean create) throws GeneralSecurityException {
        SecretKeySpec known = keys.get(voteId);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            Path file = file(voteId);
            try {
                if (!Files.exists(file)) {
                    if (!create) {
                        throw new GeneralSecurityException("the seal key of vote " + voteId + " is gone");
                    }
                    KeyFiles.createSecret(file, 32);
                }
                byte[] bytes = KeyFiles.readSecret(file);
                if (bytes.length != 32) {
                    throw new GeneralSecurityException("the seal key of vote " + voteId + " is not 256 bits");
                }
                SecretKeySpec key = new SecretKeySpec(bytes, "AES");
                keys.put(voteId, key);
                return key;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "The seal key of vote " + voteId + " cannot be read or made: " + file, e);
            }
        }
    }
}
