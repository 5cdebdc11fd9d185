package org.onetrip.store.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service items a terminal knows, and the rule that decides which it offers: an item implemented at any
 * level of the terminal's chain (province … village) is offered there. Immutable; the catalog issue brings
 * signed, versioned bundles and search.
 */
public final class Catalog {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String version;
    private final List<ServiceItem> items;

    public Catalog(String version, List<ServiceItem> items) {
        this.version = version;
        this.items = List.copyOf(items);
    }

    public String version() {
        return version;
    }

    /** Items offered at a terminal at {@code terminal}: high-frequency first, then nearest level first. */
    public List<ServiceItem> offeredAt(RegionCode terminal) {
        List<RegionCode> chain = terminal.chain();
        return items.stream()
                .filter(item -> chain.contains(item.regionCode()))
                .sorted(Comparator.comparing((ServiceItem i) -> !i.highFrequency())
                        .thenComparing(i -> -i.level().ordinal()))
                .toList();
    }

    public Optional<ServiceItem> find(String taskCode) {
        return items.stream().filter(i -> i.taskCode().equals(taskCode)).findFirst();
    }

    /** Reads a catalog from its JSON form; a malformed document fails with a message naming the item. */
    public static Catalog read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IOException("catalog: not JSON: " + e.getOriginalMessage(), e);
        }
        List<ServiceItem> items = new ArrayList<>();
        for (JsonNode n : root.path("items")) {
            try {
                items.add(item(n));
            } catch (RuntimeException e) {
                throw new IOException("catalog: item " + n.path("taskCode").asString("?") + " is malformed: "
                        + e.getMessage(), e);
            }
        }
        return new Catalog(root.path("version").asString("0"), items);
    }

    private static ServiceItem item(JsonNode n) {
        List<Material> materials = new ArrayList<>();
        for (JsonNode m : n.path("materials")) {
            materials.add(new Material(m.required("name").asString(), m.path("required").asBoolean(true),
                    WaiverRoute.valueOf(m.path("waiver").asString("NONE"))));
        }
        List<FormField> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            List<String> choices = new ArrayList<>();
            f.path("choices").forEach(c -> choices.add(c.asString()));
            fields.add(new FormField(f.required("key").asString(), f.required("label").asString(),
                    f.path("prefill").asString(""), f.path("input").asString("text"),
                    f.path("required").asBoolean(true), choices));
        }
        List<String> themes = new ArrayList<>();
        n.path("themes").forEach(t -> themes.add(t.asString()));
        return new ServiceItem(n.required("taskCode").asString(), n.required("catalogCode").asString(),
                n.required("name").asString(), n.path("itemType").asString("20"), n.path("department").asString(""),
                RegionCode.of(n.required("regionCode").asString()), n.path("version").asInt(1),
                n.path("promiseDays").asInt(0), n.path("visits").asInt(0), n.path("fee").asBoolean(false),
                n.path("acceptConditions").asString(""), materials, fields, themes,
                n.path("highFrequency").asBoolean(false));
    }
}
