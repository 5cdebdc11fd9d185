package org.onetrip.provisioning.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.onetrip.hardware.serial.JSerialCommLink;
import org.onetrip.hardware.serial.SerialLink;
import org.onetrip.provisioning.selftest.SerialProbe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detect}: lists the serial ports ({@code /dev/ttyUSB*}, {@code ttyACM*}, {@code ttyAMA*},
 * {@code serial*}, and any {@code --port}) and probes each: SAM status for a reader, DLE EOT 4 for a printer;
 * with {@code --listen N} a port that answered neither is watched for a scanned code. USB line printers
 * ({@code /dev/usb/lp*}, the kernel's usblp driver) are listed too, with a permission problem and its udev fix
 * when the user running {@code detect} (the service user, under {@code sudo -u onetrip}) cannot write them.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "List serial ports and USB line printers; probe each port for an ID-card reader, receipt"
                + " printer or QR scanner.")
public final class DetectCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "also probe this device path (repeatable)")
    List<Path> ports = new ArrayList<>();

    @Option(names = "--dev", defaultValue = "/dev", hidden = true, description = "where device nodes are")
    Path dev;

    @Option(names = "--baud", split = ",", defaultValue = "115200,9600,19200",
            description = "baud rates to try, in order (default ${DEFAULT-VALUE})")
    List<Integer> bauds;

    @Option(names = "--timeout-ms", defaultValue = "400", description = "wait for each answer (default ${DEFAULT-VALUE})")
    int timeoutMs;

    @Option(names = "--listen", defaultValue = "0", description = "seconds to wait on a silent port for a scanned"
            + " code (show the scanner a QR code)")
    int listen;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    Format format;

    /** Whether the user running {@code detect} may write a device node (tests, which run as root, replace it). */
    Predicate<Path> writable = Files::isWritable;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        Set<Path> candidates = new LinkedHashSet<>();
        if (Files.isDirectory(dev)) {
            try (Stream<Path> s = Files.list(dev)) {
                s.filter(p -> p.getFileName().toString().matches("ttyUSB\\d+|ttyACM\\d+|ttyAMA\\d+|serial\\d+"))
                        .sorted().forEach(candidates::add);
            }
        }
        candidates.addAll(ports);
        List<SerialProbe.Result> results = new ArrayList<>();
        SerialProbe probe = new SerialProbe(timeoutMs);
        for (Path port : candidates) {
            results.add(probe(probe, port.toString()));
        }
        results.addAll(usbPrinters());
        if (format == Format.json) {
            out.println(Json.MAPPER.writeValueAsString(results));
        } else if (results.isEmpty()) {
            out.println("no serial ports or USB printers found (USB devices: check the cable; lsusb; dmesg | tail)");
        } else {
            for (var r : results) {
                out.printf("%-20s %-18s %s%n", r.path(), r.kind(), r.detail());
            }
        }
        out.flush();
        return 0;
    }

    /** {@code /dev/usb/lp*}: each is a printer-class USB device, listed without a probe (selftest asks it for its paper status). */
    private List<SerialProbe.Result> usbPrinters() throws IOException {
        Path usb = dev.resolve("usb");
        if (!Files.isDirectory(usb)) {
            return List.of();
        }
        List<SerialProbe.Result> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(usb)) {
            for (Path lp : s.filter(p -> p.getFileName().toString().matches("lp\\d+")).sorted().toList()) {
                found.add(new SerialProbe.Result(lp.toString(), 0, SerialProbe.Kind.RECEIPT_PRINTER,
                        writable.test(lp) ? "USB line printer: set printer.transport=usb and printer.usb.device=" + lp
                                + " (or /dev/onetrip/printer) in devices.properties" : notWritable(lp)));
            }
        }
        return found;
    }

    private static String notWritable(Path lp) {
        String who = System.getProperty("user.name");
        String mode = "";
        try {
            PosixFileAttributes a = Files.readAttributes(lp, PosixFileAttributes.class);
            mode = " (" + PosixFilePermissions.toString(a.permissions()) + " " + a.owner().getName() + ":"
                    + a.group().getName() + ")";
        } catch (IOException | UnsupportedOperationException e) {
            mode = "";
        }
        return "USB line printer, but user " + who + " cannot write it" + mode + ": the udev rule"
                + " /lib/udev/rules.d/60-onetrip.rules gives it to group plugdev, mode 0660: run 'sudo udevadm control"
                + " --reload-rules && sudo udevadm trigger --subsystem-match=usbmisc' (or replug it), check that"
                + " 'id onetrip' lists plugdev (sudo adduser onetrip plugdev), then sudo systemctl restart onetrip";
    }

    private SerialProbe.Result probe(SerialProbe probe, String path) {
        SerialProbe.Result last = null;
        for (int baud : bauds) {
            try (SerialLink link = JSerialCommLink.open(path, baud)) {
                last = probe.probe(link);
                if (last.kind() != SerialProbe.Kind.NOTHING_ANSWERED) {
                    return last;
                }
                if (listen > 0 && baud == bauds.getLast()) {
                    var line = probe.scannedLine(link, listen * 1000);
                    if (line.isPresent()) {
                        return new SerialProbe.Result(path, baud, SerialProbe.Kind.QR_SCANNER,
                                "read a code of " + line.get().length() + " characters");
                    }
                }
            } catch (RuntimeException e) {
                return new SerialProbe.Result(path, baud, SerialProbe.Kind.NOTHING_ANSWERED, e.getMessage());
            }
        }
        return last;
    }
}
