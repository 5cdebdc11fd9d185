package org.onetrip.store.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.onetrip.store.sync.CatalogSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog a running terminal offers, with its search index, swapped whole when a newer signed bundle is
 * imported. Readers always see one complete catalog and the index built from it.
 */
public final class LiveCatalog implements CatalogSink {
    private static final Logger log = LoggerFactory.getLogger(LiveCatalog.class);

    /** A catalog and its search index, built on the first search (a start need not wait for it). */
    private static final class Snapshot {
        private final Catalog catalog;
        private final Synonyms synonyms;
        private CatalogSearch search; // guarded by this

        Snapshot(Catalog catalog, Synonyms synonyms) {
            this.catalog = catalog;
            this.synonyms = synonyms;
        }

        Catalog catalog() {
            return catalog;
        }

        synchronized CatalogSearch search() {
            if (search == null) {
                search = new CatalogSearch(catalog, synonyms);
            }
            return search;
        }
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Supplier<Catalog> initial;
    private final Synonyms synonyms;
    private final CatalogStore store;
    private final PublicKey trusted;

    /** A fixed catalog (tests, tools): {@link #importBundle} is refused. */
    public LiveCatalog(Catalog catalog, Synonyms synonyms) {
        this(catalog, synonyms, null, null);
    }

    /** A catalog backed by the store, taking bundles signed by {@code trustedAuthority}. */
    public LiveCatalog(Catalog initial, Synonyms synonyms, CatalogStore store, PublicKey trustedAuthority) {
        this(() -> initial, synonyms, store, trustedAuthority);
    }

    /**
     * A catalog backed by the store whose first catalog is made only when first asked for (or replaced before by
     * {@link #loadOrImport}): a terminal's first screen does not need the catalog, and its objects are the largest
     * part of the heap.
     */
    public LiveCatalog(Supplier<Catalog> initial, Synonyms synonyms, CatalogStore store, PublicKey trustedAuthority) {
        this.initial = initial;
        this.synonyms = synonyms;
        this.store = store;
        this.trusted = trustedAuthority;
    }

    public Catalog catalog() {
        return snapshot().catalog();
    }

    public CatalogSearch search() {
        return snapshot().search();
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (current.get() == null) {
                current.set(new Snapshot(initial.get(), synonyms));
            }
            return current.get();
        }
    }

    /** Verifies and stores {@code bundle}, then offers it; a refused bundle changes nothing. */
    public CatalogStore.ImportResult importBundle(CatalogBundle bundle) {
        Objects.requireNonNull(store, "this catalog is fixed: it has no store to import into");
        CatalogStore.ImportResult result = store.importBundle(bundle, trusted);
        if (!result.unchanged()) {
            swap(bundle.verify(trusted)); // what the store now holds, parsed once
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
        Optional<CatalogBundle> storedBundle = store.bundleInUse();
        Catalog shippedCatalog = shipped.verify(trusted);
        if (storedBundle.isPresent() && storedBundle.get().sameAs(shipped)) {
            swap(shippedCatalog); // the usual start: the store holds the shipped bundle, no second parse
            return;
        }
        Catalog stored = storedBundle.map(b -> b.verify(trusted)).orElse(null);
        if (stored == null || shippedCatalog.issuedAt().isAfter(stored.issuedAt())) {
            importBundle(shipped);
        } else {
            swap(stored);
        }
    }

    /** The version in use, sent to the platform as {@code since} when the sync engine asks for a newer one. */
    @Override
    public Optional<String> installedVersion() {
        return Optional.of(catalog().version());
    }

    /**
     * A bundle the sync engine pulled from the platform (the envelope form): verified, stored and offered, or
     * refused by a {@link CatalogException} with nothing changed (bad signature, malformed, not newer).
     */
    @Override
    public void install(Path file, Optional<String> announced) throws IOException {
        importBundle(CatalogBundle.fromEnvelope(Files.readAllBytes(file)));
    }

    private synchronized void swap(Catalog catalog) {
        Snapshot now = current.get();
        if (now != null && now.catalog() == catalog) {
            return; // same catalog, same index
        }
        current.set(new Snapshot(catalog, synonyms));
    }
}
