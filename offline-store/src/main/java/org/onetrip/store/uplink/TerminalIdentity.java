package org.onetrip.store.uplink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The terminal's identity on the uplink: its id and SM2 key pair. The key pair is made on first start and
 * kept in the key directory, the private key readable by its owner only; the provisioning issue will own
 * enrolment (sending the public key to the county).
 */
public record TerminalIdentity(String terminalId, PrivateKey privateKey, PublicKey publicKey) {
    static final String PRIVATE_KEY_FILE = "terminal-key.pem";
    static final String PUBLIC_KEY_FILE = "terminal-key.pub.pem";

    public String publicKeyPem() {
        return Sm2.publicKeyPem(publicKey);
    }

    /** Loads the key pair from {@code keyDir}, creating it (owner-only permissions) when there is none yet. */
    public static TerminalIdentity loadOrCreate(String terminalId, Path keyDir) {
        Path privateFile = keyDir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = keyDir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                create(keyDir, privateFile, publicFile);
            }
            PrivateKey privateKey = Sm2.parsePrivateKey(Files.readString(privateFile, StandardCharsets.US_ASCII));
            PublicKey publicKey = Sm2.parsePublicKey(Files.readString(publicFile, StandardCharsets.US_ASCII));
            return new TerminalIdentity(terminalId, privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("terminal key[" + keyDir + "]: cannot read or create the key pair", e);
        }
    }

    private static void create(Path keyDir, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(keyDir);
        KeyPair pair = Sm2.generateKeyPair();
        Path tmp = keyDir.resolve(PRIVATE_KEY_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, Sm2.privateKeyPem(pair.getPrivate()), StandardCharsets.US_ASCII);
        Files.writeString(publicFile, Sm2.publicKeyPem(pair.getPublic()), StandardCharsets.US_ASCII);
        Files.move(tmp, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
