package org.onetrip.provisioning.selftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.hardware.config.Devices;
import org.onetrip.hardware.panel.Panel;
import org.onetrip.hardware.printer.PrinterConfig;
import org.onetrip.hardware.printer.PrinterStatus;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.crypto.FileKeyWrapper;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.TerminalIdentity;
import org.onetrip.store.uplink.UplinkResult;

/**
 * The terminal's self-test, the same for {@code onetrip-provision selftest} and technician mode: configuration,
 * key, disk space, clock, uplink reachability and signature acceptance (a signed heartbeat), ID-card reader
 * status, printer paper status and test page, a scanner read, panel LEDs and buzzer. Devices come from
 * {@code devices.properties}; a device that is not configured is skipped, not failed.
 */
public final class SelfTest {
    public static final long MIN_FREE_BYTES = 512L * 1024 * 1024;
    public static final long WARN_FREE_BYTES = 2L * 1024 * 1024 * 1024;

    /** What to exercise besides the always-run checks. */
    public record Options(boolean uplink, boolean printTestPage, int scanSeconds, boolean panel) {
        public static Options quick() {
            return new Options(true, false, 0, false);
        }
    }

    private final TerminalFiles files;
    private final Clock clock;

    public SelfTest(TerminalFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    public List<Check> run(Options options) {
        List<Check> checks = new ArrayList<>();
        TerminalConfig config = null;
        try {
            config = files.readConfig();
            checks.add(Check.pass("configuration", config.terminalId() + " at " + config.region() + " ("
                    + config.siteName() + ")"));
        } catch (RuntimeException e) {
            checks.add(Check.fail("configuration", e.getMessage(), "run 'onetrip-provision enroll', then 'apply'"));
        }
        checks.add(key());
        checks.add(dataKey());
        checks.add(setAside());
        checks.add(disk());
        checks.add(clockCheck());
        if (options.uplink()) {
            checks.add(uplink(config));
        }
        Properties devices = TerminalFiles.readProperties(files.devices()).orElse(new Properties());
        checks.add(reader(devices));
        checks.add(printer(devices, options.printTestPage()));
        checks.add(scanner(devices, options.scanSeconds()));
        checks.add(panel(devices, options.panel()));
        return checks;
    }

    public static boolean passed(List<Check> checks) {
        return checks.stream().noneMatch(c -> c.outcome() == Check.Outcome.FAIL);
    }

    private Check key() {
        Path key = files.keys().resolve("terminal-key.pem");
        if (!Files.isRegularFile(key)) {
            return Check.fail("terminal key", "no key pair in " + files.keys(), "run 'onetrip-provision enroll'");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(key);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return Check.fail("terminal key", key + " is readable by others", "chmod 600 " + key);
            }
        } catch (UnsupportedOperationException | IOException e) {
            return Check.warn("terminal key", "permissions unknown: " + e.getMessage(), "check " + key);
        }
        return Check.pass("terminal key", "present, owner-only");
    }

    private static final String HAS_DATA_KEY = "SELECT 1 FROM setting WHERE name = 'data_key'";

