package org.onetrip.hardware.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.onetrip.hardware.panel.GpioPanel;
import org.onetrip.hardware.panel.PanelPins;

/**
 * Which devices this terminal has and how they are attached. Read from a properties file
 * ({@code devices.properties}, keys in docs/hardware.md) and validated at once: {@link #fromProperties} names every
 * wrong or unknown setting with its fix in one message, so a technician fixes the file in one go.
 */
public record DeviceConfig(ReaderSettings reader, ScannerSettings scanner, PanelSettings panel) {
    /** Line speeds a reader or scanner can be set to. */
    public static final List<Integer> BAUDS = List.of(9600, 19200, 38400, 57600, 115200);
    /** BCM GPIO lines on the 40-pin header of every Pi model. */
    public static final int MAX_BCM = 27;

    public enum Kind { SIMULATED, SERIAL, KEYBOARD_WEDGE, GPIO, NONE }

    /** @param path the reader's serial device; the baud rate is probed (115200 first) */
    public record ReaderSettings(Kind kind, String path, Duration poll) {
    }

    /** @param terminator the bytes the scanner sends after each code */
    public record ScannerSettings(Kind kind, String path, int baud, byte[] terminator, Charset charset) {
    }

    public record PanelSettings(Kind kind, GpioPanel.Provider provider, String chip, PanelPins pins) {
    }

    /** Demo mode: every device simulated. */
    public static DeviceConfig simulated() {
        return new DeviceConfig(new ReaderSettings(Kind.SIMULATED, null, Duration.ofMillis(200)),
                new ScannerSettings(Kind.SIMULATED, null, 9600, new byte[]{'\r'}, StandardCharsets.UTF_8),
                new PanelSettings(Kind.SIMULATED, GpioPanel.Provider.GPIOD, "gpiochip0", PanelPins.none()));
    }

