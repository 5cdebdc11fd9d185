package org.onetrip.hardware.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where jSerialComm's native library comes from. Left alone, jSerialComm extracts it world-writable under /tmp
 * (and fails where /tmp is {@code noexec}); {@link #extractTo(Path)} puts it in a directory we own, owner-only,
 * and points {@code jSerialComm.library.path} at it. Call it before the first port is opened (the composition
 * root does, with the data directory's {@code native/}).
 */
public final class SerialNatives {
    private static final Logger log = LoggerFactory.getLogger(SerialNatives.class);
    public static final String PROPERTY = "jSerialComm.library.path";

    private SerialNatives() {
    }

    /** Extracts the library for this machine into {@code dir} (owner-only) and tells jSerialComm to load it there. */
    public static synchronized void extractTo(Path dir) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        String arch = archDirectory();
        if (arch == null) {
            log.warn("serial: no bundled jSerialComm library known for {} {}; jSerialComm will pick its own",
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            return;
        }
        String resource = "/Linux/" + arch + "/libjSerialComm.so";
        try (InputStream in = com.fazecast.jSerialComm.SerialPort.class.getResourceAsStream(resource)) {
            if (in == null) {
                log.warn("serial: {} is not in the jSerialComm jar; jSerialComm will pick its own", resource);
                return;
            }
            Files.createDirectories(dir);
            Path target = dir.resolve("libjSerialComm.so");
            Path tmp = Files.createTempFile(dir, "libjSerialComm", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.setProperty(PROPERTY, dir.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("serial: cannot extract jSerialComm's native library to " + dir, e);
        }
    }

    /** Before opening: if nobody chose a directory, use one under the user's cache rather than world-writable /tmp. */
    static void ensureConfigured() {
        if (System.getProperty(PROPERTY) == null) {
            extractTo(Path.of(System.getProperty("user.home"), ".cache", "onetrip", "native"));
        }
    }

    private static String archDirectory() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "armv8_64";
            case "arm", "armhf", "armv7l" -> "armv7hf";
            case "x86", "i386", "i686" -> "x86";
            default -> null;
        };
    }
}
