package org.onetrip.provisioning.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes LAN mode's self-signed certificate with the JDK's {@code keytool} (shipped with every Java runtime the
 * package depends on): an EC P-256 key, valid ten years, its subject alternative names the terminal's LAN addresses,
 * in {@code config/tls/lan.p12} with a random password in {@code lan.p12.password}, both owner-only. The staff's
 * tablet trusts it once; the technician compares the SHA-256 fingerprint the command prints with what the tablet
 * shows.
 */
public final class LanCertificate {
    static final String ALIAS = "onetrip-lan";

    private LanCertificate() {
    }

    /**
     * Writes a new keystore and password file for {@code addresses} (IP addresses the tablet will type, at least
     * one), replacing any earlier one; returns the certificate's SHA-256 fingerprint ({@code AB:CD:…}).
     */
    public static String create(TerminalFiles files, String commonName, List<String> addresses) {
        if (addresses.isEmpty()) {
            throw new ConfigurationException("the certificate needs at least one address of this terminal (--address)");
        }
        Path keystore = files.lanKeystore();
        Path passwordFile = files.lanKeystorePassword();
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(keystore);
            Path keytool = keytool();
            String san = addresses.stream().map(a -> (a.contains(".") || a.contains(":") ? "ip:" : "dns:") + a)
                    .collect(Collectors.joining(","));
            ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                    "-dname", "CN=" + commonName.replace(",", " "), "-ext", "SAN=" + san,
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass:env", "ONETRIP_LAN_PASSWORD", "-keypass:env", "ONETRIP_LAN_PASSWORD", "-noprompt")
                    .redirectErrorStream(true);
            builder.environment().put("ONETRIP_LAN_PASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ConfigurationException("keytool could not make the certificate: " + output);
            }
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            for (Path p : List.of(keystore, passwordFile)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            }
            return fingerprint(keystore, password);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + keystore + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while making the certificate");
        }
    }

    /** The SHA-256 fingerprint of the keystore's certificate, as browsers show it ({@code AB:CD:…}). */
    public static String fingerprint(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(ALIAS);
            if (certificate == null) {
                certificate = store.getCertificate(store.aliases().nextElement());
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(keystore + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** {@code keytool} next to the running Java. */
    private static Path keytool() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new ConfigurationException(keytool + " is missing: install the Java runtime's tools"
                    + " (apt-get install openjdk-21-jre-headless ships keytool)");
        }
        return keytool;
    }
}