    public static DeviceConfig load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new DeviceConfigException("device configuration " + file + " cannot be read (" + e.getMessage()
                    + "): check the path and that the service user may read it");
        }
        return fromProperties(p);
    }

    private static final Set<String> KEYS = Set.of("reader", "reader.path", "reader.poll-ms", "scanner",
            "scanner.path", "scanner.baud", "scanner.terminator", "scanner.charset", "panel", "panel.provider",
            "panel.chip", "panel.debounce-ms", "panel.pin.status-led", "panel.pin.fault-led", "panel.pin.buzzer",
            "panel.pin.help-button", "panel.pin.tamper-switch", "panel.pin.presence-sensor");

    /** Parses and validates; unset keys take the defaults in docs/hardware.md. */
    public static DeviceConfig fromProperties(Properties p) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!KEYS.contains(key)) {
                problems.add("unknown setting " + key + ": remove it or correct its name (known: "
                        + new TreeSet<>(KEYS) + ")");
            }
        }
        Parser in = new Parser(p, problems);
        ReaderSettings reader = new ReaderSettings(in.kind("reader", Kind.SERIAL, Kind.SERIAL, Kind.SIMULATED),
                in.string("reader.path"), Duration.ofMillis(in.integer("reader.poll-ms", 200)));
        ScannerSettings scanner = new ScannerSettings(
                in.kind("scanner", Kind.KEYBOARD_WEDGE, Kind.SERIAL, Kind.KEYBOARD_WEDGE, Kind.SIMULATED, Kind.NONE),
                in.string("scanner.path"), in.integer("scanner.baud", 9600), in.terminator("scanner.terminator"),
                in.charset("scanner.charset"));
        PanelPins pins = new PanelPins(in.pin("panel.pin.status-led"), in.pin("panel.pin.fault-led"),
                in.pin("panel.pin.buzzer"), in.pin("panel.pin.help-button"), in.pin("panel.pin.tamper-switch"),
                in.pin("panel.pin.presence-sensor"), in.integer("panel.debounce-ms", 30));
        PanelSettings panel = new PanelSettings(in.kind("panel", Kind.GPIO, Kind.GPIO, Kind.SIMULATED, Kind.NONE),
                in.provider("panel.provider"), p.getProperty("panel.chip", "gpiochip0").strip(), pins);
        DeviceConfig config = new DeviceConfig(reader, scanner, panel);
        problems.addAll(config.problems());
        if (!problems.isEmpty()) {
            throw new DeviceConfigException("device configuration: " + String.join("; ", problems));
        }
        return config;
    }

    /** Fails with every problem named, each with the setting and what to do. */
    public DeviceConfig validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new DeviceConfigException("device configuration: " + String.join("; ", problems));
        }
        return this;
    }

    /** Advice that does not stop the start: a path that may change between boots. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (reader.kind() == Kind.SERIAL && reader.path() != null && reader.path().matches("/dev/tty(USB|ACM)\\d+")) {
            w.add("reader.path " + reader.path() + " can change between boots and ports: use its name under "
                    + "/dev/serial/by-id/ (ls -l /dev/serial/by-id/)");
        }
        if (scanner.kind() == Kind.SERIAL && scanner.path() != null && scanner.path().matches("/dev/tty(USB|ACM)\\d+")) {
            w.add("scanner.path " + scanner.path() + " can change between boots and ports: use its name under "
                    + "/dev/serial/by-id/ (ls -l /dev/serial/by-id/)");
        }
        return w;
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (reader.kind() == Kind.SERIAL) {
            requirePath(problems, "reader.path", reader.path(), "the ID-card reader");
        }
        if (reader.poll().toMillis() < 50 || reader.poll().toMillis() > 2000) {
            problems.add("reader.poll-ms must be 50-2000 (got " + reader.poll().toMillis() + "); 200 is a good value");
        }
        if (scanner.kind() == Kind.SERIAL) {
            requirePath(problems, "scanner.path", scanner.path(), "the QR scanner");
            if (!BAUDS.contains(scanner.baud())) {
                problems.add("scanner.baud must be one of " + BAUDS + " (got " + scanner.baud()
                        + "): set the rate the scanner was configured to, 9600 by factory default");
            }
        }
        if (panel.kind() == Kind.GPIO) {
            Map<Integer, String> used = new HashMap<>();
            panel.pins().byName().forEach((name, pin) -> {
                if (pin < 0 || pin > MAX_BCM) {
                    problems.add("panel.pin." + name + " must be a BCM GPIO number 0-" + MAX_BCM + " (got " + pin + ")");
                }
                String other = used.putIfAbsent(pin, name);
                if (other != null) {
                    problems.add("panel.pin." + name + " and panel.pin." + other + " are both GPIO " + pin
                            + ": give each part its own pin");
                }
            });
            if (!panel.chip().matches("gpiochip\\d+")) {
                problems.add("panel.chip must name a chip like gpiochip0 (got '" + panel.chip() + "'); gpiodetect lists them");
            }
            if (panel.pins().debounceMillis() < 0 || panel.pins().debounceMillis() > 1000) {
                problems.add("panel.debounce-ms must be 0-1000 (got " + panel.pins().debounceMillis() + ")");
            }
        }
        return problems;
    }

    private static void requirePath(List<String> problems, String key, String path, String what) {
        if (path == null || path.isBlank()) {
            problems.add(key + " is missing: set the device path of " + what
                    + ", preferably its name under /dev/serial/by-id/");
        } else if (!path.startsWith("/")) {
            problems.add(key + " must be an absolute path (got '" + path + "')");
        }
    }

    /** Reads typed values, adding a problem (and a harmless default) for each that does not parse. */
    private record Parser(Properties p, List<String> problems) {
        String string(String key) {
            String v = p.getProperty(key);
            return v == null || v.isBlank() ? null : v.strip();
        }

        Kind kind(String key, Kind fallback, Kind... allowed) {
            String v = string(key);
            if (v == null) {
                return fallback;
            }
            String norm = v.toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind k : allowed) {
                if (k.name().equals(norm)) {
                    return k;
                }
            }
            problems.add(key + " must be one of " + names(allowed) + " (got '" + v + "')");
            return fallback;
        }

        int integer(String key, int fallback) {
            String v = string(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number (got '" + v + "')");
                return fallback;
            }
        }

        OptionalInt pin(String key) {
            String v = string(key);
            if (v == null) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                problems.add(key + " must be a BCM GPIO number like 17 (got '" + v + "'); leave it out if not wired");
                return OptionalInt.empty();
            }
        }

        byte[] terminator(String key) {
            String v = string(key);
            if (v == null) {
                return new byte[]{'\r'};
            }
            return switch (v.toUpperCase(Locale.ROOT)) {
                case "CR" -> new byte[]{'\r'};
                case "LF" -> new byte[]{'\n'};
                case "CRLF" -> new byte[]{'\r', '\n'};
                case "TAB" -> new byte[]{'\t'};
                case "ETX" -> new byte[]{0x03};
                default -> {
                    problems.add(key + " must be CR, LF, CRLF, TAB or ETX (got '" + v
                            + "'): the suffix the scanner is configured to send, CR by factory default");
                    yield new byte[]{'\r'};
                }
            };
        }

        Charset charset(String key) {
            String v = string(key);
            if (v == null) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(v);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                problems.add(key + " must be UTF-8 or GBK (got '" + v + "')");
                return StandardCharsets.UTF_8;
            }
        }

        GpioPanel.Provider provider(String key) {
            String v = string(key);
            if (v == null) {
                return GpioPanel.Provider.GPIOD;
            }
            try {
                return GpioPanel.Provider.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(key + " must be gpiod or linuxfs (got '" + v + "'); gpiod works on every Pi");
                return GpioPanel.Provider.GPIOD;
            }
        }

        private static List<String> names(Kind... kinds) {
            return java.util.Arrays.stream(kinds).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        }
    }

    @Override
    public String toString() {
        return "DeviceConfig[reader=" + reader.kind() + " " + reader.path() + ", scanner=" + scanner.kind() + " "
                + scanner.path() + "@" + scanner.baud() + ", panel=" + panel.kind() + " " + panel.provider() + " "
                + panel.chip() + " " + panel.pins().byName() + "]";
    }
}
