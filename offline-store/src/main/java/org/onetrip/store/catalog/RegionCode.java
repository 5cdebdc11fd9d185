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

    public boolean isWithin(RegionCode ancestor) {
        return chain().contains(ancestor);
    }

    @Override
    public String toString() {
        return code;
    }
}
