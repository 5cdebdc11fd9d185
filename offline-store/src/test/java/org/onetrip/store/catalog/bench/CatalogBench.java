package org.onetrip.store.catalog.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogSearch;
import org.onetrip.store.catalog.CatalogStore;
import org.onetrip.store.catalog.RegionCode;
import org.onetrip.store.catalog.ServiceItem;
import org.onetrip.store.catalog.Synonyms;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.DivisionStore;
import org.onetrip.store.region.Divisions;
import org.onetrip.store.testing.StoreFixture;
import org.onetrip.store.uplink.Sm2;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search latency per keystroke over a generated catalog of 50,000 items (all offered at one village terminal:
 * the worst case), import time of that catalog (verify + one SQLite transaction) and of a county's division files.
 *
 * <pre>bench/run.sh offline-store org.onetrip.store.catalog.bench.CatalogBench [items]</pre>
 */
public final class CatalogBench {
    private static final RegionCode VILLAGE = RegionCode.of("340121100004");
    private static final List<String> TYPED = List.of("ylbx", "dibao", "yanglaojin", "gaolingjintie", "zhaijidi",
            "shbzk", "低保", "养老金", "宅基地", "社会保障卡", "残疾人两项补贴", "gengdi butie");

    private CatalogBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path target = Files.isDirectory(Path.of("offline-store/target")) ? Path.of("offline-store/target")
                : Path.of("target");
        Path dir = Files.createTempDirectory(target, "catalog-bench");
        KeyPair authority = Sm2.generateKeyPair();
        byte[] document = generate(n);
        System.out.printf(Locale.ROOT, "generated catalog: %,d items, %,d bytes%n", n, document.length);

        long t0 = System.nanoTime();
        CatalogBundle bundle = CatalogBundle.sign(document, authority.getPrivate());
        long t1 = System.nanoTime();
        Catalog catalog = bundle.verify(authority.getPublic());
        long t2 = System.nanoTime();
        CatalogSearch search = new CatalogSearch(catalog, Synonyms.standard());
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "sign %.0f ms, verify+parse %.0f ms, search index %.0f ms%n", ms(t1 - t0),
                ms(t2 - t1), ms(t3 - t2));

        try (StoreFixture fx = new StoreFixture(dir.resolve("bench.db"))) {
            CatalogStore store = new CatalogStore(fx.db, fx.audit, fx.clock);
            long s = System.nanoTime();
            store.importBundle(bundle, authority.getPublic());
            System.out.printf(Locale.ROOT, "import into SQLite (verify, parse, one transaction): %.0f ms%n",
                    ms(System.nanoTime() - s));

            long d0 = System.nanoTime();
            Divisions national = DivisionFiles.shipped();
            long d1 = System.nanoTime();
            new DivisionStore(fx.db).importDivisions(national, "2023");
            long d2 = System.nanoTime();
            long county = national.all().stream().filter(d -> d.code().code().startsWith("340121")).count();
            System.out.printf(Locale.ROOT, "division files (national + 2 counties, %,d divisions, %,d in 340121):"
                    + " read %.0f ms, import %.0f ms%n", national.size(), county, ms(d1 - d0), ms(d2 - d1));
        }

        int rounds = 30;
        List<Long> all = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> worst = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds + 10; round++) {
            for (String word : TYPED) {
                for (int k = 1; k <= word.length(); k++) {
                    String typed = word.substring(0, k);
                    long c0 = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    CatalogSearch.Result r = search.search(typed, VILLAGE, null, 60);
                    long took = System.nanoTime() - s;
                    long cpuTook = threads.getCurrentThreadCpuTime() - c0;
                    if (r.items().isEmpty() && k == word.length()) {
                        throw new IllegalStateException("no hit for " + typed);
                    }
                    if (round >= 10) {
                        all.add(took);
                        cpu.add(cpuTook);
                        worst.merge(typed, took, Long::sum);
                    }
                }
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "search per keystroke over %,d items (%,d keystrokes after warm-up):"
                        + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", n, sorted.length,
                ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
        long[] cpuSorted = cpu.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  the same in CPU time of the searching thread (what contention does not"
                        + " inflate): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(pct(cpuSorted, 50)),
                ms(pct(cpuSorted, 90)), ms(pct(cpuSorted, 99)), ms(cpuSorted[cpuSorted.length - 1]));
        worst.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .limit(8).forEach(w -> System.out.printf(Locale.ROOT, "  mean %6.2f ms  '%s'%n",
                        ms(w.getValue() / rounds), w.getKey()));
        long s = System.nanoTime();
        CatalogSearch.Result theme = search.search("", VILLAGE, "养老", 60);
        System.out.printf(Locale.ROOT, "browse theme 养老: %,d items in %.2f ms%n", theme.total(),
                ms(System.nanoTime() - s));
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Items named from the real demo items with regional and variant words, spread over the village's chain. */
    private static byte[] generate(int n) {
        Catalog real = CatalogBundle.resource("catalog-340121").verify(CatalogBundle.demoAuthority());
        List<ServiceItem> seeds = new ArrayList<>(real.items().stream()
                .collect(java.util.stream.Collectors.toMap(ServiceItem::name, i -> i, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values());
        String[] prefixes = {"", "农村", "城镇", "城乡", "困难家庭", "老年人", "残疾人", "退役军人", "新生儿", "外来务工人员"};
        String[] suffixes = {"", "申请", "变更", "注销", "补办", "查询", "备案", "年审", "续期", "资格认定"};
        List<RegionCode> chain = VILLAGE.chain();
        SplittableRandom random = new SplittableRandom(42);
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.put("version", "bench-1").put("issuer", "bench").put("issuedAt", "2026-01-01T00:00:00Z");
        ArrayNode items = root.putArray("items");
        for (int i = 0; i < n; i++) {
            ServiceItem seed = seeds.get(random.nextInt(seeds.size()));
            String name = prefixes[random.nextInt(prefixes.length)] + seed.name()
                    + suffixes[random.nextInt(suffixes.length)];
            ObjectNode item = items.addObject();
            item.put("taskCode", String.format(Locale.ROOT, "B%08d", i)).put("catalogCode", seed.catalogCode())
                    .put("name", name).put("itemType", seed.itemType()).put("department", seed.department())
                    .put("regionCode", chain.get(random.nextInt(chain.size())).code()).put("version", 1)
                    .put("promiseDays", seed.promiseDays()).put("visits", seed.visits())
                    .put("highFrequency", random.nextInt(10) == 0);
            ArrayNode themes = item.putArray("themes");
            seed.themes().forEach(themes::add);
            item.putArray("materials").addObject().put("name", "居民身份证").put("waiver", "SHARED_DATA");
            item.putArray("fields").addObject().put("key", "phone").put("label", "联系电话");
        }
        return json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