    /** The key file that unwraps the store's data key: owner-only, and present whenever the store has a data key. */
    private Check dataKey() {
        Path kek = files.keys().resolve(FileKeyWrapper.FILE_NAME);
        if (Files.isRegularFile(kek)) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(kek);
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    return Check.fail("data key", kek + " is readable by others", "chmod 600 " + kek);
                }
            } catch (UnsupportedOperationException | IOException e) {
                return Check.warn("data key", "permissions unknown: " + e.getMessage(), "check " + kek);
            }
            return Check.pass("data key", "key file present, owner-only");
        }
        if (!Files.isRegularFile(files.database())) {
            return Check.pass("data key", "made at the app's first start");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + files.database().toAbsolutePath()
                + "?mode=ro"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HAS_DATA_KEY)) {
            if (rs.next()) {
                return Check.fail("data key", kek + " is missing: the store's residents' data cannot be read",
                        "restore " + kek + " from the terminal's backup (owner onetrip, chmod 600); do not delete "
                        + files.database());
            }
            return Check.pass("data key", "made when the app next starts (a store from before encryption)");
        } catch (SQLException e) {
            return Check.warn("data key", "cannot read " + files.database() + ": " + e.getMessage(),
                    "check " + kek + " is there if the app has run here");
        }
    }

    /**
     * Files the store set aside at a start: a database that failed its integrity check ({@code onetrip.db.corrupt-…}),
     * a damaged redo journal ({@code onetrip.db-redo.damaged-…}) or one holding a record that could not be replayed
     * ({@code onetrip.db-redo.unreplayed-…}). The app logged each as an ERROR; here the technician sees them too.
     */
    private Check setAside() {
        String name = files.database().getFileName().toString();
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(files.dataDir())) {
            try (var list = Files.list(files.dataDir())) {
                list.map(p -> p.getFileName().toString())
                        .filter(f -> f.startsWith(name + ".corrupt-") || f.startsWith(name + "-redo.damaged-")
                                || f.startsWith(name + "-redo.unreplayed-"))
                        .filter(f -> !f.endsWith("-wal") && !f.endsWith("-shm"))
                        .sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                return Check.warn("store files", "cannot list " + files.dataDir() + ": " + e.getMessage(),
                        "check the data directory");
            }
        }
        if (found.isEmpty()) {
            return Check.pass("store files", "nothing set aside");
        }
        return Check.fail("store files", "set aside at a start: " + String.join(", ", found),
                "keep these files (sealed submissions may be recoverable from them; they hold residents' data, so"
                + " they stay on the terminal) and call the county's technician; do not delete the data directory");
    }

    private Check disk() {
        try {
            Path dir = Files.exists(files.dataDir()) ? files.dataDir() : Path.of("/");
            long free = Files.getFileStore(dir).getUsableSpace();
            String detail = (free / (1024 * 1024)) + " MiB free on " + Files.getFileStore(dir);
            if (free < MIN_FREE_BYTES) {
                return Check.fail("disk", detail, "free space: journalctl --vacuum-size=50M; remove old diagnostics");
            }
            return free < WARN_FREE_BYTES ? Check.warn("disk", detail, "plan a larger card or disk") : Check.pass(
                    "disk", detail);
        } catch (IOException e) {
            return Check.fail("disk", e.getMessage(), "check the data directory");
        }
    }

    private Check clockCheck() {
        Instant now = clock.instant();
        if (now.atZone(ZoneOffset.UTC).getYear() < 2025) {
            return Check.fail("clock", "the clock says " + now + " (reset: no RTC battery or no NTP)",
                    "timedatectl set-ntp true, or set it: timedatectl set-time 'YYYY-MM-DD HH:MM'");
        }
        return Check.pass("clock", now.toString());
    }

    private Check uplink(TerminalConfig config) {
        if (config == null || config.uplink() == null) {
            return Check.skip("uplink", "no uplink configured");
        }
        TerminalIdentity identity = TerminalIdentity.loadOrCreate(config.terminalId(), files.keys());
        IntakeClient client = new IntakeClient(config.uplink(), identity, clock);
        client.setTimeout(Duration.ofSeconds(5));
        try {
            client.start();
            byte[] body = ("{\"terminalId\":\"" + config.terminalId() + "\",\"selftest\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            UplinkResult result = client.heartbeat(body);
            String skew = client.clockSkew().map(d -> "; clock skew " + d.toSeconds() + " s").orElse("");
            return switch (result) {
                case UplinkResult.Stored s -> Check.pass("uplink", config.uplink() + " reachable, signature accepted"
                        + skew);
                case UplinkResult.Accepted a -> Check.pass("uplink", config.uplink() + " reachable, signature accepted"
                        + skew);
                case UplinkResult.Refused r when r.httpStatus() == 401 || r.httpStatus() == 403 -> Check.fail(
                        "uplink", "reachable, but the signature is refused (HTTP " + r.httpStatus() + ")",
                        "ask the county to register this terminal's enrolment request");
                case UplinkResult.Refused r -> Check.fail("uplink", "refused: HTTP " + r.httpStatus() + " "
                        + r.reason(), "check uplink.url");
                case UplinkResult.Halt h when h.httpStatus() == 401 || h.httpStatus() == 403 -> Check.fail(
                        "uplink", "reachable, but the signature is refused (HTTP " + h.httpStatus() + "): "
                        + h.operatorMessage(), "check the clock, and ask the county to register this terminal's"
                        + " enrolment request");
                case UplinkResult.Halt h -> Check.fail("uplink", "platform says: " + h.operatorMessage(),
                        "call the county");
                case UplinkResult.RetryLater r -> Check.fail("uplink", "not reachable: " + r.error(),
                        "check the network cable or 4G modem, and uplink.url");
            };
        } catch (Exception e) {
            return Check.fail("uplink", "not reachable: " + e.getMessage(), "check the network and uplink.url");
        } finally {
            try {
                client.stop();
            } catch (Exception ignored) {
                // the client holds no state worth reporting
            }
        }
    }

    private Check reader(Properties p) {
        String kind = p.getProperty("reader", "simulated").strip().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("serial")) {
            return Check.skip("ID-card reader", "reader=" + kind);
        }
        String path = p.getProperty("reader.path", "");
        try (SerialLink link = JSerialCommLink.open(path, 115200)) {
            var r = new SerialProbe(500).probe(link);
            return r.kind() == SerialProbe.Kind.ID_CARD_READER ? Check.pass("ID-card reader", path + ": "
                    + r.detail()) : Check.fail("ID-card reader", path + ": no SAM status answer",
                    "check the cable and reader power; run 'onetrip-provision detect'");
        } catch (RuntimeException e) {
            return Check.fail("ID-card reader", e.getMessage(), "run 'onetrip-provision detect'");
        }
    }

    private Check printer(Properties p, boolean testPage) {
        Map<String, String> settings = p.stringPropertyNames().stream().filter(k -> k.startsWith("printer."))
                .collect(Collectors.toMap(k -> k, p::getProperty));
        if (settings.isEmpty() || "simulated".equalsIgnoreCase(settings.getOrDefault("printer.transport", ""))) {
            return Check.skip("printer", "printer.transport not set or simulated");
        }
        ReceiptPrinter printer = null;
        try {
            printer = PrinterConfig.fromProperties(settings).validate().open();
            printer.start();
            PrinterStatus status = printer.status();
            if (!status.canPrint()) {
                return Check.fail("printer", "status " + status, status == PrinterStatus.PAPER_OUT
                        ? "load a paper roll" : "check power, cable and printer.* settings");
            }
            if (testPage) {
                printer.print(new EscPosEncoder(printer.profile()).encode(ReceiptDocument.builder()
                        .title("OneTrip 自检 / self-test").row("time", clock.instant().toString()).build()));
            }
            return status == PrinterStatus.PAPER_NEAR_END
                    ? Check.warn("printer", "paper near end" + (testPage ? "; test page printed" : ""),
                    "load a new roll soon")
                    : Check.pass("printer", "ready" + (testPage ? "; test page printed" : ""));
        } catch (Exception e) {
            return Check.fail("printer", e.getMessage(), "check power, cable and printer.* settings");
        } finally {
            if (printer != null) {
                try {
                    printer.stop();
                } catch (Exception ignored) {
                    // stopping a printer that failed to start
                }
            }
        }
    }

    private Check scanner(Properties p, int seconds) {
        String kind = p.getProperty("scanner", "simulated").strip().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("serial")) {
            return Check.skip("QR scanner", "scanner=" + kind
                    + (kind.equals("keyboard-wedge") ? ": test it on the technician page" : ""));
        }
        if (seconds <= 0) {
            return Check.skip("QR scanner", "no read asked (give --scan-seconds N and show it a code)");
        }
        String path = p.getProperty("scanner.path", "");
        int baud = Integer.parseInt(p.getProperty("scanner.baud", "9600").strip());
        try (SerialLink link = JSerialCommLink.open(path, baud)) {
            return new SerialProbe(500).scannedLine(link, seconds * 1000).map(line -> Check.pass("QR scanner",
                    "read " + line.length() + " characters")).orElse(Check.fail("QR scanner", "nothing read in "
                    + seconds + " s", "show it a code; check scanner.baud and the terminator setting"));
        } catch (RuntimeException e) {
            return Check.fail("QR scanner", e.getMessage(), "run 'onetrip-provision detect'");
        }
    }

    private Check panel(Properties p, boolean exercise) {
        String kind = p.getProperty("panel", "simulated").strip().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("gpio")) {
            return Check.skip("panel LEDs and buzzer", "panel=" + kind);
        }
        if (!exercise) {
            return Check.skip("panel LEDs and buzzer", "not exercised (give --panel and watch the lights)");
        }
        try {
            Properties deviceOnly = new Properties();
            p.stringPropertyNames().stream().filter(k -> !k.startsWith("printer."))
                    .forEach(k -> deviceOnly.setProperty(k, p.getProperty(k)));
            Devices devices = Devices.open(DeviceConfig.fromProperties(deviceOnly), files.dataDir().resolve("native"));
            Panel panel = devices.panel();
            panel.start();
            for (Panel.Light light : Panel.Light.values()) {
                panel.show(light);
                Thread.sleep(700);
            }
            panel.beep(Panel.Beep.values()[0]);
            panel.stop();
            return Check.pass("panel LEDs and buzzer", "each light shown, buzzer sounded: confirm by eye and ear");
        } catch (Exception e) {
            return Check.fail("panel LEDs and buzzer", e.getMessage(), "check panel.* pins and the gpio group");
        }
    }
}
