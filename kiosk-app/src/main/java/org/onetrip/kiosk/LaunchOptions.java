package org.onetrip.kiosk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The command line: {@code demo [--port 8080] [--data-dir DIR]} (simulated devices and platform) or
 * {@code run [--port 8080] [--data-dir /var/lib/onetrip]} (the enrolled terminal, as onetrip.service starts it).
 * Wrong arguments raise {@link UsageException} with a sentence for the person typing them.
 */
record LaunchOptions(String command, int port, Path dataDir) {
    static final int DEFAULT_PORT = 8080;
    static final String USAGE = "usage: ./onetrip demo [--port PORT] [--data-dir DIR]\n"
            + "       onetrip-kiosk (Main run [--port PORT] [--data-dir DIR], default " + "/var/lib/onetrip)";
    /** Where a packaged terminal keeps its data (the onetrip user's home, written by onetrip-provision). */
    static final Path PRODUCTION_DATA_DIR = Path.of("/var/lib/onetrip");

    static LaunchOptions parse(String[] args, Path defaultDataDir) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        if (!"demo".equals(args[0]) && !"run".equals(args[0])) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        int port = DEFAULT_PORT;
        Path dataDir = production(args[0]) ? PRODUCTION_DATA_DIR : defaultDataDir;
        Iterator<String> it = Arrays.asList(args).subList(1, args.length).iterator();
        while (it.hasNext()) {
            String option = it.next();
            if (!it.hasNext()) {
                throw new UsageException("option " + option + " needs a value");
            }
            String value = it.next();
            switch (option) {
                case "--port" -> port = port(value);
                case "--data-dir" -> dataDir = Path.of(value);
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        return new LaunchOptions(args[0], port, dataDir.toAbsolutePath().normalize());
    }

    /** True for {@code run}: the enrolled terminal rather than the demo. */
    boolean production() {
        return production(command);
    }

    private static boolean production(String command) {
        return "run".equals(command);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be 0-65535, got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number, got '" + value + "'");
        }
    }

    /** The user's data directory: $XDG_DATA_HOME/onetrip, else ~/.local/share/onetrip. */
    static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("onetrip");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
