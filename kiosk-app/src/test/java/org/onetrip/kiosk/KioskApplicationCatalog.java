package org.onetrip.kiosk;

import org.onetrip.store.catalog.Catalog;

/** The demo catalog for tests outside this package. */
public final class KioskApplicationCatalog {
    private KioskApplicationCatalog() {
    }

    public static Catalog demo() {
        return KioskApplication.demoCatalog();
    }
}
