package org.onetrip.store.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyWrapperTest {
    @TempDir
    Path dir;
    private final SecureRandom random = new SecureRandom();
    private final byte[] dataKey = new byte[16];

    FileKeyWrapperTest() {
        random.nextBytes(dataKey);
    }

    @Test
    void the_key_file_is_made_on_first_wrap_readable_by_its_owner_only() throws Exception {
        FileKeyWrapper keys = new FileKeyWrapper(dir.resolve("keys"), random);
        assertFalse(Files.exists(keys.file()));

        byte[] wrapped = keys.wrap(dataKey);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys"))));
        assertEquals(16, Files.size(keys.file()));
        assertArrayEquals(dataKey, new FileKeyWrapper(dir.resolve("keys"), random).unwrap(wrapped));
    }

    @Test
    void a_missing_key_file_is_named_with_the_fix_and_never_made_again_by_unwrap() {
        byte[] wrapped = new FileKeyWrapper(dir.resolve("keys"), random).wrap(dataKey);
        FileKeyWrapper keys = new FileKeyWrapper(dir.resolve("keys"), random);
        keys.file().toFile().delete();

        DataKeyException e = assertThrows(DataKeyException.class, () -> keys.unwrap(wrapped));

        assertTrue(e.getMessage().contains(keys.file().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("restore"), e.getMessage());
        assertFalse(Files.exists(keys.file()));
    }

    @Test
    void a_key_file_others_can_read_is_refused_with_the_chmod_to_run() throws Exception {
        FileKeyWrapper keys = new FileKeyWrapper(dir.resolve("keys"), random);
        byte[] wrapped = keys.wrap(dataKey);
        Files.setPosixFilePermissions(keys.file(), PosixFilePermissions.fromString("rw-r--r--"));

        DataKeyException e = assertThrows(DataKeyException.class, () -> keys.unwrap(wrapped));

        assertTrue(e.getMessage().contains("chmod 600 " + keys.file()), e.getMessage());
    }

    @Test
    void another_terminals_key_file_does_not_unwrap_the_data_key() {
        byte[] wrapped = new FileKeyWrapper(dir.resolve("a"), random).wrap(dataKey);
        FileKeyWrapper other = new FileKeyWrapper(dir.resolve("b"), random);
        other.wrap(new byte[16]);

        DataKeyException e = assertThrows(DataKeyException.class, () -> other.unwrap(wrapped));
        assertTrue(e.getMessage().contains("does not unwrap"), e.getMessage());
    }

    @Test
    void a_changed_wrapped_key_does_not_unwrap() {
        FileKeyWrapper keys = new FileKeyWrapper(dir.resolve("keys"), random);
        byte[] wrapped = keys.wrap(dataKey);
        wrapped[20] ^= 1;

        assertThrows(DataKeyException.class, () -> keys.unwrap(wrapped));
    }
}
