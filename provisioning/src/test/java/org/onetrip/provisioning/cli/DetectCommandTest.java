package org.onetrip.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onetrip.hardware.idcard.sam.SamFrames;
import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialLink;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code detect} on socat pseudo-terminals: one plays a SAM reader, one an ESC/POS printer, one stays silent. */
class DetectCommandTest {
    @TempDir
    Path dir;
    final List<Process> socats = new ArrayList<>();
    final List<Thread> devices = new ArrayList<>();
    volatile boolean running = true;

    @AfterEach
    void unplug() throws Exception {
        running = false;
        for (Thread t : devices) {
            t.join(2000);
        }
        for (Process p : socats) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts socat for {@code name}; returns the host side; {@code answer} plays the device (null: silent). */
    private Path port(String name, java.util.function.Function<byte[], byte[]> answer) throws Exception {
        Path host = dir.resolve(name);
        Path device = dir.resolve(name + "-device");
        socats.add(new ProcessBuilder("/usr/bin/socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not make " + host);
            }
            Thread.sleep(10);
        }
        if (answer != null) {
            SerialLink link = JSerialCommLink.open(device.toString(), 115200);
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[64];
                try (link) {
                    while (running) {
                        int n = link.read(buf, 100);
                        if (n > 0) {
                            byte[] reply = answer.apply(java.util.Arrays.copyOf(buf, n));
                            if (reply != null) {
                                link.write(reply);
                            }
                        }
                    }
                }
            });
            devices.add(t);
        }
        return host;
    }

    @Test
    void detect_tells_the_reader_from_the_printer_and_names_a_silent_port() throws Exception {
        Path reader = port("ttyREADER", in -> (in[0] & 0xFF) == 0xAA ? SamFrames.response(0, 0, 0x90) : null);
        Path printer = port("ttyPRINTER", in -> in[0] == 0x10 && in.length >= 3 ? new byte[] {0x12} : null);
        Path silent = port("ttySILENT", null);
        Files.createDirectories(dir.resolve("dev"));
        Terminals t = new Terminals(Files.createDirectories(dir.resolve("t")));

        int code = t.run("detect", "--dev", dir.resolve("dev").toString(), "--baud", "115200", "--timeout-ms", "300",
                "--format", "json", "--port", reader.toString(), "--port", printer.toString(), "--port",
                silent.toString());

        assertEquals(0, code, t.err.toString());
        JsonNode results = JsonMapper.builder().build().readTree(t.out.toString());
        assertEquals(3, results.size(), t.out.toString());
        assertEquals("ID_CARD_READER", results.get(0).path("kind").asString(), t.out.toString());
        assertEquals("RECEIPT_PRINTER", results.get(1).path("kind").asString(), t.out.toString());
        assertTrue(results.get(1).path("detail").asString().contains("READY"), t.out.toString());
        assertEquals("NOTHING_ANSWERED", results.get(2).path("kind").asString(), t.out.toString());
    }

    /** Runs {@code detect} on {@code dev} with "may the service user write it" answered by {@code writable}. */
    private String detectUsb(Path dev, java.util.function.Predicate<Path> writable, String format) {
        DetectCommand detect = new DetectCommand();
        detect.writable = writable;
        java.io.StringWriter out = new java.io.StringWriter();
        int code = new picocli.CommandLine(detect).setOut(new java.io.PrintWriter(out))
                .execute("--dev", dev.toString(), "--format", format);
        assertEquals(0, code);
        return out.toString();
    }

    @Test
    void usb_line_printers_are_listed_with_the_settings_that_use_them() throws Exception {
        Path dev = Files.createDirectories(dir.resolve("dev/usb"));
        Files.createFile(dev.resolve("lp0"));
        Files.createFile(dev.resolve("hiddev0"));

        String text = detectUsb(dir.resolve("dev"), p -> true, "text");

        assertTrue(text.contains(dev.resolve("lp0").toString()) && text.contains("RECEIPT_PRINTER")
                && text.contains("printer.transport=usb") && text.contains("printer.usb.device=" + dev.resolve("lp0")),
                text);
        assertTrue(!text.contains("hiddev0"), "only lp nodes are printers: " + text);
    }

    @Test
    void a_usb_printer_the_service_user_cannot_write_is_reported_with_the_udev_fix() throws Exception {
        Path dev = Files.createDirectories(dir.resolve("dev/usb"));
        Files.createFile(dev.resolve("lp1"));

        JsonNode json = JsonMapper.builder().build().readTree(detectUsb(dir.resolve("dev"), p -> false, "json"));

        assertEquals(1, json.size());
        String detail = json.get(0).path("detail").asString();
        assertEquals(dev.resolve("lp1").toString(), json.get(0).path("path").asString());
        assertTrue(detail.contains("cannot write") && detail.contains("60-onetrip.rules") && detail.contains("plugdev")
                && detail.contains("udevadm trigger"), detail);
    }

    @Test
    void a_machine_without_usb_printers_or_serial_ports_says_so() throws Exception {
        Files.createDirectories(dir.resolve("dev"));
        assertTrue(detectUsb(dir.resolve("dev"), p -> true, "text").contains("no serial ports or USB printers"));
    }
}
