package org.onetrip.store.region;

import org.onetrip.store.catalog.Level;
import org.onetrip.store.catalog.RegionCode;

/** One division: its 12-digit code and its name (合肥市, 水湖镇, 锦湖社区居民委员会). */
public record Division(RegionCode code, String name) {
    public Level level() {
        return code.level();
    }
}
