package org.onetrip.intake.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Reply;

/**
 * Attachments as BLOBs keyed by terminal and the lowercase SHA-256 hex of their bytes: 201 when new, 200 when
 * already present, 422 when the bytes do not hash to the name.
 */
public final class AttachmentStore {
    private final IntakeDatabase database;
    private final Clock clock;

    public AttachmentStore(IntakeDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The endpoint of {@code PUT /api/v1/attachments/{name}} for the raw path segment {@code name}. */
    public Endpoint put(String name) {
        return request -> {
            String actual = sha256Hex(request.body());
            if (!actual.equals(name)) {
                return Reply.reason(422, "the bytes do not hash to the name: their SHA-256 is " + actual
                        + " (lowercase hex)");
            }
            boolean created = database.inTransaction(
                    connection -> insertIfAbsent(connection, request.terminalId(), actual, request.body()));
            return Reply.json(created ? 201 : 200, Map.of("sha256", actual, "size", request.body().length));
        };
    }

    private static final String INSERT_ATTACHMENT = """
            INSERT INTO attachment (terminal_id, sha256, content, received_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (terminal_id, sha256) DO NOTHING
            """;

    private boolean insertIfAbsent(Connection connection, String terminalId, String sha256, byte[] content)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ATTACHMENT)) {
            insert.setString(1, terminalId);
            insert.setString(2, sha256);
            insert.setBytes(3, content);
            insert.setString(4, clock.instant().toString());
            return insert.executeUpdate() == 1;
        }
    }

    private static final String SELECT_PRESENT = """
            SELECT 1 FROM attachment WHERE terminal_id = ? AND sha256 = ?
            """;

    /** Whether {@code terminalId} has uploaded the attachment named {@code sha256}. */
    public boolean isPresent(Connection connection, String terminalId, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_PRESENT)) {
            select.setString(1, terminalId);
            select.setString(2, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
