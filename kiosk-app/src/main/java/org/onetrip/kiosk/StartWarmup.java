package org.onetrip.kiosk;

import java.lang.management.ManagementFactory;

import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.uplink.Sm2;

/**
 * Work every start needs anyway, begun on a second thread while the main thread sets up logging and the store:
 * BouncyCastle's provider, the shipped divisions, the JVM's thread CPU clock and (demo) the catalog authority's
 * key. (The catalog itself is parsed only after the first screen: {@code LiveCatalog} is lazy.) A terminal has two cores and the main thread uses one; each of these is computed
 * once per process, and whoever asks second waits for the first instead of doing it again. A failure here is left
 * to the main thread, which meets the same problem and reports it.
 */
final class StartWarmup {
    private StartWarmup() {
    }

    static void begin(boolean demo) {
        Thread.ofPlatform().name("start-warmup").daemon(true).start(() -> {
            try {
                Sm2.sm3(new byte[0]);
                if (demo) {
                    CatalogBundle.demoAuthority();
                }
                DivisionFiles.shipped();
                ManagementFactory.getThreadMXBean(); // the web server's per-request CPU clock
            } catch (RuntimeException | LinkageError e) {
                // the main thread does the same work and reports what went wrong
            }
        });
    }
}
