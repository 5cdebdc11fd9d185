package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final RegionCode JINHU = RegionCode.of("340121100004");

    /** One item at each level of 锦湖社区's chain, and three it must not offer. */
    private static final String CATALOG = """
            {"version": "2026.03.1", "items": [
              %s, %s, %s, %s, %s,
              %s, %s, %s
            ]}""".formatted(
            item("province", "340000000000", false),
            item("city", "340100000000", true),
            item("county", "340121000000", false),
            item("township", "340121100000", true),
            item("village", "340121100004", false),
            item("sibling-county", "340122000000", true),
            item("sibling-village", "340121100005", false),
            item("other-province", "320000000000", true));

    @Test
    void a_village_terminal_offers_its_whole_chain_high_frequency_first_then_nearest_level() throws IOException {
        Catalog catalog = read(CATALOG);

        assertEquals(List.of("township", "city", "village", "county", "province"),
                catalog.offeredAt(JINHU).stream().map(ServiceItem::taskCode).toList());
    }

    @Test
    void a_county_terminal_offers_nothing_of_its_townships_or_villages() throws IOException {
        Catalog catalog = read(CATALOG);

        assertEquals(List.of("city", "county", "province"),
                catalog.offeredAt(RegionCode.of("340121000000")).stream().map(ServiceItem::taskCode).toList());
    }

    @Test
    void reading_keeps_the_items_fields_and_defaults() throws IOException {
        Catalog catalog = read("""
                {"version": "7", "items": [{
                  "taskCode": "T-1", "catalogCode": "000109001000", "name": "城乡居民基本养老保险参保登记",
                  "regionCode": "340121000000", "version": 3, "promiseDays": 5, "visits": 0, "highFrequency": true,
                  "themes": ["养老"],
                  "materials": [{"name": "户口簿", "waiver": "SHARED_DATA"}, {"name": "身份证"},
                                {"name": "照片", "required": false}],
                  "fields": [{"key": "name", "label": "姓名", "prefill": "card.name"},
                             {"key": "kind", "label": "类别", "input": "choice", "choices": ["a", "b"]}]
                }]}""");

        ServiceItem item = catalog.find("T-1").orElseThrow();
        assertEquals("7", catalog.version());
        assertEquals(Level.COUNTY, item.level());
        assertEquals(3, item.version());
        assertEquals(5, item.promiseDays());
        assertEquals("20", item.itemType());
        assertEquals(List.of("养老"), item.themes());
        assertEquals(List.of("身份证"), item.toBring().stream().map(Material::name).toList(),
                "a shared-data material and an optional one need not be brought");
        assertEquals("card.name", item.fields().get(0).prefill());
        assertEquals(List.of("a", "b"), item.fields().get(1).choices());
        assertEquals("text", item.fields().get(0).input());
        assertEquals(Optional.empty(), catalog.find("T-2"));
    }

    @Test
    void an_item_with_a_malformed_region_fails_naming_the_item() {
        IOException e = assertThrows(IOException.class, () -> read("""
                {"items": [%s, {"taskCode": "T-BAD", "catalogCode": "000109001000", "name": "x",
                                "regionCode": "3401"}]}""".formatted(item("fine", "340121000000", false))));

        assertTrue(e.getMessage().contains("T-BAD"), e.getMessage());
    }

    @Test
    void an_item_missing_its_name_or_with_an_unknown_waiver_fails_naming_the_item() {
        IOException noName = assertThrows(IOException.class, () -> read("""
                {"items": [{"taskCode": "T-NONAME", "catalogCode": "000109001000", "regionCode": "340121000000"}]}"""));
        IOException badWaiver = assertThrows(IOException.class, () -> read("""
                {"items": [{"taskCode": "T-WAIVER", "catalogCode": "000109001000", "name": "x",
                            "regionCode": "340121000000", "materials": [{"name": "m", "waiver": "MAYBE"}]}]}"""));

        assertTrue(noName.getMessage().contains("T-NONAME"), noName.getMessage());
        assertTrue(badWaiver.getMessage().contains("T-WAIVER"), badWaiver.getMessage());
    }

    @Test
    void a_document_that_is_not_json_fails_with_an_io_exception() {
        IOException e = assertThrows(IOException.class, () -> read("{\"items\": [ {\"taskCode\": "));

        assertTrue(e.getMessage().startsWith("catalog:"), e.getMessage());
    }

    private static String item(String taskCode, String region, boolean highFrequency) {
        return """
                {"taskCode": "%s", "catalogCode": "000109001000", "name": "%s", "regionCode": "%s",
                 "highFrequency": %s}""".formatted(taskCode, taskCode, region, highFrequency);
    }

    private static Catalog read(String json) throws IOException {
        return Catalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
