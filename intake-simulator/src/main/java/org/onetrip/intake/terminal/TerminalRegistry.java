package org.onetrip.intake.terminal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

/**
 * Which terminals the server trusts. Enrolments and revocations are kept in the database; made before the
 * database is attached (the simulator not started yet) they are held and written on {@link #attach}, where
 * they win over what the file remembers.
 */
public final class TerminalRegistry {
    private final Clock clock;
    private final Map<String, Standing> terminals = new LinkedHashMap<>();
    private IntakeDatabase database;

    private record Standing(String publicKeyPem, PublicKey key, boolean revoked) {
    }

    public TerminalRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Trusts {@code publicKeyPem} (SM2, X.509 SubjectPublicKeyInfo PEM) for {@code terminalId}; lifts a revocation. */
    public synchronized void enroll(String terminalId, String publicKeyPem) {
        requireId(terminalId);
        PublicKey key;
        try {
            key = Sm2.parsePublicKey(publicKeyPem == null ? "" : publicKeyPem);
        } catch (CryptoException e) {
            throw new IllegalArgumentException("terminal[" + terminalId + "]: cannot enrol: " + e.getMessage(), e);
        }
        remember(terminalId, new Standing(publicKeyPem, key, false));
    }

    /** Stops trusting {@code terminalId}: its requests get 403 until it is enrolled again. */
    public synchronized void revoke(String terminalId) {
        requireId(terminalId);
        Standing known = terminals.get(terminalId);
        remember(terminalId, known == null ? new Standing(null, null, true)
                : new Standing(known.publicKeyPem(), known.key(), true));
    }

    public synchronized Optional<PublicKey> trustedKey(String terminalId) {
        Standing standing = terminals.get(terminalId);
        return standing == null || standing.revoked() ? Optional.empty() : Optional.ofNullable(standing.key());
    }

    public synchronized boolean isRevoked(String terminalId) {
        Standing standing = terminals.get(terminalId);
        return standing != null && standing.revoked();
    }

    /** Loads the terminals the file remembers, then writes those enrolled or revoked since. */
    public synchronized void attach(IntakeDatabase attached) {
        attached.inTransaction(connection -> {
            loadMissing(connection);
            for (Map.Entry<String, Standing> entry : terminals.entrySet()) {
                save(connection, entry.getKey(), entry.getValue());
            }
            return null;
        });
        this.database = attached;
    }

    public synchronized void detach() {
        this.database = null;
    }

    private void remember(String terminalId, Standing standing) {
        if (database != null) {
            database.inTransaction(connection -> {
                save(connection, terminalId, standing);
                return null;
            });
        }
        terminals.put(terminalId, standing);
    }

    private static final String SELECT_TERMINALS = """
            SELECT terminal_id, public_key_pem, revoked FROM terminal
            """;

    private void loadMissing(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_TERMINALS);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String pem = rows.getString("public_key_pem");
                PublicKey key = pem == null ? null : Sm2.parsePublicKey(pem);
                terminals.putIfAbsent(rows.getString("terminal_id"),
                        new Standing(pem, key, rows.getInt("revoked") == 1));
            }
        }
    }

    private static final String UPSERT_TERMINAL = """
            INSERT INTO terminal (terminal_id, public_key_pem, revoked, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (terminal_id) DO UPDATE SET
                public_key_pem = excluded.public_key_pem,
                revoked = excluded.revoked,
                updated_at = excluded.updated_at
            """;

    private void save(Connection connection, String terminalId, Standing standing) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_TERMINAL)) {
            upsert.setString(1, terminalId);
            upsert.setString(2, standing.publicKeyPem());
            upsert.setInt(3, standing.revoked() ? 1 : 0);
            upsert.setString(4, clock.instant().toString());
            upsert.executeUpdate();
        }
    }

    private static void requireId(String terminalId) {
        if (terminalId == null || terminalId.isBlank()) {
            throw new IllegalArgumentException("terminal registry: the terminal id is blank");
        }
    }
}
