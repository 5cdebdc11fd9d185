package org.onetrip.store.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The key-encryption key in a file, {@code <keys>/data-kek} (16 random bytes, mode 0600 in a 0700 directory, owned
 * by the service user), made on the first start of an empty store. The data key is wrapped with SM4-GCM under it:
 * {@code 0x01 ‖ nonce(12) ‖ ciphertext ‖ tag}. A key file that other users could read is refused, as ssh does.
 */
public final class FileKeyWrapper implements KeyWrapper {
    public static final String FILE_NAME = "data-kek";
    private static final byte VERSION = 1;
    private static final byte[] AAD = "onetrip data key".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final SecureRandom random;

    public FileKeyWrapper(Path keysDir, SecureRandom random) {
        this.file = keysDir.toAbsolutePath().resolve(FILE_NAME);
        this.random = random;
    }

    public FileKeyWrapper(Path keysDir) {
        this(keysDir, new SecureRandom());
    }

    public Path file() {
        return file;
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        byte[] kek = Files.exists(file) ? read() : create();
        byte[] nonce = new byte[Sm4Gcm.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = Sm4Gcm.encrypt(kek, nonce, AAD, dataKey);
            byte[] out = new byte[1 + nonce.length + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, nonce.length);
            System.arraycopy(sealed, 0, out, 1 + nonce.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new DataKeyException(this + ": cannot wrap the data key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        if (wrapped.length < 1 + Sm4Gcm.NONCE_BYTES + Sm4Gcm.TAG_BYTES || wrapped[0] != VERSION) {
            throw new DataKeyException(this + ": the wrapped data key in the database is damaged (format "
                    + (wrapped.length == 0 ? "empty" : wrapped[0]) + "); restore the database from a backup");
        }
        byte[] kek = read();
        try {
            return Sm4Gcm.decrypt(kek, Arrays.copyOfRange(wrapped, 1, 1 + Sm4Gcm.NONCE_BYTES), AAD, wrapped,
                    1 + Sm4Gcm.NONCE_BYTES, wrapped.length - 1 - Sm4Gcm.NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new DataKeyException(this + ": this key file does not unwrap the database's data key (a key file"
                    + " of another terminal or installation?). Put back the " + FILE_NAME + " that was made with this"
                    + " database; do not delete the database", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private byte[] read() {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    throw new DataKeyException(this + ": readable by others (" + PosixFilePermissions.toString(perms)
                            + "); make it the service user's alone: chmod 600 " + file + ", then start again");
                }
            }
            byte[] kek = Files.readAllBytes(file);
            if (kek.length != Sm4Gcm.KEY_BYTES) {
                throw new DataKeyException(this + ": holds " + kek.length + " bytes, not a " + Sm4Gcm.KEY_BYTES
                        + "-byte key; put back the terminal's own " + FILE_NAME + " from its backup");
            }
            return kek;
        } catch (NoSuchFileException e) {
            throw new DataKeyException(this + ": missing. The database's residents' data is encrypted under a key"
                    + " only this file unwraps: restore " + file + " from the terminal's backup (owner the service"
                    + " user, mode 600) and start again. Do not delete the database: a new key cannot read it", e);
        } catch (AccessDeniedException e) {
            throw new DataKeyException(this + ": cannot be read by this user; run the kiosk as the service user that"
                    + " owns " + file + " (chown onetrip " + file + ")", e);
        } catch (IOException e) {
            throw new DataKeyException(this + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] create() {
        byte[] kek = new byte[Sm4Gcm.KEY_BYTES];
        random.nextBytes(kek);
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, PosixFilePermissions.fromString("rwx------"));
            }
            try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
                out.write(java.nio.ByteBuffer.wrap(kek));
                out.force(true);
            }
            restrict(file, OWNER_ONLY); // the umask may have narrowed it further, never widened: set it exactly
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // the directory's entry is as durable as the file system allows
            }
            return kek;
        } catch (FileAlreadyExistsException e) {
            return read(); // made meanwhile by another start: use that one
        } catch (UnsupportedOperationException e) {
            throw new DataKeyException(this + ": the file system cannot make an owner-only file; keep the data"
                    + " directory on a POSIX file system (ext4)", e);
        } catch (IOException e) {
            throw new DataKeyException(this + ": cannot be created: " + e.getMessage()
                    + "; the data directory must be writable by the service user", e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> perms) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, perms);
        }
    }

    @Override
    public String toString() {
        return "key-file[" + file + "]";
    }
}
