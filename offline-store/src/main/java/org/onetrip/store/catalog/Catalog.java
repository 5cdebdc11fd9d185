package org.onetrip.store.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service items a terminal knows, and the rule that decides which it offers: an item implemented at any
 * level of the terminal's chain (province … village) is offered there. Immutable. Read from a catalog
 * document (the payload of a signed {@link CatalogBundle}).
 */
public final class Catalog {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ranks offered items: high-frequency first, then nearest level (village first), then by name. */
    static final Comparator<ServiceItem> OFFER_ORDER = Comparator.comparing((ServiceItem i) -> !i.highFrequency())
            .thenComparing(i -> -i.level().ordinal())
            .thenComparing(ServiceItem::name);

    private final String version;
    private final String issuer;
    private final Instant issuedAt;
    private final List<ServiceItem> items;
    private final Map<String, ServiceItem> byTaskCode = new HashMap<>();

    public Catalog(String version, List<ServiceItem> items) {
        this(version, "", Instant.EPOCH, items);
    }

    public Catalog(String version, String issuer, Instant issuedAt, List<ServiceItem> items) {
        this.version = version;
        this.issuer = issuer;
        this.issuedAt = issuedAt;
        this.items = List.copyOf(items);
        for (ServiceItem item : this.items) {
            if (byTaskCode.putIfAbsent(item.taskCode(), item) != null) {
                throw new CatalogException("catalog " + version + ": task code " + item.taskCode() + " appears twice");
            }
        }
    }

    public String version() {
        return version;
    }

    public String issuer() {
        return issuer;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public List<ServiceItem> items() {
        return items;
    }

    /** Items offered at a terminal at {@code terminal}: high-frequency first, then nearest level first. */
    public List<ServiceItem> offeredAt(RegionCode terminal) {
        Set<RegionCode> chain = Set.copyOf(terminal.chain());
        return items.stream().filter(item -> chain.contains(item.regionCode())).sorted(OFFER_ORDER).toList();
    }

    public Optional<ServiceItem> find(String taskCode) {
        return Optional.ofNullable(byTaskCode.get(taskCode));
    }

    /** The life-event themes of the items offered at {@code terminal}, most used first. */
    public List<String> themesAt(RegionCode terminal) {
        Map<String, Integer> counts = new HashMap<>();
        offeredAt(terminal).forEach(i -> i.themes().forEach(t -> counts.merge(t, 1, Integer::sum)));
        List<String> themes = new ArrayList<>(counts.keySet());
        themes.sort(Comparator.comparing((String t) -> -counts.get(t)).thenComparing(t -> t));
        return themes;
    }

    /** Reads a catalog from its JSON form; a malformed document fails with a message naming the item. */
    public static Catalog read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IOException("catalog: not JSON: " + e.getOriginalMessage(), e);
        }
        return read(root);
    }

    static Catalog read(JsonNode root) throws IOException {
        List<ServiceItem> items = new ArrayList<>();
        for (JsonNode n : root.path("items")) {
            items.add(parseItem(n));
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.parse(root.path("issuedAt").asString("1970-01-01T00:00:00Z"));
        } catch (RuntimeException e) {
            throw new IOException("catalog: issuedAt is not an ISO-8601 instant", e);
        }
        try {
            return new Catalog(root.path("version").asString("0"), root.path("issuer").asString(""), issuedAt, items);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static ServiceItem parseItem(JsonNode n) throws IOException {
        try {
            return item(n);
        } catch (RuntimeException e) {
            throw new IOException("catalog: item " + n.path("taskCode").asString("?") + " is malformed: "
                    + e.getMessage(), e);
        }
    }

    static JsonMapper json() {
        return JSON;
    }

    private static ServiceItem item(JsonNode n) {
        List<Material> materials = new ArrayList<>();
        for (JsonNode m : n.path("materials")) {
            String trust = m.path("trust").asString("");
            materials.add(new Material(m.required("name").asString(), m.path("required").asBoolean(true),
                    MaterialFormat.valueOf(m.path("format").asString("PAPER")), m.path("copies").asInt(1),
                    m.path("source").asString(""), WaiverRoute.valueOf(m.path("waiver").asString("NONE")),
                    trust.isEmpty() ? null : TrustLevel.valueOf(trust)));
        }
        List<FormField> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            List<String> choices = new ArrayList<>();
            f.path("choices").forEach(c -> choices.add(c.asString()));
            fields.add(new FormField(f.required("key").asString(), f.required("label").asString(),
                    f.path("prefill").asString(""), f.path("input").asString("text"),
                    f.path("required").asBoolean(true), choices));
        }
        Set<String> themes = new LinkedHashSet<>();
        n.path("themes").forEach(t -> themes.add(t.asString()));
        List<Integer> depth = new ArrayList<>();
        n.path("onlineDepth").forEach(d -> depth.add(d.asInt()));
        List<Delivery> deliveries = new ArrayList<>();
        n.path("deliveries").forEach(d -> deliveries.add(Delivery.valueOf(d.asString())));
        if (deliveries.isEmpty()) {
            deliveries.addAll(List.of(Delivery.VILLAGE_POINT, Delivery.WINDOW, Delivery.EXPRESS));
        }
        int visits = n.path("visits").asInt(0);
        if (visits < 0) {
            throw new IllegalArgumentException("visits must be 0 or more");
        }
        return new ServiceItem(n.required("taskCode").asString(), n.required("catalogCode").asString(),
                n.required("name").asString(), n.path("itemType").asString("20"), n.path("department").asString(""),
                RegionCode.of(n.required("regionCode").asString()), n.path("version").asInt(1),
                n.path("projectType").asString(""), n.path("promiseDays").asInt(0), n.path("legalDays").asInt(0),
                visits, n.path("fee").asBoolean(false), n.path("acceptConditions").asString(""),
                n.path("handleFlow").asString(""), depth, n.path("terminal").asBoolean(true), deliveries,
                n.path("visitPlace").asString(""), materials, fields, List.copyOf(themes),
                n.path("highFrequency").asBoolean(false),
                n.path("authorisationSlip").asBoolean(ServiceItem.slipByDefault(n.path("itemType").asString("20"))));
    }
}
