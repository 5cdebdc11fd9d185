package org.onetrip.hardware.printer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.escpos.PrinterProfile.ChineseFont;
import org.onetrip.hardware.printer.escpos.PrinterProfile.CutMode;
import org.onetrip.hardware.printer.transport.DeviceFileTransport;
import org.onetrip.hardware.printer.transport.SerialTransport;
import org.onetrip.hardware.printer.transport.TcpTransport;

/**
 * Which receipt printer this terminal has and how it is reached, as a technician sets it:
 *
 * <pre>
 * printer.transport = serial | usb | tcp | simulated
 * printer.serial.path = /dev/ttyUSB0        printer.serial.baud = 9600
 * printer.usb.device = /dev/usb/lp0
 * printer.tcp.host = 192.168.1.20          printer.tcp.port = 9100
 * printer.paper = 58 | 80                  (mm; 384 or 576 dots)
 * printer.native-qr = yes | no             (no: QR codes are sent as raster images)
 * printer.cut = full | partial | none      (default: full on 80 mm, none on 58 mm)
 * printer.font = gb2312 | gbk | gb18030    (default gb2312; other characters print as images)
 * </pre>
 *
 * {@link #validate()} names every wrong setting with its fix at once; {@link #open()} builds the
 * driver.
 */
public record PrinterConfig(Transport transport, int paperMm, boolean nativeQr, CutMode cut, ChineseFont font) {

    static final Set<Integer> BAUD_RATES = Set.of(9600, 19200, 38400, 57600, 115200);

    /** How the printer is reached. */
    public sealed interface Transport {
        record Serial(String path, int baud) implements Transport {
        }

        record UsbDevice(String path) implements Transport {
        }

        record Tcp(String host, int port) implements Transport {
        }

        /** The in-memory printer of demo mode and tests. */
        record Simulated() implements Transport {
        }
    }

    /** Demo mode's printer: simulated, 80 mm, full cut, native QR. */
    public static PrinterConfig simulated() {
        return new PrinterConfig(new Transport.Simulated(), 80, true, CutMode.FULL, ChineseFont.GB2312);
    }

    /**
     * Reads the {@code printer.*} settings; unparseable values are reported by
     * {@link #validate()} as a problem, not thrown here one by one.
     */
    public static PrinterConfig fromProperties(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String kind = lower(settings.getOrDefault("printer.transport", ""));
        Transport transport = switch (kind) {
            case "serial" -> new Transport.Serial(settings.getOrDefault("printer.serial.path", ""),
                    number(settings, "printer.serial.baud", 9600, problems));
            case "usb" -> new Transport.UsbDevice(settings.getOrDefault("printer.usb.device", "/dev/usb/lp0"));
            case "tcp" -> new Transport.Tcp(settings.getOrDefault("printer.tcp.host", ""),
                    number(settings, "printer.tcp.port", 9100, problems));
            case "simulated" -> new Transport.Simulated();
            default -> {
                problems.add("printer.transport must be serial, usb, tcp or simulated (got: '" + kind + "')");
                yield null;
            }
        };
        int paper = number(settings, "printer.paper", 80, problems);
        boolean nativeQr = switch (lower(settings.getOrDefault("printer.native-qr", "yes"))) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> {
                problems.add("printer.native-qr must be yes or no: print the printer's self-test page;"
                        + " if it lists QR or GS ( k, say yes");
                yield true;
            }
        };
        CutMode cut = enumValue(CutMode.class, settings.get("printer.cut"), paper == 58 ? CutMode.NONE : CutMode.FULL,
                "printer.cut must be full, partial or none", problems);
        ChineseFont font = enumValue(ChineseFont.class, settings.get("printer.font"), ChineseFont.GB2312,
                "printer.font must be gb2312, gbk or gb18030 (gb2312 when unsure)", problems);
        if (!problems.isEmpty()) {
            throw new PrinterConfigException(problems);
        }
        return new PrinterConfig(transport, paper, nativeQr, cut, font);
    }

    /** Fails with every problem named, each with the setting and what to do. */
    public PrinterConfig validate() {
        List<String> problems = new ArrayList<>();
        switch (transport) {
            case null -> problems.add("printer.transport is missing: serial, usb, tcp or simulated");
            case Transport.Serial serial -> {
                if (serial.path() == null || !serial.path().startsWith("/dev/")) {
                    problems.add("printer.serial.path must be a device path such as /dev/ttyUSB0"
                            + " or /dev/serial/by-id/… (got: '" + serial.path() + "')");
                }
                if (!BAUD_RATES.contains(serial.baud())) {
                    problems.add("printer.serial.baud must be one of 9600, 19200, 38400, 57600, 115200"
                            + " as on the printer's self-test page (got: " + serial.baud() + ")");
                }
            }
            case Transport.UsbDevice usb -> {
                if (usb.path() == null || !usb.path().startsWith("/dev/")) {
                    problems.add("printer.usb.device must be a device file such as /dev/usb/lp0 (got: '"
                            + usb.path() + "')");
                }
            }
            case Transport.Tcp tcp -> {
                if (tcp.host() == null || tcp.host().isBlank()) {
                    problems.add("printer.tcp.host is empty: the printer's IP address from its self-test page");
                }
                if (tcp.port() < 1 || tcp.port() > 65535) {
                    problems.add("printer.tcp.port must be 1-65535, usually 9100 (got: " + tcp.port() + ")");
                }
            }
            case Transport.Simulated simulated -> { }
        }
        if (paperMm != 58 && paperMm != 80) {
            problems.add("printer.paper must be 58 or 80 (mm, the roll width; got: " + paperMm + ")");
        }
        if (cut == null) {
            problems.add("printer.cut is missing: full, partial or none");
        }
        if (font == null) {
            problems.add("printer.font is missing: gb2312, gbk or gb18030");
        }
        if (!problems.isEmpty()) {
            throw new PrinterConfigException(problems);
        }
        return this;
    }

    /** The profile to encode jobs for. Call on a validated config. */
    public PrinterProfile profile() {
        PrinterProfile base = paperMm == 58 ? PrinterProfile.MM58 : PrinterProfile.MM80;
        return new PrinterProfile(base.name(), base.dotsPerLine(), base.charsPerLine(), cut, nativeQr, font);
    }

    /** The driver for this printer, not started. Call on a validated config. */
    public ReceiptPrinter open() {
        PrinterProfile profile = profile();
        return switch (Objects.requireNonNull(transport, "transport")) {
            case Transport.Serial serial -> new EscPosPrinter(new SerialTransport(serial.path(), serial.baud()), profile);
            case Transport.UsbDevice usb -> new EscPosPrinter(new DeviceFileTransport(Path.of(usb.path())), profile);
            case Transport.Tcp tcp -> new EscPosPrinter(new TcpTransport(tcp.host(), tcp.port()), profile);
            case Transport.Simulated simulated -> new SimulatedPrinter(profile);
        };
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static int number(Map<String, String> settings, String key, int fallback, List<String> problems) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number (got: '" + value + "')");
            return fallback;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback, String problem,
                                                   List<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem + " (got: '" + value + "')");
            return fallback;
        }
    }
}
