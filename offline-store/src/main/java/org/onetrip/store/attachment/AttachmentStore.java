package org.onetrip.store.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onetrip.store.crypto.DataCipher;
import org.onetrip.store.crypto.SealedFiles;
import org.onetrip.store.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment files: {@code <dir>/ab/abcdef…}, named by the SHA-256 of their bytes. {@link #stage} streams
 * the bytes to a temporary file while hashing them, forces them to disk and renames the file to its hash (then
 * forces the directory), so a file under its final name is always whole. Memory use does not depend on the
 * size of an attachment. Rows are written when a submission referring to them is sealed.
 *
 * <p>Files are encrypted under the store's data key ({@link SealedFiles}) from the first byte written, staging
 * included: nothing of a photo is ever on disk in the clear. The name stays the SHA-256 of the plaintext (the
 * Intake API's content address); {@link #open} gives the plaintext back.
 */
public final class AttachmentStore {
    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
    private static final int CHUNK = 64 * 1024;

    private final Path dir;
    private final Supplier<DataCipher> cipher;

    /** The files under {@code dir}, sealed by {@code cipher} (asked on each use: a database's is there once started). */
    public AttachmentStore(Path dir, Supplier<DataCipher> cipher) {
        this.dir = dir.toAbsolutePath();
        this.cipher = cipher;
    }

    public Path dir() {
        return dir;
    }

    /** Copies {@code in} (to its end) into the store durably and returns its reference; the caller closes {@code in}. */
    public AttachmentRef stage(InputStream in, String mediaType) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = dir.resolve(".staging-" + UUID.randomUUID());
            MessageDigest sha = sha256();
            long size = 0;
            String hash;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream sealed = new BufferedOutputStream(Channels.newOutputStream(out), CHUNK + 64);
                SealedFiles.Writer writer = cipher.get().fileWriter(sealed);
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    writer.write(buffer, 0, n);
                    size += n;
                }
                Arrays.fill(buffer, (byte) 0);
                hash = HexFormat.of().formatHex(sha.digest());
                writer.finish(hash);
                sealed.flush();
                out.force(true);
            }
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && Files.size(target) == SealedFiles.sealedSize(size)) {
                Files.delete(tmp);
                Files.setLastModifiedTime(target, FileTime.from(Instant.now())); // staged again: its grace starts now
            } else {
                move(tmp, target);
                forceDirectory(target.getParent());
            }
            return new AttachmentRef(hash, size, mediaType);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StoreException("attachments[" + dir + "]: cannot store an attachment: " + e.getMessage(), e);
        }
    }

    /** Stages bytes already in memory (small attachments, tests). */
    public AttachmentRef stage(byte[] bytes, String mediaType) {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return stage(in, mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the file of {@code sha256} is (or would be). */
    public Path path(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Whether the file of {@code ref} is present with its size, sealed (a cheap check; reading it checks every
     * segment's tag, the platform the hash).
     */
    public boolean isPresent(AttachmentRef ref) {
        Path file = path(ref.sha256());
        try {
            return Files.isRegularFile(file) && Files.size(file) == SealedFiles.sealedSize(ref.size());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The plaintext of the file of {@code sha256}, streamed (memory does not grow with its size); the caller closes
     * it. A read of a file that was changed, cut short or renamed fails with an {@link IOException}.
     */
    public InputStream open(String sha256) throws IOException {
        return cipher.get().openFile(Files.newInputStream(path(sha256)), sha256);
    }

    /** The whole plaintext of the file of {@code sha256} (small files: a courier bundle, tests). */
    public byte[] read(String sha256) throws IOException {
        try (InputStream in = open(sha256)) {
            return in.readAllBytes();
        }
    }

    /** What {@link #sweep} found: files removed, and files kept because a sealed submission refers to them. */
    public record Sweep(int removed, long bytesRemoved, int kept) {
    }

    /**
     * Removes what a crash between staging and sealing leaves behind: half-written staging files, and staged
     * files that {@code referenced} (a sealed submission's attachment row) does not know, once last staged
     * before {@code olderThan}. Newer files are kept: a resident may still be about to seal them. Run it at start,
     * before sessions begin.
     */
    public Sweep sweep(Predicate<String> referenced, Instant olderThan) {
        if (!Files.isDirectory(dir)) {
            return new Sweep(0, 0, 0);
        }
        int removed = 0;
        long bytes = 0;
        int kept = 0;
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                boolean staging = name.startsWith(".staging-");
                boolean staged = !staging && SHA256_NAME.matcher(name).matches()
                        && file.getParent().getFileName().toString().equals(name.substring(0, 2));
                if (!staging && !staged) {
                    continue;
                }
                if (staged && referenced.test(name)) {
                    kept++;
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.lastModifiedTime().toInstant().isBefore(olderThan)) {
                    continue;
                }
                Files.deleteIfExists(file);
                removed++;
                bytes += attributes.size();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException(this + ": cannot sweep unsealed attachments: " + e.getMessage(), e);
        }
        return new Sweep(removed, bytes, kept);
    }

    private static final Pattern SHA256_NAME = Pattern.compile("[0-9a-f]{64}");

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("attachments: cannot fsync directory {} ({}); the rename is as durable as the file system allows",
                    directory, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("attachments: staging file {} left behind ({}); it is never referred to", file, e.toString());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "attachments[" + dir + "]";
    }
}
