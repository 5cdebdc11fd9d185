package org.onetrip.store.region;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.db.Database;

/** The divisions in the store's {@code division} table: imported whole in one transaction, loaded at start. */
public final class DivisionStore {
    private final Database db;

    public DivisionStore(Database db) {
        this.db = db;
    }

    private static final String UPSERT = """
            INSERT INTO division (code, name, level, parent, edition) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,
                parent = excluded.parent, edition = excluded.edition""";

    private static final String ROWS = "SELECT code, name, level, parent, edition FROM division";

    /**
     * Adds or renames the divisions of {@code divisions} the table does not hold as they are; returns how many
     * rows were written (none on an ordinary start, which then writes nothing and waits for no fsync).
     */
    public int importDivisions(Divisions divisions, String edition) {
        Map<String, String> stored = db.read(c -> {
            Map<String, String> rows = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ROWS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return rows;
        });
        List<Division> changed = divisions.all().stream()
                .filter(d -> !row(d.name(), d.level().name(), parent(d), edition).equals(stored.get(d.code().code())))
                .toList();
        if (changed.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Division d : changed) {
                    ps.setString(1, d.code().code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.level().name());
                    ps.setString(4, parent(d));
                    ps.setString(5, edition);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return changed.size();
        });
    }

    private static String parent(Division d) {
        return d.code().parent().map(RegionCode::code).orElse(null);
    }

    private static String row(String name, String level, String parent, String edition) {
        return name + '|' + level + '|' + parent + '|' + edition;
    }

    private static final String ALL = "SELECT code, name FROM division";

    public Divisions load() {
        return db.read(c -> {
            List<Division> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ALL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Division(RegionCode.of(rs.getString(1)), rs.getString(2)));
                }
            }
            return Divisions.builder().addAll(all).build();
        });
    }
}
