package org.onetrip.intake.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.http.Endpoint;
import org.onetrip.intake.http.Reply;
import org.onetrip.intake.http.SignedRequest;
import org.onetrip.store.uplink.IntakeClient;

/** Published catalog bundles by version, and the endpoint that serves the newest one to terminals behind it. */
public final class CatalogShelf implements Endpoint {
    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private final IntakeDatabase database;
    private final Clock clock;

    public CatalogShelf(IntakeDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    private static final String UPSERT = """
            INSERT INTO catalog_bundle (version, body, published_at) VALUES (?, ?, ?)
            ON CONFLICT (version) DO UPDATE SET body = excluded.body, published_at = excluded.published_at
            """;

    /** Publishes {@code bundle} as {@code version}; terminals behind it get it on their next pull. */
    public void publish(long version, byte[] bundle) {
        if (version < 1) {
            throw new IllegalArgumentException("catalog: a version is a positive number, got " + version);
        }
        database.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setLong(1, version);
                upsert.setBytes(2, bundle);
                upsert.setString(3, clock.instant().toString());
                return upsert.executeUpdate();
            }
        });
    }

    private static final String NEWEST = """
            SELECT version, body FROM catalog_bundle WHERE version > ? ORDER BY version DESC LIMIT 1
            """;

    @Override
    public Reply handle(SignedRequest request) {
        // A terminal sends the version label of the catalog it uses ("340121-2026.11.1"); the shelf numbers what
        // it publishes. A label it cannot place gets the newest bundle: the terminal imports it only when it was
        // issued later than its own (CatalogStore), so an older one changes nothing there.
        long after = request.queryParameter("since").filter(v -> VERSION.matcher(v).matches())
                .map(Long::parseLong).orElse(0L);
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(NEWEST)) {
                select.setLong(1, after);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Reply.noContent();
                    }
                    return new Reply(200, row.getBytes("body"),
                            Map.of(IntakeClient.CATALOG_VERSION_HEADER, Long.toString(row.getLong("version"))));
                }
            }
        });
    }
}
