package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.store.catalog.CatalogBundle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CoverageCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ProvisionCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void coverage_of_a_village_terminal_is_written_as_csv_with_a_line_per_level_and_a_total() {
        assertEquals(0, run("coverage", "--region", "340121100004"));

        var lines = out.toString().lines().toList();
        assertEquals(7, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("level,code,name,offered"));
        assertEquals("PROVINCE,340000000000,\"安徽省\",4,4,4,4,1.0000,1.0000,1.0000", lines.get(1));
        assertTrue(lines.get(6).startsWith("TOTAL,340121100004,\"锦湖社区居民委员会\",48,47,40,46,"), lines.get(6));
        assertTrue(err.toString().contains("DEMO"), "says which authority it trusted");
    }

    @Test
    void coverage_of_a_township_in_tongjiang_is_written_as_json() {
        assertEquals(0, run("coverage", "--region", "230881101000", "--format", "json"));

        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertEquals(4, json.path("levels").size());
        assertEquals("TOWNSHIP", json.path("levels").get(3).path("level").asString());
        assertEquals(8, json.path("levels").get(3).path("offered").asInt());
        assertEquals(44, json.path("total").path("offered").asInt());
    }

    @Test
    void a_bundle_with_a_bad_signature_is_refused(@TempDir Path dir) throws Exception {
        CatalogBundle shipped = CatalogBundle.resource("catalog-340121");
        byte[] payload = shipped.payload();
        payload[payload.length - 3] ^= 1;
        Path file = dir.resolve("catalog.json");
        Files.write(file, new CatalogBundle(payload, shipped.signature()).toEnvelope());

        assertEquals(1, run("coverage", "--region", "340121100004", "--bundle", file.toString()));
        assertTrue(err.toString().contains("signature"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void an_unknown_region_is_named_with_the_fix() {
        assertEquals(1, run("coverage", "--region", "340121100999"));
        assertTrue(err.toString().contains("no village 340121100999"), err.toString());
        assertEquals(1, run("coverage", "--region", "110101001001"));
        assertTrue(err.toString().contains("streets-"), err.toString());
    }

    @Test
    void without_a_command_the_tool_lists_its_commands() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("coverage"), out.toString());
    }
}
