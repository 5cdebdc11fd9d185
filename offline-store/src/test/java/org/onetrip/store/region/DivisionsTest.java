package org.onetrip.store.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.testing.StoreFixture;

class DivisionsTest {
    private static final Divisions SHIPPED = DivisionFiles.shipped();

    @Test
    void the_chain_of_a_village_terminal_is_named_from_province_to_village() {
        assertEquals(List.of("安徽省", "合肥市", "长丰县", "水湖镇", "锦湖社区居民委员会"),
                SHIPPED.chain(RegionCode.of("340121100004")).stream().map(Division::name).toList());
        assertEquals(List.of("黑龙江省", "佳木斯市", "同江市"),
                SHIPPED.chain(RegionCode.of("230881000000")).stream().map(Division::name).toList());
    }

    @Test
    void validation_names_what_is_wrong_with_a_code() {
        assertTrue(SHIPPED.problems("340121100004").isEmpty());
        assertTrue(SHIPPED.problems("34012110000").getFirst().contains("12 digits"));
        assertTrue(SHIPPED.problems("３４０１２１１００００４").getFirst().contains("12 digits"), "full-width digits");
        assertTrue(SHIPPED.problems("340100000123").getFirst().contains("zero segment"));
        assertTrue(SHIPPED.problems("340121100999").getFirst().contains("no village 340121100999"));
        assertTrue(SHIPPED.problems("340122100001").stream().anyMatch(p -> p.contains("streets-")),
                "a county whose files were not provisioned says which files to add");
    }

    @Test
    void the_shipped_files_hold_the_country_and_both_counties_down_to_villages() {
        assertEquals(16, SHIPPED.children(RegionCode.of("340121000000")).size());
        assertEquals(23, SHIPPED.children(RegionCode.of("230881000000")).size());
        assertEquals(31, SHIPPED.all().stream().filter(d -> d.level().name().equals("PROVINCE")).count());
        assertTrue(SHIPPED.size() > 3300);
    }

    @Test
    void any_county_is_imported_from_files_in_the_same_format(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("provinces.csv"), "code,name\n64,\"宁夏回族自治区\"\n");
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n6405,\"中卫市\",64\n");
        Files.writeString(dir.resolve("areas.csv"), "code,name,cityCode,provinceCode\n640522,\"海原县\",6405,64\n");
        Files.writeString(dir.resolve("streets-640522.csv"),
                "code,name,areaCode,provinceCode,cityCode\n640522100,\"海城镇\",640522,64,6405\n");
        Files.writeString(dir.resolve("villages-640522.csv"),
                "code,name,streetCode,provinceCode,cityCode,areaCode\n640522100201,\"山门村委会\",640522100,64,6405,640522\n");

        Divisions haiyuan = DivisionFiles.read(dir);

        assertEquals("山门村委会", haiyuan.chain(RegionCode.of("640522100201")).getLast().name());
        var e = assertThrows(RegionException.class, () -> DivisionFiles.parse(
                new StringReader("code,name\n6405221,\"坏\"\n"), "bad.csv"));
        assertTrue(e.getMessage().contains("bad.csv line 2"), e.getMessage());
    }

    @Test
    void divisions_are_kept_in_the_store(@TempDir Path dir) {
        try (StoreFixture fx = new StoreFixture(dir.resolve("onetrip.db"))) {
            DivisionStore store = new DivisionStore(fx.db);
            assertEquals(SHIPPED.size(), store.importDivisions(SHIPPED, "2023"));

            Divisions loaded = store.load();

            assertEquals(SHIPPED.size(), loaded.size());
            assertEquals("新发村委会", loaded.nameOf(RegionCode.of("230881100201")));
        }
    }

    @Test
    void importing_the_same_divisions_again_writes_nothing_and_a_renamed_one_is_written(@TempDir Path dir) {
        try (StoreFixture fx = new StoreFixture(dir.resolve("onetrip.db"))) {
            DivisionStore store = new DivisionStore(fx.db);
            store.importDivisions(SHIPPED, "2023");

            assertEquals(0, store.importDivisions(SHIPPED, "2023"));

            RegionCode village = RegionCode.of("230881100201");
            List<Division> renamed = SHIPPED.all().stream()
                    .map(d -> d.code().equals(village) ? new Division(village, "新发村") : d).toList();
            assertEquals(1, store.importDivisions(Divisions.builder().addAll(renamed).build(), "2023"));
            assertEquals("新发村", store.load().nameOf(village));
            assertEquals(SHIPPED.size(), store.importDivisions(SHIPPED, "2024"));
        }
    }
}
