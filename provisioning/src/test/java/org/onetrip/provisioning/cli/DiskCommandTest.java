package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiskCommandTest {
    @TempDir
    Path dir;
    Terminals t;

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
        assertEquals(0, t.enroll("340121100004"), t.err.toString());
    }

    private List<Path> dataFiles() throws Exception {
        try (Stream<Path> files = Files.walk(t.dataDir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void measures_flushes_and_seals_on_the_data_disk_and_leaves_the_data_folder_as_it_was() throws Exception {
        List<Path> before = dataFiles();

        assertEquals(0, t.run("disk", "--data-dir", t.dataDir.toString(), "--seconds", "1"), t.err.toString());

        String out = t.out.toString();
        assertTrue(out.startsWith("disk " + t.dataDir), out);
        assertTrue(out.matches("(?s).*raw flushes \\(4 KiB write \\+ fsync\\): \\d+/s, [\\d.]+ ms each.*"), out);
        assertTrue(out.matches("(?s).*durable seals \\(as the kiosk seals, made-up applicants\\): \\d+/s.*"), out);
        assertTrue(out.matches("(?s).*seals per flush: [\\d.]+ \\(designed for ≥ 0\\.50: (met|not met on this disk)\\).*"),
                out);
        assertEquals(before, dataFiles(), "nothing added to or removed from the data folder");
    }

    @Test
    void json_gives_the_rates_and_the_ratio_they_make() throws Exception {
        assertEquals(0, t.run("disk", "--data-dir", t.dataDir.toString(), "--seconds", "1", "--format", "json"),
                t.err.toString());

        JsonNode json = JsonMapper.builder().build().readTree(t.out.toString());
        double flushes = json.path("flushesPerSecond").asDouble();
        double seals = json.path("sealsPerSecond").asDouble();
        assertTrue(flushes > 0 && seals > 0, json.toString());
        assertEquals(seals / flushes, json.path("sealsPerFlush").asDouble(), 0.02, json.toString());
        assertEquals(1000 / flushes, json.path("flushMillis").asDouble(), 0.02, json.toString());
        assertEquals(0.5, json.path("targetSealsPerFlush").asDouble());
        assertEquals(json.path("flushMillis").asDouble() > DiskCommand.SLOW_FLUSH_MS,
                json.path("slowFlushes").asBoolean());
    }

    @Test
    void a_data_folder_that_is_not_there_is_named_with_the_fix() {
        Path missing = dir.resolve("no-such-data");

        assertEquals(1, t.run("disk", "--data-dir", missing.toString(), "--seconds", "1"));

        assertTrue(t.err.toString().contains("disk[" + missing + "]: no such data directory; give the terminal's"
                + " with --data-dir"), t.err.toString());
    }

    @Test
    void a_duration_out_of_range_is_refused_before_anything_is_written() throws Exception {
        List<Path> before = dataFiles();

        assertEquals(2, t.run("disk", "--data-dir", t.dataDir.toString(), "--seconds", "0"));

        assertTrue(t.err.toString().contains("--seconds 0: give 1 to 600"), t.err.toString());
        assertEquals(before, dataFiles());
    }
}
