package org.onetrip.store.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.testing.StoreFixture;

/** The disk measurement a technician runs on a device: real seals and flushes on a scratch store, then no trace. */
class SealSpeedTest {
    @TempDir
    Path data;

    @Test
    void measures_flushes_and_durable_seals_beside_the_data_and_leaves_nothing_behind() throws Exception {
        StoreFixture.useLocalSqliteNatives();
        Files.writeString(data.resolve("onetrip.db"), "the terminal's own store, not touched");

        SealSpeed.Result result = SealSpeed.measure(data, Duration.ofMillis(300), Clock.systemUTC());

        assertTrue(result.flushes() >= 20 && result.seals() >= 20, result.toString());
        assertTrue(result.flushesPerSecond() > 0 && result.sealsPerSecond() > 0, result.toString());
        assertEquals(result.sealsPerSecond() / result.flushesPerSecond(), result.ratio(), 1e-9);
        assertEquals(1000 / result.flushesPerSecond(), result.flushMillis(), 1e-9);
        assertEquals(data, result.scratch().getParent(), "the scratch store is beside the data, on the same disk");
        assertFalse(Files.exists(result.scratch()), "the scratch store is deleted");
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(data.resolve("onetrip.db")), left.toList());
        }
        assertEquals("the terminal's own store, not touched", Files.readString(data.resolve("onetrip.db")));
    }

    @Test
    void a_folder_that_is_not_there_is_named_in_the_error() {
        Path missing = data.resolve("no-such-folder");
        IOException e = assertThrows(IOException.class,
                () -> SealSpeed.measure(missing, Duration.ofMillis(100), Clock.systemUTC()));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("not a writable directory"),
                e.getMessage());
    }
}
