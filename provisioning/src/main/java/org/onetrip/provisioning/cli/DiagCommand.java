package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.onetrip.provisioning.selftest.SelfTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code diag}: a diagnostics zip for the county's help desk: versions, the configuration (never a private key,
 * PIN digest, staff roster or the database), the terminal's public key, queue counts, a self-test without devices,
 * and the tail of each log.
 */
@Command(name = "diag", mixinStandardHelpOptions = true,
        description = "Write a diagnostics bundle (versions, configuration without secrets, recent logs, queue"
                + " statistics) as a zip.")
public final class DiagCommand implements Callable<Integer> {
    static final int LOG_TAIL_LINES = 2000;
    static final String PUBLIC_KEY = "terminal-key.pub.pem";

    @Spec
    CommandSpec spec;

    @ParentCommand
    ProvisionCli parent;

    @Mixin
    DataDir dataDir;

    @Option(names = "--output", description = "the zip to write (default: onetrip-diag-<terminal>-<time>.zip here)")
    Path output;

    @Override
    public Integer call() {
        var files = dataDir.files();
        Map<String, Object> facts = TerminalFacts.of(files);
        Path zip = output != null ? output : Path.of("onetrip-diag-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(parent.clock.instant()) + ".zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            Map<String, Object> versions = new LinkedHashMap<>();
            versions.put("onetrip", String.valueOf(DiagCommand.class.getPackage().getImplementationVersion()));
            versions.put("java", System.getProperty("java.runtime.version"));
            versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            versions.put("createdAt", parent.clock.instant().toString());
            put(z, "versions.json", Json.MAPPER.writeValueAsString(versions));
            put(z, "status.json", Json.MAPPER.writeValueAsString(facts));
            var checks = new SelfTest(files, parent.clock).run(new SelfTest.Options(false, false, 0, false));
            put(z, "selftest.json", Json.MAPPER.writeValueAsString(checks));
            Path publicKey = files.keys().resolve(PUBLIC_KEY);
            if (Files.isRegularFile(publicKey)) { // the one key that may leave: the help desk matches it to the platform
                put(z, "keys/" + PUBLIC_KEY, Files.readString(publicKey, StandardCharsets.US_ASCII));
            }
            if (Files.isDirectory(files.logs())) {
                try (Stream<Path> s = Files.list(files.logs())) {
                    for (Path log : s.filter(p -> p.getFileName().toString().matches(".*\\.log(\\.\\d+)?"))
                            .sorted().toList()) {
                        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                        put(z, "logs/" + log.getFileName(), String.join("\n",
                                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("diag: cannot write " + zip + ": " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().println("diagnostics written to " + zip + " (no keys, PINs or resident data)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
