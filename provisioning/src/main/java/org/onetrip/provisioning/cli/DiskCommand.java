package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.onetrip.store.submission.SealSpeed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code disk}: how fast the data disk makes things durable, on a scratch store beside the terminal's data (see
 * {@link SealSpeed}); warns when flushes are so slow that the card is likely worn or unfit. Exit 0 when measured.
 */
@Command(name = "disk", mixinStandardHelpOptions = true,
        description = "Measure the data disk: raw flushes per second (4 KiB write + fsync) and durable seals per"
                + " second, on a scratch store beside the data with made-up applicants, deleted afterwards. Run it"
                + " when no resident is at the terminal.")
public final class DiskCommand implements Callable<Integer> {
    enum Format { text, json }

    /** A flush slower than this points at a worn or unfit card (a good SD card or eMMC flushes in a few ms). */
    static final double SLOW_FLUSH_MS = 50;
    /** Durable seals per raw flush the store is designed to reach (issue 5). */
    static final double TARGET_RATIO = 0.5;

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Mixin
    DataDir dataDir;

    @Option(names = "--seconds", defaultValue = "10", description = "how long to measure, 1 to 600 (default"
            + " ${DEFAULT-VALUE}), after a warm-up of at most 200 seals or a quarter of that")
    int seconds;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (seconds < 1 || seconds > 600) {
            err.println("disk: --seconds " + seconds + ": give 1 to 600");
            return 2;
        }
        if (!Files.isDirectory(dataDir.dir)) {
            err.println("disk[" + dataDir.dir + "]: no such data directory; give the terminal's with --data-dir");
            return 1;
        }
        SealSpeed.Result r;
        FileStore store;
        try {
            store = Files.getFileStore(dataDir.dir);
            r = SealSpeed.measure(dataDir.dir, Duration.ofSeconds(seconds), parent.clock);
        } catch (IOException | RuntimeException e) {
            err.println("disk[" + dataDir.dir + "]: cannot measure: " + e.getMessage()
                    + " (run as the onetrip user: sudo -u onetrip onetrip-provision disk)");
            return 1;
        }
        boolean slow = r.flushMillis() > SLOW_FLUSH_MS;
        if (format == Format.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataDir", dataDir.dir.toString());
            m.put("fileSystem", store.type());
            m.put("flushesPerSecond", round(r.flushesPerSecond()));
            m.put("flushMillis", round(r.flushMillis()));
            m.put("sealsPerSecond", round(r.sealsPerSecond()));
            m.put("sealsPerFlush", round(r.ratio()));
            m.put("targetSealsPerFlush", TARGET_RATIO);
            m.put("slowFlushes", slow);
            out.println(Json.MAPPER.writeValueAsString(m));
        } else {
            out.printf("disk %s (%s)%n", dataDir.dir, store.type());
            out.printf("raw flushes (4 KiB write + fsync): %.0f/s, %.2f ms each%n", r.flushesPerSecond(),
                    r.flushMillis());
            out.printf("durable seals (as the kiosk seals, made-up applicants): %.0f/s%n", r.sealsPerSecond());
            out.printf("seals per flush: %.2f (designed for ≥ %.2f: %s)%n", r.ratio(), TARGET_RATIO,
                    r.ratio() >= TARGET_RATIO ? "met" : "not met on this disk");
            if (slow) {
                out.printf("WARN flushes take %.0f ms: the card is probably worn or too slow; replace it with an"
                        + " A1/A2 SD card or eMMC%n", r.flushMillis());
            }
        }
        out.flush();
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
