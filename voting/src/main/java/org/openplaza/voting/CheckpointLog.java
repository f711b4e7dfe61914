package org.openplaza.voting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A copy of every checkpoint the portal signs, appended (and synced) to a file per vote outside the
 * database, beside the seal keys: {@code vote-ID.checkpoints}, a line each with the ballots, the
 * voters, the head, the time and the signature. Someone who can change the database, but not that
 * folder, cannot make the count forget a checkpoint by deleting it from the database. The folder
 * belongs with its database: a database started afresh needs a fresh folder.
 */
@Component
class CheckpointLog {

    private final Path folder;

    CheckpointLog(VotingProperties properties) {
        this.folder = Path.of(properties.sealKeys()).toAbsolutePath().normalize();
    }

    Path file(long voteId) {
        return folder.resolve("vote-" + voteId + ".checkpoints");
    }

    synchronized void append(Checkpoint c) {
        String line =
                c.ballots() + " " + c.voters() + " " + c.headHash() + " " + c.signedAt() + " " + c.signature() + "\n";
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(
                    file(c.voteId()), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoint of vote " + c.voteId() + " could not be logged", e);
        }
    }

    /** The checkpoints logged for a vote; a line that cannot be read is skipped (its signature would fail). */
    List<Checkpoint> read(long voteId) {
        Path file = file(voteId);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Checkpoint> logged = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] f = line.strip().split(" ");
                if (f.length != 5) {
                    continue;
                }
                try {
                    logged.add(new Checkpoint(
                            voteId, Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], Instant.parse(f[3]), f[4]));
                } catch (RuntimeException e) {
                    // a damaged line: the checkpoints that remain still bind the chain
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpoints of vote " + voteId + " could not be read", e);
        }
        return logged;
    }
}
