package org.onetrip.store.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onetrip.store.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment files: {@code <dir>/ab/abcdef…}, named by the SHA-256 of their bytes. {@link #stage} streams
 * the bytes to a temporary file while hashing them, forces them to disk and renames the file to its hash (then
 * forces the directory), so a file under its final name is always whole. Memory use does not depend on the
 * size of an attachment. Rows are written when a submission referring to them is sealed.
 */
public final class AttachmentStore {
    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
    private static final int CHUNK = 64 * 1024;

    private final Path dir;

    public AttachmentStore(Path dir) {
        this.dir = dir.toAbsolutePath();
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
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    size += n;
                }
                out.force(true);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && Files.size(target) == size) {
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

    /** Whether the file of {@code ref} is present with its size (a cheap check; the platform checks the hash). */
    public boolean isPresent(AttachmentRef ref) {
        Path file = path(ref.sha256());
        try {
            return Files.isRegularFile(file) && Files.size(file) == ref.size();
        } catch (IOException e) {
            return false;
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
