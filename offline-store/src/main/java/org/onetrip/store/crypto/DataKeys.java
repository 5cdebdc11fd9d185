package org.onetrip.store.crypto;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the wrapped data key lives: the {@code setting} row {@code data_key}, as {@code <wrapper kind>:<hex>}. A
 * copy of the database carries the key only wrapped; without the key-encryption key it is useless.
 */
public final class DataKeys {
    private static final String SELECT = "SELECT value FROM setting WHERE name = 'data_key'";
    private static final String INSERT = "INSERT INTO setting (name, value) VALUES ('data_key', ?)";

    private DataKeys() {
    }

    /** The database's data key, unwrapped by {@code wrapper}; empty when the database has none yet. */
    public static Optional<DataKey> load(Connection c, KeyWrapper wrapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String value = rs.getString(1);
            int colon = value.indexOf(':');
            String kind = colon < 0 ? "?" : value.substring(0, colon);
            if (!kind.equals(wrapper.kind())) {
                throw new DataKeyException("data key: the database's key is wrapped by '" + kind + "', but this"
                        + " terminal unwraps with " + wrapper + " ('" + wrapper.kind() + "'); configure the '" + kind
                        + "' key store again, or restore its key file");
            }
            return Optional.of(DataKey.unwrap(HexFormat.of().parseHex(value.substring(colon + 1)), wrapper));
        }
    }

    /**
     * The database's data key; a new one, wrapped and stored in the caller's transaction, only when the database has
     * none (a new store, or one from before encryption). An existing key that cannot be unwrapped throws: it is never
     * replaced.
     */
    public static DataKey loadOrCreate(Connection c, KeyWrapper wrapper, SecureRandom random) throws SQLException {
        Optional<DataKey> existing = load(c, wrapper);
        if (existing.isPresent()) {
            return existing.get();
        }
        DataKey fresh = DataKey.generate(random);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, wrapper.kind() + ":" + HexFormat.of().formatHex(fresh.wrapWith(wrapper)));
            ps.executeUpdate();
        }
        return fresh;
    }
}
