package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.uplink.Sm2;

/** The county terminals' public keys travel in the signed provisioning bundle and land in config/trusted/terminals. */
class CountyTerminalsCommandTest {
    @TempDir
    Path dir;
    Terminals t;
    Path list;
    final PublicKey one = Sm2.generateKeyPair().getPublic();
    final PublicKey two = Sm2.generateKeyPair().getPublic();

    @BeforeEach
    void setUp() throws Exception {
        t = new Terminals(dir);
        t.enroll("340121100004");
        list = Files.createDirectories(dir.resolve("county-terminals"));
        Files.writeString(list.resolve("T-01.pub.pem"), Sm2.publicKeyPem(one));
        Files.writeString(list.resolve("T-02.pub.pem"), Sm2.publicKeyPem(two));
        Files.writeString(list.resolve("README.txt"), "not a key, not read");
    }

    private Path terminals() {
        return new TerminalFiles(t.dataDir).countyTerminals();
    }

    @Test
    void apply_writes_the_signed_list_of_county_terminals_and_only_public_keys() throws Exception {
        Path bundle = t.bundle("锦湖", "--county-terminals", list.toString());
        assertTrue(t.out.toString().contains("T-01, T-02"), t.out.toString());
        assertFalse(Files.readString(bundle).contains("PRIVATE"));

        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()), t.err.toString());

        assertEquals(Set.of("T-01", "T-02"), CountyTerminals.readPems(terminals()).keySet());
        assertEquals(List.of(one, two), CountyTerminals.read(terminals()));
        assertTrue(Files.isRegularFile(t.dataDir.resolve("config/trusted/county.pub.pem")), "other keys are kept");
    }

    @Test
    void a_later_bundle_with_a_shorter_list_removes_a_terminal_and_one_without_a_list_keeps_it() throws Exception {
        t.run("apply", "--data-dir", t.dataDir.toString(), t.bundle("锦湖", "--county-terminals", list.toString())
                .toString());
        Files.delete(list.resolve("T-02.pub.pem"));
        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(),
                t.bundle("锦湖二", "--county-terminals", list.toString()).toString()), t.err.toString());
        assertEquals(Set.of("T-01"), CountyTerminals.readPems(terminals()).keySet());

        assertEquals(0, t.run("apply", "--data-dir", t.dataDir.toString(), t.bundle("锦湖三").toString()),
                t.err.toString());
        assertEquals(Set.of("T-01"), CountyTerminals.readPems(terminals()).keySet(), "no list: left as installed");
    }

    @Test
    void a_damaged_key_in_the_list_is_named_and_no_bundle_is_written() throws Exception {
        Files.writeString(list.resolve("T-03.pub.pem"), "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.bundle("锦湖", "--county-terminals", list.toString()));
        assertTrue(e.getMessage().contains("T-03.pub.pem"), e.getMessage());
    }

    @Test
    void a_list_altered_after_signing_is_refused_by_apply_and_nothing_changes() throws Exception {
        Path bundle = t.bundle("锦湖", "--county-terminals", list.toString());
        var before = t.snapshot();
        String text = Files.readString(bundle);
        var env = tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
        String payload = new String(java.util.Base64.getDecoder().decode(env.path("payload").asString()),
                java.nio.charset.StandardCharsets.UTF_8);
        String forged = payload.replace(Sm2.publicKeyPem(two).replace("\n", "\\n"),
                Sm2.publicKeyPem(Sm2.generateKeyPair().getPublic()).replace("\n", "\\n"));
        assertFalse(forged.equals(payload), "the test swapped a key");
        Files.writeString(bundle, "{\"format\":\"onetrip-provisioning-bundle/1\",\"payload\":\""
                + java.util.Base64.getEncoder().encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\",\"signature\":\"" + env.path("signature").asString() + "\"}");

        assertEquals(1, t.run("apply", "--data-dir", t.dataDir.toString(), bundle.toString()));
        assertEquals(before, t.snapshot());
        assertFalse(Files.exists(terminals()));
    }
}
