package org.onetrip.store.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.DataKeys;
import org.onetrip.store.crypto.KeyWrapper;
import org.onetrip.store.crypto.SealedFiles;
import org.onetrip.store.submission.SubmissionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * V060: residents' data encrypted at rest. Makes the data key (wrapped, in {@code setting}) when the store has none,
 * then encrypts what an older terminal kept in the clear — the bodies of submissions, evaluations and complaints, the
 * applicant salt, and every attachment file — and, if it encrypted anything, VACUUMs and truncates the WAL so no page of the plaintext
 * survives in the database files. Each step is idempotent (sealed rows and files are recognised and skipped), so a
 * power cut part-way is finished by the next start; the key is committed first, so it is never made twice.
 */
final class EncryptResidentData implements JavaMigration {
    private static final Logger log = LoggerFactory.getLogger(EncryptResidentData.class);
    /** The tables whose {@code body} column holds residents' data, each with the trigger that forbids updating it. */
    private static final List<String[]> BODIES = List.of(
            new String[] {"submission", "submission_sealed_is_immutable"},
            new String[] {"evaluation", "evaluation_is_immutable"},
            new String[] {"complaint", "complaint_is_immutable"});
    private static final Pattern SHA256_NAME = Pattern.compile("[0-9a-f]{64}");

    private final KeyWrapper keys;
    private final Path attachments;
    private final SecureRandom random;

    EncryptResidentData(KeyWrapper keys, Path attachments, SecureRandom random) {
        this.keys = keys;
        this.attachments = attachments;
        this.random = random;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("060");
    }

    @Override
    public String getDescription() {
        return "encrypt resident data";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    /** Not in one transaction: the key commits first, then the rows; VACUUM cannot run inside a transaction. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int rows;
        try {
            DataCipher cipher = new DataCipher(DataKeys.loadOrCreate(c, keys, random), random);
            c.commit();
            rows = encryptBodies(c, cipher) + encryptSalt(c, cipher);
            c.commit();
            int files = encryptFiles(cipher);
            if (rows + files > 0) {
                log.warn("database: encrypted {} records and {} attachment files kept in the clear by an older version",
                        rows, files);
            }
            c.setAutoCommit(true);
            if (rows + files > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM");
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static final String SALT = "SELECT value FROM setting WHERE name = 'applicant_salt'";
    private static final String SEAL_SALT = "UPDATE setting SET value = ? WHERE name = 'applicant_salt'";

    /** The applicant salt, kept in the clear (64 hex digits) by an older version, sealed like a record. */
    private static int encryptSalt(Connection c, DataCipher cipher) throws SQLException {
        String value;
        try (PreparedStatement ps = c.prepareStatement(SALT); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return 0;
            }
            value = rs.getString(1);
        }
        byte[] raw = HexFormat.of().parseHex(value);
        if (DataCipher.isSealed(raw) && raw.length > 32) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(SEAL_SALT)) {
            ps.setString(1, HexFormat.of().formatHex(cipher.seal(SubmissionStore.SALT_RECORD, raw)));
            ps.executeUpdate();
        }
        return 1;
    }

    private static final String TRIGGER_SQL = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?";

    private int encryptBodies(Connection c, DataCipher cipher) throws SQLException {
        int n = 0;
        for (String[] table : BODIES) {
            String trigger = triggerSql(c, table[1]);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS " + table[1]);
            }
            List<Object[]> plain = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, body FROM " + table[0]);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] body = rs.getBytes(2);
                    if (!DataCipher.isSealed(body)) {
                        plain.add(new Object[] {rs.getString(1), body});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table[0] + " SET body = ? WHERE id = ?")) {
                for (Object[] row : plain) {
                    String id = (String) row[0];
                    ps.setBytes(1, cipher.seal(DataCipher.recordId(table[0], id), (byte[]) row[1]));
                    ps.setString(2, id);
                    ps.executeUpdate();
                    n++;
                }
            }
            if (trigger != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(trigger);
                }
            }
        }
        return n;
    }

    private static String triggerSql(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRIGGER_SQL)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Seals every plaintext attachment file in place (temporary file, fsync, rename); drops stale staging files. */
    private int encryptFiles(DataCipher cipher) throws IOException {
        if (!Files.isDirectory(attachments)) {
            return 0;
        }
        int n = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(attachments, 2)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".staging-") || name.startsWith(".sealing-")) {
                Files.deleteIfExists(file); // half-written by a crash, never referred to, maybe in the clear
                continue;
            }
            if (!SHA256_NAME.matcher(name).matches() || SealedFiles.isSealed(file)) {
                continue;
            }
            Path tmp = file.resolveSibling(".sealing-" + UUID.randomUUID());
            try (InputStream in = Files.newInputStream(file);
                 FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                var writer = cipher.fileWriter(out);
                byte[] buffer = new byte[64 * 1024];
                for (int r; (r = in.read(buffer)) > 0; ) {
                    writer.write(buffer, 0, r);
                }
                writer.finish(name);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            n++;
        }
        return n;
    }
}
