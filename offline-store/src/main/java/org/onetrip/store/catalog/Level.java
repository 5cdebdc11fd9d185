package org.onetrip.store.catalog;

/** The five levels (省市县乡村) and how many leading digits of a region code each one fixes. */
public enum Level {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

    private final int digits;

    Level(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }
}
