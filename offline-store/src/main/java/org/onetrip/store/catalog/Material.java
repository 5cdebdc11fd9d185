package org.onetrip.store.catalog;

/** One 申请材料 of an item: its name, whether it is required, and how it can be waived. */
public record Material(String name, boolean required, WaiverRoute waiver) {
    /** True when a resident must still bring or provide it themselves. */
    public boolean mustBeBrought() {
        return required && waiver == WaiverRoute.NONE;
    }
}
