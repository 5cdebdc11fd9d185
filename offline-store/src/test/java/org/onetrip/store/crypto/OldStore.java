package org.onetrip.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.Sm2;

/**
 * A store as a terminal in the field has it before V060: the schema up to V050 and residents' data in the clear,
 * written with plain SQL as the older version wrote it.
 */
final class OldStore {
    private final Path file;
    private final Path attachments;

    private OldStore(Path file, Path attachments) {
        this.file = file;
        this.attachments = attachments;
    }

    static OldStore create(Path file, Path attachments) {
        StoreFixture.useLocalSqliteNatives();
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:org/onetrip/store/db/migration").target("050").load().migrate();
        return new OldStore(file, attachments);
    }

    /** Writes {@code bytes} as the old version did: in the clear, under their SHA-256. Returns the name. */
    String attachment(byte[] bytes) throws IOException {
        String sha = sha256(bytes);
        Path target = attachments.resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return sha;
    }

    void leftoverStagingFile(String text) throws IOException {
        Files.createDirectories(attachments);
        Files.writeString(attachments.resolve(".staging-" + UUID.randomUUID()), text);
    }

    void submission(UUID id, String body, String attachmentSha) throws SQLException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        run("""
                INSERT INTO submission (id, task_code, item_name, item_version, applicant_key, applicant_mask, sealed_at,
                                        promised_by, still_to_bring, body, body_sm3, status, status_at)
                VALUES (?, 'T1', '城乡居民基本养老保险参保登记', 3, 'k', '王*兰 340121********0024',
                        '2026-03-01T01:00:00.000000000Z', NULL, '', ?, ?, 'SEALED', '2026-03-01T01:00:00.000000000Z')
                """, id.toString(), bytes, Sm2.sm3Hex(bytes));
        run("INSERT INTO outbox (submission_id, state, attempts, next_attempt_at) VALUES (?, 'PENDING', 0, ?)",
                id.toString(), "2026-03-01T01:00:00.000000000Z");
        run("INSERT INTO attachment (sha256, size, media_type, stored_at) VALUES (?, ?, 'image/jpeg', ?)",
                attachmentSha, Files.exists(path(attachmentSha)) ? sizeOf(attachmentSha) : 0L,
                "2026-03-01T01:00:00.000000000Z");
        run("INSERT INTO submission_attachment (submission_id, ordinal, sha256) VALUES (?, 0, ?)", id.toString(),
                attachmentSha);
    }

    /** The applicant salt as the older version kept it: 32 bytes in hex, in the clear. */
    void salt(byte[] salt) throws SQLException {
        run("INSERT INTO setting (name, value) VALUES ('applicant_salt', ?)", HexFormat.of().formatHex(salt));
    }

    void evaluation(UUID id, UUID submission, String body) throws SQLException {
        run("INSERT INTO evaluation (id, submission_id, rating, created_at, body) VALUES (?, ?, 5, ?, ?)",
                id.toString(), submission.toString(), "2026-03-01T01:00:00.000000000Z",
                body.getBytes(StandardCharsets.UTF_8));
    }

    void complaint(UUID id, String body) throws SQLException {
        run("INSERT INTO complaint (id, submission_id, category, created_at, body) VALUES (?, NULL, '咨询', ?, ?)",
                id.toString(), "2026-03-01T01:00:00.000000000Z", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A complaint row written and deleted again: what is left of it is free space in the file. */
    void deletedRow(String body) throws SQLException {
        String id = UUID.randomUUID().toString();
        complaint(UUID.fromString(id), body);
        run("DELETE FROM complaint WHERE id = ?", id);
    }

    private Path path(String sha) {
        return attachments.resolve(sha.substring(0, 2)).resolve(sha);
    }

    private long sizeOf(String sha) {
        try {
            return Files.size(path(sha));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
