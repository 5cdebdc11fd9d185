package org.onetrip.store.sync;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sync engine hands a catalog bundle pulled from the platform ({@code GET /api/v1/catalog?since=}).
 * The catalog feature implements it: it verifies the bundle's signature and imports it, or refuses it with
 * nothing changed by throwing.
 */
public interface CatalogSink {
    /** The version installed now, sent as {@code since}; empty when there is none. */
    Optional<String> installedVersion();

    /**
     * Verifies and installs the bundle in {@code file} (the engine deletes the file afterwards).
     *
     * @param announced the version the platform's answer named, if it did
     * @throws Exception when the bundle is refused (bad signature, older, malformed); nothing may have changed
     */
    void install(Path file, Optional<String> announced) throws Exception;
}
