package org.onetrip.provisioning.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onetrip.store.uplink.CryptoException;
import org.onetrip.store.uplink.Sm2;

/**
 * The county terminals' list: one SM2 public key per terminal of the county (as enrolment prints it), in a
 * directory as {@code <terminal id>.pub.pem}. The county passes such a directory to {@code onetrip-provision bundle
 * --county-terminals DIR}; {@code apply} writes the list to {@code config/trusted/terminals/}
 * ({@link TerminalFiles#countyTerminals()}), where the courier finds whom to encrypt bundles for and whose bundles
 * to accept. Only public keys: no terminal's private key ever leaves it.
 */
public final class CountyTerminals {
    public static final String SUFFIX = ".pub.pem";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private CountyTerminals() {
    }

    /** Whether {@code id} may name a terminal in the list (and so a file). */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The keys in {@code dir} by terminal id, each checked to be an SM2 public key; other files are ignored and a
     * missing directory is an empty list.
     *
     * @throws ConfigurationException naming the file and the fix when one cannot be read or is not a key
     */
    public static Map<String, String> readPems(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationException(dir + ": cannot list the county terminals' keys: " + e.getMessage());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - SUFFIX.length());
            if (!validId(id)) {
                throw new ConfigurationException(file + ": '" + id + "' is not a terminal id (letters, digits, '.',"
                        + " '_' and '-'); rename the file to <terminal id>" + SUFFIX);
            }
            try {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                Sm2.parsePublicKey(pem);
                out.put(id, pem);
            } catch (IOException | CryptoException e) {
                throw new ConfigurationException(file + ": not an SM2 public key in PEM (" + e.getMessage()
                        + "); replace it with the terminal's key from its enrolment request");
            }
        }
        return out;
    }

    /** The public keys in {@code dir} (see {@link #readPems}). */
    public static List<PublicKey> read(Path dir) {
        List<PublicKey> keys = new ArrayList<>();
        readPems(dir).values().forEach(pem -> keys.add(Sm2.parsePublicKey(pem)));
        return keys;
    }

    /** Writes {@code pems} (terminal id to PEM) into {@code dir}, one {@code <id>.pub.pem} each. */
    public static void write(Map<String, String> pems, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : pems.entrySet()) {
            if (!validId(e.getKey())) {
                throw new ConfigurationException("county terminal id '" + e.getKey() + "' is not a plain name");
            }
            Files.writeString(dir.resolve(e.getKey() + SUFFIX), e.getValue(), StandardCharsets.US_ASCII);
        }
    }
}
