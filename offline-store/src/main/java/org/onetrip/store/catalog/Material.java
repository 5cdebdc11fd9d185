package org.onetrip.store.catalog;

import java.util.Optional;

/**
 * One 申请材料 of an item: its name, whether it is required, its form and copies, where it comes from, how it can be
 * waived, and — for a material the resident must still provide — the trust level of the copy that is accepted.
 *
 * @param source 来源渠道 as the guide shows it (e.g. 申请人自备, 公安部门共享)
 * @param trust  the trust level of what the resident provides; null for a waived material
 */
public record Material(String name, boolean required, MaterialFormat format, int copies, String source,
                       WaiverRoute waiver, TrustLevel trust) {
    public Material {
        format = format == null ? MaterialFormat.PAPER : format;
        copies = Math.max(copies, 1);
        source = source == null ? "" : source;
        waiver = waiver == null ? WaiverRoute.NONE : waiver;
    }

    public Material(String name, boolean required, WaiverRoute waiver) {
        this(name, required, MaterialFormat.PAPER, 1, "", waiver, null);
    }

    /** True when a resident must still bring or provide it themselves. */
    public boolean mustBeBrought() {
        return required && waiver == WaiverRoute.NONE;
    }

    public Optional<TrustLevel> trustLevel() {
        return Optional.ofNullable(trust);
    }
}
