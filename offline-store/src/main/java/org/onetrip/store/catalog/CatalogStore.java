package org.onetrip.store.catalog;

import java.io.IOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The catalog bundles a terminal has taken, in SQLite. A bundle is imported whole in one transaction only after
 * its signature verifies, and only if it is newer than the one in use; a refused bundle changes nothing. Item
 * versions that a sealed submission names ({@code submission.task_code, item_version}) are kept when a newer
 * bundle drops or revises them.
 */
public final class CatalogStore {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogStore(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import did. {@code unchanged}: the same version was already in use. */
    public record ImportResult(String version, int items, int keptForSubmissions, int removed, boolean unchanged) {
    }

    private static final String IN_USE = """
            SELECT version, issued_at, payload, signature FROM catalog_bundle WHERE in_use = 1""";
    private static final String RETIRE_BUNDLES = """
            UPDATE catalog_bundle SET in_use = 0, payload = NULL, signature = NULL WHERE in_use = 1""";
    private static final String INSERT_BUNDLE = """
            INSERT INTO catalog_bundle (version, issuer, issued_at, payload_sm3, item_count, imported_at, in_use,
                                        payload, signature)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)""";
    private static final String RETIRE_ITEMS = "UPDATE catalog_item SET in_use = 0 WHERE in_use = 1";
    private static final String UPSERT_ITEM = """
            INSERT INTO catalog_item (task_code, version, bundle_version, region_code, name, body, in_use)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (task_code, version) DO UPDATE SET bundle_version = excluded.bundle_version,
                region_code = excluded.region_code, name = excluded.name, body = excluded.body, in_use = 1""";
    private static final String KEPT = """
            SELECT count(*) FROM catalog_item WHERE in_use = 0""";
    private static final String DROP_UNREFERENCED = """
            DELETE FROM catalog_item WHERE in_use = 0 AND NOT EXISTS (
                SELECT 1 FROM submission s WHERE s.task_code = catalog_item.task_code
                                             AND s.item_version = catalog_item.version)""";

    /**
     * Verifies {@code bundle} against {@code trustedAuthority} and makes it the catalog in use.
     *
     * @throws CatalogException when the signature is bad, the bundle malformed, or older than the one in use;
     *                          the database is then exactly as before
     */
    public ImportResult importBundle(CatalogBundle bundle, PublicKey trustedAuthority) {
        Catalog catalog = bundle.verify(trustedAuthority);
        List<JsonNode> itemNodes = new ArrayList<>();
        try {
            Catalog.json().readTree(bundle.payload()).path("items").forEach(itemNodes::add);
        } catch (JacksonException e) {
            throw new CatalogException("catalog bundle " + catalog.version() + ": " + e.getOriginalMessage(), e);
        }
        return db.inTransaction(c -> {
            Optional<InUse> current = inUse(c);
            if (current.isPresent() && current.get().version().equals(catalog.version())) {
                return new ImportResult(catalog.version(), catalog.items().size(), 0, 0, true);
            }
            if (current.isPresent() && !catalog.issuedAt().isAfter(current.get().issuedAt())) {
                throw new CatalogException("catalog bundle " + catalog.version() + " (issued " + catalog.issuedAt()
                        + ") is not newer than " + current.get().version() + " in use; nothing was imported");
            }
            try (PreparedStatement retire = c.prepareStatement(RETIRE_BUNDLES);
                 PreparedStatement insert = c.prepareStatement(INSERT_BUNDLE);
                 PreparedStatement retireItems = c.prepareStatement(RETIRE_ITEMS);
                 PreparedStatement upsert = c.prepareStatement(UPSERT_ITEM)) {
                retire.executeUpdate();
                insert.setString(1, catalog.version());
                insert.setString(2, catalog.issuer());
                insert.setString(3, catalog.issuedAt().toString());
                insert.setString(4, bundle.sm3Hex());
                insert.setInt(5, catalog.items().size());
                insert.setString(6, clock.instant().toString());
                insert.setBytes(7, bundle.payload());
                insert.setBytes(8, bundle.signature());
                insert.executeUpdate();
                retireItems.executeUpdate();
                for (int i = 0; i < itemNodes.size(); i++) {
                    ServiceItem item = catalog.items().get(i);
                    upsert.setString(1, item.taskCode());
                    upsert.setInt(2, item.version());
                    upsert.setString(3, catalog.version());
                    upsert.setString(4, item.regionCode().code());
                    upsert.setString(5, item.name());
                    upsert.setString(6, itemNodes.get(i).toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            int removed;
            try (PreparedStatement drop = c.prepareStatement(DROP_UNREFERENCED)) {
                removed = drop.executeUpdate();
            }
            int kept = count(c, KEPT);
            audit.append(c, "catalog", "catalog.import", catalog.version(),
                    "items=" + catalog.items().size() + " kept=" + kept + " sm3=" + bundle.sm3Hex());
            return new ImportResult(catalog.version(), catalog.items().size(), kept, removed, false);
        });
    }

    private record InUse(String version, Instant issuedAt, byte[] payload, byte[] signature) {
    }

    private static Optional<InUse> inUse(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IN_USE); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new InUse(rs.getString(1), Instant.parse(rs.getString(2)), rs.getBytes(3),
                    rs.getBytes(4)));
        }
    }

    /** The catalog in use, re-verified from its stored signed payload; empty when none was imported yet. */
    public Optional<Catalog> inUse(PublicKey trustedAuthority) {
        return bundleInUse().map(b -> b.verify(trustedAuthority));
    }

    /** The signed bundle in use as stored, not yet verified; empty when none was imported yet. */
    public Optional<CatalogBundle> bundleInUse() {
        return db.read(CatalogStore::inUse).map(b -> new CatalogBundle(b.payload(), b.signature()));
    }

    public Optional<String> versionInUse() {
        return db.read(CatalogStore::inUse).map(InUse::version);
    }

    private static final String ITEM_VERSION = """
            SELECT body FROM catalog_item WHERE task_code = ? AND version = ?""";

    /** One version of an item, in use or kept for a sealed submission that names it. */
    public Optional<ServiceItem> item(String taskCode, int version) {
        String body = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ITEM_VERSION)) {
                ps.setString(1, taskCode);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Catalog.parseItem(Catalog.json().readTree(body)));
        } catch (IOException | JacksonException e) {
            throw new CatalogException("catalog item " + taskCode + " v" + version + " in the database: "
                    + e.getMessage(), e);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
