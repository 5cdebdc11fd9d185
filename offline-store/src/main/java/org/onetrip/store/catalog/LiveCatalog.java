package org.onetrip.store.catalog;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog a running terminal offers, with its search index, swapped whole when a newer signed bundle is
 * imported. Readers always see one complete catalog and the index built from it.
 */
public final class LiveCatalog {
    private static final Logger log = LoggerFactory.getLogger(LiveCatalog.class);

    private record Snapshot(Catalog catalog, CatalogSearch search) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Synonyms synonyms;
    private final CatalogStore store;
    private final PublicKey trusted;

    /** A fixed catalog (tests, tools): {@link #importBundle} is refused. */
    public LiveCatalog(Catalog catalog, Synonyms synonyms) {
        this(catalog, synonyms, null, null);
    }

    /** A catalog backed by the store, taking bundles signed by {@code trustedAuthority}. */
    public LiveCatalog(Catalog initial, Synonyms synonyms, CatalogStore store, PublicKey trustedAuthority) {
        this.synonyms = synonyms;
        this.store = store;
        this.trusted = trustedAuthority;
        swap(initial);
    }

    public Catalog catalog() {
        return current.get().catalog();
    }

    public CatalogSearch search() {
        return current.get().search();
    }

    /** Verifies and stores {@code bundle}, then offers it; a refused bundle changes nothing. */
    public CatalogStore.ImportResult importBundle(CatalogBundle bundle) {
        Objects.requireNonNull(store, "this catalog is fixed: it has no store to import into");
        CatalogStore.ImportResult result = store.importBundle(bundle, trusted);
        if (!result.unchanged()) {
            store.inUse(trusted).ifPresent(this::swap);
            log.info("catalog {} in use: {} items, {} old item versions kept for sealed submissions",
                    result.version(), result.items(), result.keptForSubmissions());
        } else if (!catalog().version().equals(result.version())) {
            store.inUse(trusted).ifPresent(this::swap);
        }
        return result;
    }

    /**
     * Starts from what the store holds, importing {@code shipped} first when the store has nothing or something
     * older (a new terminal, or one updated with a newer shipped catalog).
     */
    public void loadOrImport(CatalogBundle shipped) {
        Objects.requireNonNull(store, "this catalog is fixed: it has no store to load from");
        Catalog stored = store.inUse(trusted).orElse(null);
        Catalog shippedCatalog = shipped.verify(trusted);
        if (stored == null || shippedCatalog.issuedAt().isAfter(stored.issuedAt())) {
            importBundle(shipped);
        } else {
            swap(stored);
        }
    }

    /** Asks {@code source} for a newer bundle and imports it; empty when there was none. */
    public Optional<CatalogStore.ImportResult> update(CatalogSource source) {
        return source.newerThan(catalog().version()).map(this::importBundle);
    }

    private void swap(Catalog catalog) {
        current.set(new Snapshot(catalog, new CatalogSearch(catalog, synonyms)));
    }
}
