package org.onetrip.store.region;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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

    /** Adds or renames every division of {@code divisions}; returns how many rows were written. */
    public int importDivisions(Divisions divisions, String edition) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Division d : divisions.all()) {
                    ps.setString(1, d.code().code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.level().name());
                    ps.setString(4, d.code().parent().map(RegionCode::code).orElse(null));
                    ps.setString(5, edition);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return divisions.size();
        });
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
