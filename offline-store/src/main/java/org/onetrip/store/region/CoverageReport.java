package org.onetrip.store.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.Level;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.catalog.ServiceItem;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the reform measures (省市县乡村五级全覆盖、最多跑一次): for each level of a terminal's chain, how many items
 * are offered from that level, and what share of them need at most one visit (最多跑一次), none (不见面), and can
 * be applied for at a terminal (是否支持终端办理). The last row is the terminal's whole offer.
 */
public record CoverageReport(RegionCode terminal, String catalogVersion, List<Row> levels, Row total) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One level of the chain (or, with a null level, the total).
     *
     * @param atMostOneVisit items with 到办事现场次数 ≤ 1
     * @param noVisit        items with 0 visits
     * @param atTerminal     items the terminal can take (是否支持终端办理)
     */
    public record Row(Level level, RegionCode code, String name, int offered, int atMostOneVisit, int noVisit,
                      int atTerminal) {
        public double shareAtMostOneVisit() {
            return share(atMostOneVisit);
        }

        public double shareNoVisit() {
            return share(noVisit);
        }

        public double shareAtTerminal() {
            return share(atTerminal);
        }

        private double share(int n) {
            return offered == 0 ? 0 : (double) n / offered;
        }
    }

    public static CoverageReport of(Catalog catalog, RegionCode terminal, Divisions divisions) {
        List<ServiceItem> offered = catalog.offeredAt(terminal);
        List<Row> rows = new ArrayList<>();
        for (RegionCode link : terminal.chain()) {
            rows.add(row(link.level(), link, divisions.nameOf(link),
                    offered.stream().filter(i -> i.regionCode().equals(link)).toList()));
        }
        return new CoverageReport(terminal, catalog.version(), List.copyOf(rows),
                row(null, terminal, divisions.nameOf(terminal), offered));
    }

    private static Row row(Level level, RegionCode code, String name, List<ServiceItem> items) {
        return new Row(level, code, name, items.size(),
                (int) items.stream().filter(ServiceItem::atMostOneVisit).count(),
                (int) items.stream().filter(ServiceItem::noVisit).count(),
                (int) items.stream().filter(ServiceItem::terminal).count());
    }

    private static final String CSV_HEADER = "level,code,name,offered,at_most_one_visit,no_visit,at_terminal,"
            + "share_at_most_one_visit,share_no_visit,share_at_terminal";

    /** One line per level and a {@code TOTAL} line; shares as fractions with four decimals. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        List<Row> all = new ArrayList<>(levels);
        all.add(total);
        for (Row r : all) {
            out.append(r.level() == null ? "TOTAL" : r.level().name()).append(',')
                    .append(r.code()).append(',')
                    .append('"').append(r.name().replace("\"", "\"\"")).append('"').append(',')
                    .append(r.offered()).append(',').append(r.atMostOneVisit()).append(',')
                    .append(r.noVisit()).append(',').append(r.atTerminal()).append(',')
                    .append(fraction(r.shareAtMostOneVisit())).append(',')
                    .append(fraction(r.shareNoVisit())).append(',')
                    .append(fraction(r.shareAtTerminal())).append('\n');
        }
        return out.toString();
    }

    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("terminal", terminal.code());
        doc.put("catalogVersion", catalogVersion);
        doc.put("levels", levels.stream().map(CoverageReport::json).toList());
        doc.put("total", json(total));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }

    private static Map<String, Object> json(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.level() != null) {
            m.put("level", r.level().name());
        }
        m.put("code", r.code().code());
        m.put("name", r.name());
        m.put("offered", r.offered());
        m.put("atMostOneVisit", r.atMostOneVisit());
        m.put("noVisit", r.noVisit());
        m.put("atTerminal", r.atTerminal());
        m.put("shareAtMostOneVisit", Double.valueOf(fraction(r.shareAtMostOneVisit())));
        m.put("shareNoVisit", Double.valueOf(fraction(r.shareNoVisit())));
        m.put("shareAtTerminal", Double.valueOf(fraction(r.shareAtTerminal())));
        return m;
    }

    private static String fraction(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
