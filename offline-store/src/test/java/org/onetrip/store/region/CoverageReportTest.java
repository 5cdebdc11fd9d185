package org.onetrip.store.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.Level;
import org.onetrip.store.catalog.RegionCode;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CoverageReportTest {
    private static final Divisions DIVISIONS = DivisionFiles.shipped();

    private static Catalog county(String code) {
        return CatalogBundle.resource("catalog-" + code).verify(CatalogBundle.demoAuthority());
    }

    /** Per level: offered, at most one visit, no visit, at a terminal (as authored in make_catalogs.py). */
    private static final int[][] PER_LEVEL = {{4, 4, 4, 4}, {5, 5, 5, 5}, {27, 26, 20, 26}, {8, 8, 7, 7},
            {4, 4, 4, 4}};

    @ParameterizedTest
    @CsvSource({"340121, 340000000000", "340121, 340100000000", "340121, 340121000000", "340121, 340121100000",
            "340121, 340121100004", "230881, 230000000000", "230881, 230800000000", "230881, 230881000000",
            "230881, 230881101000", "230881, 230881101200"})
    void the_report_is_right_for_a_terminal_at_any_level_of_either_county(String countyCode, String terminal) {
        RegionCode at = RegionCode.of(terminal);
        CoverageReport report = CoverageReport.of(county(countyCode), at, DIVISIONS);

        assertEquals(at.level().ordinal() + 1, report.levels().size());
        int[] total = new int[4];
        for (CoverageReport.Row row : report.levels()) {
            int[] want = PER_LEVEL[row.level().ordinal()];
            assertEquals(List.of(want[0], want[1], want[2], want[3]),
                    List.of(row.offered(), row.atMostOneVisit(), row.noVisit(), row.atTerminal()), row.toString());
            for (int i = 0; i < 4; i++) {
                total[i] += want[i];
            }
        }
        assertEquals(List.of(total[0], total[1], total[2], total[3]), List.of(report.total().offered(),
                report.total().atMostOneVisit(), report.total().noVisit(), report.total().atTerminal()));
        assertEquals(DIVISIONS.nameOf(at), report.total().name());
    }

    @Test
    void every_division_of_both_counties_gets_a_consistent_report() {
        for (String countyCode : List.of("340121", "230881")) {
            Catalog catalog = county(countyCode);
            DIVISIONS.all().stream().filter(d -> d.code().code().startsWith(countyCode)).forEach(d -> {
                CoverageReport r = CoverageReport.of(catalog, d.code(), DIVISIONS);
                assertEquals(r.levels().stream().mapToInt(CoverageReport.Row::offered).sum(), r.total().offered());
                assertEquals(catalog.offeredAt(d.code()).size(), r.total().offered());
                assertEquals(d.level() == Level.VILLAGE ? 48 : d.level() == Level.TOWNSHIP ? 44 : 36,
                        r.total().offered(), d.toString());
            });
        }
    }

    @Test
    void csv_and_json_carry_the_same_numbers() {
        CoverageReport report = CoverageReport.of(county("340121"), RegionCode.of("340121100004"), DIVISIONS);

        List<String> csv = report.toCsv().lines().toList();
        assertEquals(7, csv.size());
        assertEquals("COUNTY,340121000000,\"长丰县\",27,26,20,26,0.9630,0.7407,0.9630", csv.get(3));
        assertTrue(csv.get(6).startsWith("TOTAL,340121100004,\"锦湖社区居民委员会\",48,47,40,46,"));
        JsonNode json = JsonMapper.builder().build().readTree(report.toJson());
        assertEquals(5, json.path("levels").size());
        assertEquals(0.7407, json.path("levels").get(2).path("shareNoVisit").asDouble(), 1e-9);
        assertEquals(48, json.path("total").path("offered").asInt());
    }
}
