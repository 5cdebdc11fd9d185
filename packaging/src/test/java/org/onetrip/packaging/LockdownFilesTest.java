package org.onetrip.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged lock-down files as they are: units verified by systemd, scripts parsed, kiosk escapes closed. */
class LockdownFilesTest {
    static final Path DEB = Path.of("src/deb");

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue() + ":" + out;
    }

    static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(DEB.resolve(dir))) {
            return s.sorted().toList();
        }
    }

    @Test
    void every_unit_passes_systemd_analyze_verify(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze not installed");
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (Path unit : files("systemd")) {
            // the scripts are not installed here: point the units at their sources
            String text = Files.readString(unit).replaceAll("/usr/bin/(onetrip[a-z-]*)",
                    DEB.resolve("bin").toAbsolutePath() + "/$1");
            Files.writeString(tmp.resolve(unit.getFileName()), text);
            command.add(tmp.resolve(unit.getFileName()).toString());
        }
        assertEquals("0:", run(tmp, command.toArray(String[]::new)).strip());
    }

    @Test
    void systemd_analyze_verify_would_catch_a_broken_unit(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze not installed");
        Files.writeString(tmp.resolve("broken.service"), "[Service]\nExecStart=relative/path\nRestart=sometimes\n");
        assertFalse(run(tmp, "systemd-analyze", "verify", tmp.resolve("broken.service").toString()).startsWith("0:"));
    }

    @Test
    void every_script_parses_with_sh() throws Exception {
        List<Path> scripts = new ArrayList<>(files("bin"));
        scripts.addAll(List.of(DEB.resolve("control/postinst"), DEB.resolve("control/prerm"),
                DEB.resolve("control/postrm")));
        for (Path script : scripts) {
            assertEquals("0:", run(Path.of("."), "sh", "-n", script.toString()).strip(), script.toString());
            assertTrue(Files.isExecutable(script), script + " is executable");
        }
    }

    @Test
    void the_app_and_the_screen_run_as_service_users_and_restart_on_failure() throws Exception {
        String app = Files.readString(DEB.resolve("systemd/onetrip.service"));
        assertTrue(app.contains("User=onetrip\n") && app.contains("Restart=always") && app.contains("NoNewPrivileges=yes"));
        assertTrue(app.contains("RestartPreventExitStatus=78"), "a refused configuration is not restarted into");
        String start = Files.readString(DEB.resolve("bin/onetrip-kiosk"));
        assertTrue(start.contains("org.onetrip.kiosk.Main run ") && !start.contains(" demo "),
                "the packaged app is the enrolled terminal, not the demo");
        String screen = Files.readString(DEB.resolve("systemd/onetrip-kiosk.service"));
        assertTrue(screen.contains("User=onetrip-kiosk\n") && screen.contains("Restart=always"));
        for (Path unit : files("systemd")) {
            String name = unit.getFileName().toString();
            if (name.endsWith(".service") && !name.startsWith("onetrip-watchdog") && !name.startsWith("onetrip-screen")) {
                assertTrue(Files.readString(unit).contains("\nUser=onetrip"), name + " runs as a service user");
            }
        }
    }

    @Test
    void the_kiosk_session_is_one_cage_window_with_chromium_escapes_closed() throws Exception {
        String session = Files.readString(DEB.resolve("bin/onetrip-kiosk-session"));
        assertTrue(session.contains("exec cage -d -- chromium"), "cage without -s: no VT switching");
        for (String flag : List.of("--kiosk", "--block-new-web-contents", "--disable-session-crashed-bubble",
                "--overscroll-history-navigation=0", "--disable-pinch", "--no-first-run", "--disable-extensions",
                "--incognito", "--remote-debugging-address=127.0.0.1", "--disable-print-preview")) {
            assertTrue(session.contains(flag), flag);
        }
        String policy = Files.readString(DEB.resolve("chromium/onetrip.json"));
        for (String rule : List.of("\"URLBlocklist\": [\"*\"]", "\"DeveloperToolsAvailability\": 2",
                "\"DownloadRestrictions\": 3", "\"AllowFileSelectionDialogs\": false", "\"PrintingEnabled\": false",
                "\"ExtensionInstallBlocklist\": [\"*\"]",
                "\"VideoCaptureAllowedUrls\": [\"http://127.0.0.1:8080\"", "\"AudioCaptureAllowed\": false")) {
            assertTrue(policy.contains(rule), rule);
        }
    }

    @Test
    void logs_are_capped_and_kept_in_ram() throws Exception {
        String journald = Files.readString(DEB.resolve("journald/onetrip.conf"));
        assertTrue(journald.contains("Storage=volatile") && journald.contains("RuntimeMaxUse=48M"));
        String mount = Files.readString(DEB.resolve("systemd/var-lib-onetrip-logs.mount"));
        assertTrue(mount.contains("Type=tmpfs") && mount.contains("size=32m"));
    }

    @Test
    void udev_rules_give_devices_to_groups_not_to_everyone() throws Exception {
        String rules = Files.readString(DEB.resolve("udev/60-onetrip.rules"));
        assertTrue(rules.contains("GROUP=\"dialout\", MODE=\"0660\""));
        assertFalse(rules.contains("0666"), "no world-writable device");
        assertFalse(rules.contains("RUN+="), "nothing runs as root on hot-plug");
    }
}
