package org.onetrip.store.catalog;

/** 材料形式: paper, electronic (may be photographed or uploaded at the terminal), or either. */
public enum MaterialFormat {
    PAPER, ELECTRONIC, BOTH
}
