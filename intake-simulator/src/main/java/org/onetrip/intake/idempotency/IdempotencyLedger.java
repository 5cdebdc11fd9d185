package org.onetrip.intake.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onetrip.intake.http.Reply;

/**
 * The table of used idempotency keys, keyed by terminal, endpoint and key, holding the SHA-256 of the first
 * body and the first answer's bytes. Keys are per endpoint, so a terminal may key a rating by the submission
 * it rates.
 */
public final class IdempotencyLedger {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The key when {@code header} is a UUID in its canonical 8-4-4-4-12 form, else empty. */
    public static Optional<UUID> parseKey(String header) {
        if (header == null || !CANONICAL_UUID.matcher(header.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(header.trim().toLowerCase(Locale.ROOT)));
    }

    /** The 400 for a missing or malformed key. */
    public static Reply missingKey() {
        return Reply.reason(400, HEADER + " header must be a UUID (8-4-4-4-12 hex)");
    }

    private static final String SELECT_KEY = """
            SELECT body_sha256, response_body FROM idempotency
            WHERE terminal_id = ? AND endpoint = ? AND idempotency_key = ?
            """;

    /** The answer to a repeat of {@code key}: 200 with the first answer, or 409; empty on first use. */
    public Optional<Reply> repeat(Connection connection, String terminalId, String endpoint, UUID key, byte[] body)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_KEY)) {
            select.setString(1, terminalId);
            select.setString(2, endpoint);
            select.setString(3, key.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                if (!row.getString("body_sha256").equals(sha256Hex(body))) {
                    return Optional.of(Reply.reason(409, HEADER + " " + key
                            + " was already used with a different body; a new request needs a new key"));
                }
                return Optional.of(new Reply(200, row.getBytes("response_body")));
            }
        }
    }

    private static final String INSERT_KEY = """
            INSERT INTO idempotency (terminal_id, endpoint, idempotency_key, body_sha256, response_body, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    /** Records the first use of {@code key}, with the answer that repeats will get. */
    public void record(Connection connection, String terminalId, String endpoint, UUID key, byte[] body,
                       Reply firstAnswer, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_KEY)) {
            insert.setString(1, terminalId);
            insert.setString(2, endpoint);
            insert.setString(3, key.toString());
            insert.setString(4, sha256Hex(body));
            insert.setBytes(5, firstAnswer.body());
            insert.setString(6, at.toString());
            insert.executeUpdate();
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
