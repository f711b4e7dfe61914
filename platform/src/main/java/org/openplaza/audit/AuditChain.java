package org.openplaza.audit;

import static org.openplaza.db.accounts.Tables.AUDIT_EVENT;
import static org.openplaza.db.accounts.Tables.AUDIT_HEAD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.openplaza.platform.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as a hash chain (OWASP ASVS 7.3.3). {@link #seal()} gives each committed entry,
 * in the order it is found, the next number, the hash of the entry before it and a SHA-256 over
 * both and its own fields; the head (last number and hash) is kept with an HMAC under a key read
 * from a file outside the database ({@code openplaza.audit.key-file}). {@link #verify()} walks
 * the chain and checks every link, hash and the head's HMAC: an entry edited, removed or put in
 * between is found, also when its editor recomputed every hash in the database.
 */
@Service
public class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** What a check of the chain found. */
    public record Verification(
            boolean intact, long entries, @Nullable Long brokenAt, String detail) {}

    private final DSLContext db;
    private final Path keyFile;
    private final Path headLog;
    private volatile byte @Nullable [] key;

    AuditChain(DSLContext db, @Value("${openplaza.audit.key-file:./keys/audit.hmac}") String keyFile) {
        this.db = db;
        this.keyFile = Path.of(keyFile).toAbsolutePath();
        this.headLog = this.keyFile.resolveSibling(this.keyFile.getFileName() + ".heads");
    }

    /** Seals the entries not sealed yet; returns how many. Run by the portal every few seconds. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int seal() {
        Record head = lockedHead();
        long number = head == null ? 0 : head.get(AUDIT_HEAD.SEAL_NO);
        String previous = head == null ? GENESIS : head.get(AUDIT_HEAD.HEAD_HASH);
        int sealed = 0;
        for (Record entry : db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.SEAL_NO.isNull())
                .orderBy(AUDIT_EVENT.ID)
                .limit(5000)
                .fetch()) {
            number++;
            String hash = hash(number, previous, entry);
            db.update(AUDIT_EVENT)
                    .set(AUDIT_EVENT.SEAL_NO, number)
                    .set(AUDIT_EVENT.PREVIOUS_HASH, previous)
                    .set(AUDIT_EVENT.ENTRY_HASH, hash)
                    .where(AUDIT_EVENT.ID.eq(entry.get(AUDIT_EVENT.ID)))
                    .execute();
            previous = hash;
            sealed++;
        }
        if (sealed > 0) {
            db.update(AUDIT_HEAD)
                    .set(AUDIT_HEAD.SEAL_NO, number)
                    .set(AUDIT_HEAD.HEAD_HASH, previous)
                    .set(AUDIT_HEAD.HEAD_MAC, mac(number, previous))
                    .where(AUDIT_HEAD.ID.eq(1))
                    .execute();
            String line = number + ";" + previous + "\n";
            // once committed, the head is also noted outside the database: cutting the newest
            // entries off with an older head then shows against this log
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            appendHead(line);
                        }
                    });
        }
        return sealed;
    }

    /** Checks every sealed entry, the head, and the heads noted outside the database; read-only. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Verification verify() {
        Record head = db.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchOne();
        String[] noted = lastNotedHead();
        long notedNumber = noted == null ? 0 : Long.parseLong(noted[0]);
        String previous = GENESIS;
        long expected = 0;
        try (var entries = sealedEntries()) {
            for (Record entry : entries) {
                expected++;
                long number = entry.get(AUDIT_EVENT.SEAL_NO);
                if (number != expected) {
                    return new Verification(false, expected - 1, expected, "entry " + expected + " is missing");
                }
                if (!previous.equals(entry.get(AUDIT_EVENT.PREVIOUS_HASH))) {
                    return new Verification(
                            false, expected - 1, number, "entry " + number + " does not follow the one before it");
                }
                String hash = hash(number, previous, entry);
                if (!hash.equals(entry.get(AUDIT_EVENT.ENTRY_HASH))) {
                    return new Verification(
                            false, expected - 1, number, "entry " + number + " was changed after it was sealed");
                }
                if (number == notedNumber && !hash.equals(noted[1])) {
                    return new Verification(
                            false,
                            expected - 1,
                            number,
                            "entry " + number + " is not the one noted outside the database");
                }
                previous = hash;
            }
        }
        if (expected < notedNumber) {
            return new Verification(
                    false,
                    expected,
                    expected + 1,
                    "the chain was cut short: entry " + notedNumber + " was noted outside the database");
        }
        long headNumber = head == null ? 0 : head.get(AUDIT_HEAD.SEAL_NO);
        String headHash = head == null ? GENESIS : head.get(AUDIT_HEAD.HEAD_HASH);
        if (headNumber != expected || !headHash.equals(previous)) {
            return new Verification(
                    false,
                    expected,
                    expected + 1,
                    "the chain does not end at its recorded head (entry " + headNumber + ")");
        }
        if (head != null
                && !MessageDigest.isEqual(
                        mac(headNumber, headHash).getBytes(StandardCharsets.US_ASCII),
                        head.get(AUDIT_HEAD.HEAD_MAC).getBytes(StandardCharsets.US_ASCII))) {
            return new Verification(false, expected, headNumber, "the head is not vouched for by the audit key");
        }
        return new Verification(true, expected, null, "all " + expected + " sealed entries are intact");
    }

    /**
     * Writes every sealed entry, in chain order, as CSV for an auditor: number, previous hash,
     * hash, then the entry's fields. A cell that a spreadsheet would take for a formula starts
     * with an apostrophe.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public void export(java.io.Writer out) throws IOException {
        out.write("seal_no,previous_hash,entry_hash,id,occurred_at,actor,event_type,object_type,object_id,detail,"
                + "remote_address\r\n");
        try (var entries = sealedEntries()) {
            for (Record entry : entries) {
                StringBuilder line = new StringBuilder()
                        .append(entry.get(AUDIT_EVENT.SEAL_NO))
                        .append(',')
                        .append(entry.get(AUDIT_EVENT.PREVIOUS_HASH))
                        .append(',')
                        .append(entry.get(AUDIT_EVENT.ENTRY_HASH));
                for (Object field : fields(entry)) {
                    line.append(',').append(csv(field));
                }
                out.write(line.append("\r\n").toString());
            }
        }
        out.flush();
    }

    private static String csv(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The sealed entries in chain order, streamed. */
    private org.jooq.Cursor<org.openplaza.db.accounts.tables.records.AuditEventRecord> sealedEntries() {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.SEAL_NO.isNotNull())
                .orderBy(AUDIT_EVENT.SEAL_NO)
                .fetchSize(1000)
                .fetchLazy();
    }

    private @Nullable Record lockedHead() {
        Record head =
                db.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
        if (head == null) {
            db.insertInto(AUDIT_HEAD)
                    .set(AUDIT_HEAD.ID, 1)
                    .set(AUDIT_HEAD.SEAL_NO, 0L)
                    .set(AUDIT_HEAD.HEAD_HASH, GENESIS)
                    .set(AUDIT_HEAD.HEAD_MAC, mac(0, GENESIS))
                    .onDuplicateKeyIgnore()
                    .execute();
            head = db.selectFrom(AUDIT_HEAD)
                    .where(AUDIT_HEAD.ID.eq(1))
                    .forUpdate()
                    .fetchOne();
        }
        return head;
    }

    /** An entry's own fields, in the order they are hashed and exported. */
    private static Object[] fields(Record entry) {
        return new Object[] {
            entry.get(AUDIT_EVENT.ID),
            entry.get(AUDIT_EVENT.OCCURRED_AT).toInstant(),
            entry.get(AUDIT_EVENT.ACTOR),
            entry.get(AUDIT_EVENT.EVENT_TYPE),
            entry.get(AUDIT_EVENT.OBJECT_TYPE),
            entry.get(AUDIT_EVENT.OBJECT_ID),
            entry.get(AUDIT_EVENT.DETAIL),
            entry.get(AUDIT_EVENT.REMOTE_ADDRESS)
        };
    }

    /** The entry's hash: its number, the hash before it and each field, each on its own line. */
    static String hash(long number, String previous, Record entry) {
        StringBuilder text = new StringBuilder()
                .append("OpenPlaza audit entry\n")
                .append(number)
                .append('\n')
                .append(previous)
                .append('\n');
        for (Object field : fields(entry)) {
            // lengths first, so that no field can pass for another
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length())
                    .append(':')
                    .append(value)
                    .append('\n');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(long number, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(
                            ("OpenPlaza audit head;" + number + ";" + hash).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file beside the key where every sealed head is noted, outside the database. */
    public Path headLog() {
        return headLog;
    }

    private void appendHead(String line) {
        try {
            Files.createDirectories(headLog.getParent());
            try (var channel = java.nio.channels.FileChannel.open(
                    headLog,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit head log " + headLog + " cannot be written", e);
        }
    }

    /**
     * The last head noted outside the database, as number and hash; null when none is. Only the
     * file's end is read: it grows by a line each time entries are sealed.
     */
    private String @Nullable [] lastNotedHead() {
        if (!Files.exists(headLog)) {
            return null;
        }
        try (var file = new java.io.RandomAccessFile(headLog.toFile(), "r")) {
            long length = file.length();
            byte[] tail = new byte[(int) Math.min(length, 1024)];
            file.seek(length - tail.length);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.US_ASCII).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].matches("\\d+;[0-9a-f]{64}")) {
                    return lines[i].split(";");
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit head log " + headLog + " cannot be read", e);
        }
    }

    /** The HMAC key from its file, made (random, 32 bytes) on first use. */
    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                try {
                    key = KeyFiles.readOrCreateSecret(keyFile, 32);
                } catch (IOException e) {
                    throw new UncheckedIOException("The audit key " + keyFile + " cannot be read or made", e);
                }
            }
            return key;
        }
    }
}
