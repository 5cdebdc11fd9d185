package org.onetrip.store.catalog;

import java.util.Optional;

/** Where newer catalog bundles come from: the uplink's catalog endpoint, a file a technician brings. */
public interface CatalogSource {
    /**
     * A bundle newer than {@code version} (null: any), or empty when there is none.
     *
     * @throws CatalogException when the source cannot be asked now (network, refusal); the caller retries later
     */
    Optional<CatalogBundle> newerThan(String version);
}
