package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onetrip.store.region.Division;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.Divisions;

class ShippedCatalogsTest {
    private static final Divisions DIVISIONS = DivisionFiles.shipped();

    @ParameterizedTest
    @CsvSource({"340121, 340121100004", "230881, 230881100201"})
    void each_county_bundle_is_signed_by_the_demo_authority_and_offers_forty_items_across_five_levels_at_a_village(
            String county, String village) {
        Catalog catalog = CatalogBundle.resource("catalog-" + county).verify(CatalogBundle.demoAuthority());
        List<ServiceItem> offered = catalog.offeredAt(RegionCode.of(village));

        assertTrue(offered.size() >= 40, "offered: " + offered.size());
        assertEquals(EnumSet.allOf(Level.class), offered.stream().map(ServiceItem::level)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Level.class))));
        Set<String> themes = offered.stream().flatMap(i -> i.themes().stream()).collect(Collectors.toSet());
        assertTrue(themes.containsAll(List.of("生育", "上学", "就业", "养老", "救助", "婚姻", "建房", "务农", "身后事")),
                themes.toString());
        assertTrue(offered.getFirst().highFrequency());
        Set<WaiverRoute> routes = offered.stream().flatMap(i -> i.materials().stream()).map(Material::waiver)
                .collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(WaiverRoute.class), routes, "every waiver route is used");
        assertTrue(offered.stream().allMatch(i -> i.fields().stream().anyMatch(f -> f.key().equals("phone"))));
        assertTrue(offered.stream().filter(ServiceItem::noVisit).count() < offered.size());
    }

    @ParameterizedTest
    @CsvSource({"340121", "230881"})
    void every_township_and_village_of_the_county_has_its_own_implementations(String county) {
        Catalog catalog = CatalogBundle.resource("catalog-" + county).verify(CatalogBundle.demoAuthority());
        Set<RegionCode> implemented = catalog.items().stream().map(ServiceItem::regionCode).collect(Collectors.toSet());
        List<Division> below = DIVISIONS.all().stream()
                .filter(d -> d.code().code().startsWith(county) && d.level().ordinal() >= Level.TOWNSHIP.ordinal())
                .toList();

        assertTrue(below.size() > 100);
        below.forEach(d -> assertTrue(implemented.contains(d.code()), d.name() + " " + d.code()));
        catalog.items().forEach(i -> assertTrue(DIVISIONS.problems(i.regionCode().code()).isEmpty(), i.taskCode()));
    }

    @org.junit.jupiter.api.Test
    void the_changfeng_catalog_keeps_the_pension_item_the_journey_test_clicks() {
        Catalog catalog = CatalogBundle.resource("catalog-340121").verify(CatalogBundle.demoAuthority());
        ServiceItem pension = catalog.find("113401210034512345205002001").orElseThrow();

        assertEquals("城乡居民基本养老保险待遇领取", pension.name());
        assertEquals("长丰县人力资源和社会保障局", pension.department());
        assertEquals(RegionCode.of("340121000000"), pension.regionCode());
        assertEquals(WaiverRoute.ON_FILE, pension.materials().get(2).waiver());
    }
}
