package org.openplaza.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Writing the files that hold the portal's keys, outside the database. */
public final class KeyFiles {

    private KeyFiles() {}

    /**
     * The random secret kept (in Base64, one line) in this file, made of this many random bytes
     * when the file does not exist yet.
     */
    public static byte[] readOrCreateSecret(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            createSecret(file, bytes);
        }
        return readSecret(file);
    }

    /** A new file holding this many random bytes in Base64 (the existing one stands, if any). */
    public static void createSecret(Path file, int bytes) throws IOException {
        byte[] fresh = new byte[bytes];
        new SecureRandom().nextBytes(fresh);
        create(file, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The secret a file made by {@link #createSecret} holds. */
    public static byte[] readSecret(Path file) throws IOException {
        return Base64.getDecoder()
                .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /**
     * Writes a new key file readable by the portal's user only, synced to disk, then put in place
     * in one step. When the file exists already (another node made it first, perhaps at the same
     * moment), the existing one stands: the new file is linked to the key's name, which the file
     * system refuses atomically when the name is taken (a rename would replace it), and each
     * writer works on a partial file of its own.
     */
    public static void create(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + "." + java.util.UUID.randomUUID() + ".new");
        Files.createFile(partial);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions have to protect it
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        }
        try {
            Files.createLink(file, partial); // refused if the key exists, whoever made it
        } catch (FileAlreadyExistsException e) {
            // the existing key stands
        } catch (UnsupportedOperationException e) {
            // a file system without links: a rename that does not replace, checked just before
            try {
                Files.move(partial, file);
            } catch (FileAlreadyExistsException exists) {
                // the existing key stands
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true); // the move itself survives a crash
        } catch (IOException e) {
            // some file systems cannot sync a folder; the key is synced all the same
        }
    }
}
