package org.onetrip.store.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A 12-digit statistical division code: province 2, city 2, county 2, township 3, village 3 digits, zero-padded
 * above the level it names (340121100004 = 安徽省 合肥市 长丰县 水湖镇 锦湖社区).
 */
public record RegionCode(String code) {
    public RegionCode {
        if (code == null || !code.matches("\\d{12}")) {
            throw new IllegalArgumentException("region code must be 12 digits, got: " + code);
        }
        if (code.startsWith("00")) {
            throw new IllegalArgumentException("region code has no province: " + code);
        }
        int[] ends = {2, 4, 6, 9, 12};
        for (int i = 1; i < ends.length - 1; i++) {
            boolean zero = code.substring(ends[i - 1], ends[i]).chars().allMatch(c -> c == '0');
            if (zero && !code.substring(ends[i]).chars().allMatch(c -> c == '0')) {
                throw new IllegalArgumentException("region code " + code + " names a lower level under a zero "
                        + "segment at digits " + (ends[i - 1] + 1) + "–" + ends[i]);
            }
        }
    }

    public static RegionCode of(String code) {
        return new RegionCode(code);
    }

    public Level level() {
        if (code.endsWith("0000000000")) {
            return Level.PROVINCE;
        }
        if (code.endsWith("00000000")) {
            return Level.CITY;
        }
        if (code.endsWith("000000")) {
            return Level.COUNTY;
        }
        if (code.endsWith("000")) {
            return Level.TOWNSHIP;
        }
        return Level.VILLAGE;
    }

    /** This code's ancestors and itself, province first: the levels whose items a terminal here offers. */
    public List<RegionCode> chain() {
        List<RegionCode> chain = new ArrayList<>();
        for (Level level : Level.values()) {
            if (level.ordinal() > level().ordinal()) {
                break;
            }
            String prefix = code.substring(0, level.digits());
            chain.add(new RegionCode(prefix + "0".repeat(12 - level.digits())));
        }
        return chain;
    }

    /** The code one level up; empty for a province. */
    public java.util.Optional<RegionCode> parent() {
        List<RegionCode> chain = chain();
        return chain.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(chain.get(chain.size() - 2));
    }

    /** Pads a 2-, 4-, 6-, 9- or 12-digit division code (as the NBS files write them) to 12 digits. */
    public static RegionCode padded(String code) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("division code must have 2, 4, 6, 9 or 12 digits, got: " + code);
        }
        return new RegionCode(c + "0".repeat(12 - c.length()));
    }

    public boolean isWithin(RegionCode ancestor) {
        return chain().contains(ancestor);
    }

    @Override
    public String toString() {
        return code;
    }
}
