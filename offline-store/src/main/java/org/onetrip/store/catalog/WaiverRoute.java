package org.onetrip.store.catalog;

/** How a material can be waived (减材料): what the resident need not bring, and why. */
public enum WaiverRoute {
    /** Must be provided by the resident. */
    NONE,
    /** Obtained by the platform through data sharing (能共享获取的). */
    SHARED_DATA,
    /** Checked against an electronic licence (电子证照). */
    E_LICENCE,
    /** Already on file from an earlier submission (前序已收取的). */
    ON_FILE,
    /** Replaced by a written commitment (告知承诺). */
    COMMITMENT
}
