package org.onetrip.provisioning.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * LAN mode: the kiosk UI also served over HTTPS to the staff's tablet on the site's network, to the client addresses
 * of an allow-list only. Off unless {@code terminal.properties} says {@code web.lan=true}; the local Chromium always
 * uses plain HTTP on loopback. Settings:
 * <pre>
 *   web.lan=true
 *   web.lan.allow=192.168.1.0/24,10.0.0.5     required: client addresses or CIDR blocks (IPv4 or IPv6)
 *   web.lan.port=8443                         optional, default 8443
 *   web.lan.bind=0.0.0.0                      optional: the local address to listen on, default every address
 * </pre>
 * The certificate and key are the PKCS12 keystore {@code config/tls/lan.p12}, its password in
 * {@code config/tls/lan.p12.password} (both owner-only; {@code onetrip-provision lan} makes them).
 *
 * @param allow    the allow-list entries, as written (validated as address literals or CIDR blocks)
 * @param keystore the PKCS12 keystore with the server's key and certificate
 */
public record LanSettings(String bind, int port, List<String> allow, Path keystore, String keystorePassword) {
    public static final int DEFAULT_PORT = 8443;
    public static final String ENABLED = "web.lan";
    public static final String ALLOW = "web.lan.allow";
    public static final String PORT = "web.lan.port";
    public static final String BIND = "web.lan.bind";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

    public LanSettings {
        allow = List.copyOf(allow);
    }

    /** {@code password} hidden: the record is logged at start. */
    @Override
    public String toString() {
        return "lan[https://" + bind + ":" + port + " allow " + String.join(",", allow) + "]";
    }

    /**
     * LAN mode as {@code terminal.properties} sets it, or empty when it is off. Refuses, naming the setting and the
     * fix, an allow-list that is missing, empty or not made of addresses, a bad port, or a keystore that is missing
     * or cannot be opened with its password.
     */
    public static Optional<LanSettings> fromProperties(Properties p, TerminalFiles files) {
        String enabled = p.getProperty(ENABLED, "false").strip();
        if (enabled.equalsIgnoreCase("false") || enabled.isEmpty()) {
            return Optional.empty();
        }
        if (!enabled.equalsIgnoreCase("true")) {
            throw new ConfigurationException(ENABLED + " must be true or false (got: " + enabled + ")");
        }
        List<String> allow = allowList(p.getProperty(ALLOW, ""));
        int port = port(p.getProperty(PORT, Integer.toString(DEFAULT_PORT)));
        String bind = p.getProperty(BIND, "0.0.0.0").strip();
        if (!isAddress(bind)) {
            throw new ConfigurationException(BIND + " must be an IP address of this terminal (got: " + bind + ")");
        }
        Path keystore = files.lanKeystore();
        String password = password(files.lanKeystorePassword(), keystore);
        checkKeystore(keystore, password);
        return Optional.of(new LanSettings(bind, port, allow, keystore, password));
    }

    /** The allow-list entries: each an IPv4/IPv6 address or CIDR block; {@code /0} (everyone) is refused. */
    static List<String> allowList(String text) {
        List<String> entries = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (entries.isEmpty()) {
            throw new ConfigurationException(ALLOW + " is missing: LAN mode needs the addresses of the staff's"
                    + " devices, e.g. " + ALLOW + "=192.168.1.0/24 (or set " + ENABLED + "=false)");
        }
        List<String> wrong = new ArrayList<>();
        for (String entry : entries) {
            if (!isAddress(entry) || entry.endsWith("/0")) {
                wrong.add(entry);
            }
        }
        if (!wrong.isEmpty()) {
            throw new ConfigurationException(ALLOW + " must list IP addresses or CIDR blocks narrower than /0"
                    + " (not: " + String.join(", ", wrong) + ")");
        }
        return Collections.unmodifiableList(entries);
    }

    private static boolean isAddress(String text) {
        if (IPV4.matcher(text).matches()) {
            String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            boolean octets = Arrays.stream(address.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
            return octets && (!text.contains("/") || Integer.parseInt(text.substring(text.indexOf('/') + 1)) <= 32);
        }
        return IPV6.matcher(text).matches()
                && (!text.contains("/") || Integer.parseInt(text.substring(text.indexOf('/') + 1)) <= 128);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(PORT + " must be a port number 0-65535 (got: " + text + ")");
    }

    private static String password(Path file, Path keystore) {
        if (!Files.isRegularFile(keystore) || !Files.isRegularFile(file)) {
            throw new ConfigurationException("LAN mode needs the TLS keystore " + keystore + " and its password file "
                    + file + ": run 'sudo -u onetrip onetrip-provision lan --address IP --allow …'"
                    + " (docs/operations.md#lan-mode)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static void checkKeystore(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ConfigurationException(keystore + " holds no private key: make it again with"
                        + " 'onetrip-provision lan'");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(keystore + " cannot be opened with the password in its .password file ("
                    + e.getMessage() + "): make both again with 'onetrip-provision lan'");
        }
    }
}
