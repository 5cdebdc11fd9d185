package org.onetrip.store.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogSearchTest {
    private static final RegionCode JINHU = RegionCode.of("340121100004");
    private static final Catalog CATALOG = CatalogBundle.resource("catalog-340121").verify(CatalogBundle.demoAuthority());
    private static final CatalogSearch SEARCH = new CatalogSearch(CATALOG, Synonyms.standard());

    private static List<String> names(String query) {
        return SEARCH.search(query, JINHU, null, 50).items().stream().map(ServiceItem::name).toList();
    }

    @Test
    void initials_ylbx_find_the_medical_insurance_items() {
        List<String> found = names("ylbx");

        assertTrue(found.contains("城乡居民基本医疗保险参保登记"), found.toString());
        assertTrue(found.stream().allMatch(n -> n.contains("医疗保险") || n.contains("养老保险")),
                "养老保险 reads ylbx too: " + found);
    }

    @Test
    void full_spelling_partial_spelling_and_mixed_spelling_find_the_same_item() {
        for (String q : List.of("gaolingjintie", "gaoling", "gljt", "gaolj", "GaoLing")) {
            assertEquals("高龄津贴申请", names(q).getFirst(), q);
        }
    }

    @Test
    void chinese_substrings_find_items_anywhere_in_the_name() {
        assertTrue(names("宅基地").containsAll(List.of("农村宅基地和村民建房审批",
                "农村宅基地和村民建房申请受理（村级审查）")));
        assertEquals("残疾人两项补贴申请", names("两项补贴").getFirst());
    }

    @Test
    void everyday_words_find_the_items_they_mean_in_characters_and_in_pinyin() {
        for (String q : List.of("低保", "dibao", "db")) {
            assertTrue(names(q).subList(0, 2).containsAll(List.of("困难群众救助代办（低保、特困、临时救助）", "最低生活保障申请")),
                    q + ": " + names(q));
        }
        assertTrue(names("养老金").contains("城乡居民基本养老保险待遇领取"), names("养老金").toString());
        assertTrue(names("盖房").contains("农村宅基地和村民建房审批"));
        assertTrue(names("种粮补贴").contains("耕地地力保护补贴申报"));
    }

    @Test
    void high_frequency_items_come_first_then_the_nearest_level() {
        List<String> hits = names("butie");

        assertEquals(List.of("残疾人两项补贴申请", "耕地地力保护补贴申报", "农机购置与应用补贴申请", "职业技能培训补贴申领"), hits,
                "high-frequency (township) first, then county before city");
        List<String> building = names("jianfang");
        assertEquals(List.of("农村宅基地和村民建房申请受理（村级审查）", "农村宅基地和村民建房审批"), building, "village before township");
    }

    @Test
    void a_theme_lists_its_items_and_narrows_a_query() {
        var marriage = SEARCH.search("", JINHU, "婚姻", 50);
        assertEquals(List.of("婚姻登记预约"), marriage.items().stream().map(ServiceItem::name).toList());
        var afterDeath = SEARCH.search("", JINHU, "身后事", 50).items().stream().map(ServiceItem::name).toList();
        assertTrue(afterDeath.containsAll(List.of("惠民殡葬补助申领", "居民死亡户口注销")), afterDeath.toString());
        assertTrue(SEARCH.search("baoxian", JINHU, "身后事", 50).items().stream()
                .allMatch(i -> i.themes().contains("身后事")));
    }

    @Test
    void only_items_offered_at_the_terminal_are_found_and_several_words_must_all_match() {
        var atJinhu = SEARCH.search("高龄津贴", JINHU, null, 50).items();
        assertEquals(1, atJinhu.size());
        assertEquals(RegionCode.of("340121100000"), atJinhu.getFirst().regionCode());
        assertTrue(SEARCH.search("养老 领取", JINHU, null, 50).items().stream()
                .allMatch(i -> i.name().contains("养老") && i.name().contains("领取")));
        assertEquals(0, SEARCH.search("qqqzzz", JINHU, null, 50).total());
    }
}
