package org.onetrip.store.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onetrip.store.catalog.Level;
import org.onetrip.store.catalog.RegionCode;

/**
 * The divisions a terminal knows, by code. Answers whether a 12-digit code is a real division, and names the
 * five codes of a terminal's chain.
 */
public final class Divisions {
    private final Map<RegionCode, Division> byCode;
    private final Map<RegionCode, List<Division>> children;

    private Divisions(Map<RegionCode, Division> byCode) {
        this.byCode = Map.copyOf(byCode);
        Map<RegionCode, List<Division>> kids = new HashMap<>();
        for (Division d : byCode.values()) {
            d.code().parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(d));
        }
        kids.values().forEach(l -> l.sort(java.util.Comparator.comparing(x -> x.code().code())));
        this.children = Map.copyOf(kids);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<RegionCode, Division> byCode = new HashMap<>();

        public Builder addAll(Collection<Division> divisions) {
            divisions.forEach(d -> byCode.put(d.code(), d));
            return this;
        }

        public Divisions build() {
            return new Divisions(byCode);
        }
    }

    public int size() {
        return byCode.size();
    }

    public Collection<Division> all() {
        return byCode.values();
    }

    public Optional<Division> find(RegionCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The divisions directly below {@code code}, by code. */
    public List<Division> children(RegionCode code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * What is wrong with {@code code} as a terminal's region, in words for a technician; empty when it is a
     * 12-digit code of a known division whose every ancestor is known too.
     */
    public List<String> problems(String code) {
        RegionCode region;
        try {
            region = RegionCode.of(code == null ? null : code.strip());
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (RegionCode link : region.chain()) {
            if (!byCode.containsKey(link)) {
                problems.add("region code " + region + ": no " + link.level().name().toLowerCase() + " " + link
                        + " in the division files" + (link.level().ordinal() >= Level.TOWNSHIP.ordinal()
                        ? " (provision this county's streets-/villages- files)" : ""));
            }
        }
        return problems;
    }

    /** The named chain of {@code terminal}, province first. */
    public List<Division> chain(RegionCode terminal) {
        List<String> problems = problems(terminal.code());
        if (!problems.isEmpty()) {
            throw new RegionException(String.join("; ", problems));
        }
        return terminal.chain().stream().map(byCode::get).toList();
    }

    /** The name of a division, or its code when unknown. */
    public String nameOf(RegionCode code) {
        Division d = byCode.get(code);
        return d == null ? code.code() : d.name();
    }
}
