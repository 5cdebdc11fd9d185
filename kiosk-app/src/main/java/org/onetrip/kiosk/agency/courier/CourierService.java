package org.onetrip.kiosk.agency.courier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.onetrip.store.courier.CourierException;
import org.onetrip.store.courier.CourierStore;
import org.onetrip.store.sync.SyncEngine;

/**
 * The courier for the screen: where the removable medium is mounted (a default from configuration, changeable on
 * the screen), exporting to it, the bundles on it, and importing one (then the sync engine is nudged to upload).
 */
public final class CourierService {
    private final CourierStore store;
    private final SyncEngine sync;
    private final Path defaultDirectory;

    public CourierService(CourierStore store, SyncEngine sync, Path defaultDirectory) {
        this.store = store;
        this.sync = sync;
        this.defaultDirectory = defaultDirectory;
    }

    public Path defaultDirectory() {
        return defaultDirectory;
    }

    public int pendingCount() {
        return store.pendingCount();
    }

    /** @throws CourierException with the reason when nothing could be written */
    public CourierStore.Exported export(Path dir, String staffId) {
        return store.export(dir, staffId);
    }

    /** @throws CourierException when the bundle is refused (nothing changed) */
    public CourierStore.Imported importBundle(Path file, String staffId) {
        CourierStore.Imported imported = store.importBundle(file, staffId);
        if (imported.queued() > 0) {
            sync.nudge();
        }
        return imported;
    }

    /** The bundle files in {@code dir}, by name; empty when it is not there (no medium mounted). */
    public List<Path> bundles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(CourierStore.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new CourierException("courier[" + dir + "]: cannot list the directory: " + e.getMessage(), e);
        }
    }
}
