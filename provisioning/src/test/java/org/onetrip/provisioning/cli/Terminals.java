package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.uplink.Sm2;

/** A terminal data directory and a county key pair for the command tests, with a fixed clock. */
final class Terminals {
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    final Path dir;
    final Path dataDir;
    final KeyPair county = Sm2.generateKeyPair();
    final Path countyPub;
    final Path countyPriv;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    Terminals(Path dir) throws IOException {
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        countyPub = dir.resolve("county.pub.pem");
        countyPriv = dir.resolve("county.pem");
        Files.writeString(countyPub, Sm2.publicKeyPem(county.getPublic()));
        Files.writeString(countyPriv, Sm2.privateKeyPem(county.getPrivate()));
        Files.writeString(dir.resolve("catalog-authority.pub.pem"), Sm2.publicKeyPem(CatalogBundle.demoAuthority()));
        Files.write(dir.resolve("catalog.json"), CatalogBundle.resource("catalog-340121").toEnvelope());
    }

    int run(Instant at, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return ProvisionCli.commandLine(new PrintWriter(out), new PrintWriter(err), Clock.fixed(at, ZoneOffset.UTC))
                .execute(args);
    }

    int run(String... args) {
        return run(NOW, args);
    }

    int enroll(String region) {
        return run("enroll", "--data-dir", dataDir.toString(), "--region", region, "--site-name", "锦湖社区便民服务站",
                "--site-type", "village-point", "--uplink", "https://intake.example.gov.cn/",
                "--county-key", countyPub.toString(), "--terminal-id", "ot-test-01");
    }

    /** Signs a bundle for the enrolled terminal with {@code siteName} (and {@code more} options); returns its file. */
    Path bundle(String siteName, String... more) throws IOException {
        Path config = dir.resolve("terminal-" + siteName.hashCode() + ".properties");
        String props = Files.readString(dataDir.resolve("config/terminal.properties"), StandardCharsets.UTF_8);
        var p = new java.util.Properties();
        p.load(new java.io.StringReader(props));
        p.setProperty("site.name", siteName);
        try (var w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        Files.writeString(dir.resolve("staff.json"), "[{\"id\":\"t1\",\"role\":\"technician\"}]");
        Path out = dir.resolve("bundle-" + siteName.hashCode() + ".json");
        var args = new java.util.ArrayList<>(java.util.List.of("bundle", "--key", countyPriv.toString(), "--config",
                config.toString(), "--catalog", dir.resolve("catalog.json").toString(), "--catalog-authority",
                dir.resolve("catalog-authority.pub.pem").toString(), "--staff", dir.resolve("staff.json").toString(),
                "--output", out.toString()));
        args.addAll(java.util.List.of(more));
        int code = run(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException(err.toString());
        }
        return out;
    }

    /** Every file under the data directory with its SM3, to show that nothing changed. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dataDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dataDir.relativize(p).toString(), Sm2.sm3Hex(p));
            }
        }
        return m;
    }
}
