package org.onetrip.store.catalog;

/** The five levels (省市县乡村) and how many leading digits of a region code each one fixes. */
public enum Level {
    PROVINCE(2, "省"), CITY(4, "市"), COUNTY(6, "县"), TOWNSHIP(9, "乡"), VILLAGE(12, "村");

    private final int digits;
    private final String chinese;

    Level(int digits, String chinese) {
        this.digits = digits;
        this.chinese = chinese;
    }

    /** 省, 市, 县, 乡, 村. */
    public String chinese() {
        return chinese;
    }

    public int digits() {
        return digits;
    }
}
