package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private static final Path HOME = Path.of("/home/kiosk/.local/share/onetrip");

    @Test
    void demo_alone_uses_port_8080_and_the_users_data_directory() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"demo"}, HOME);
        assertEquals(8080, o.port());
        assertEquals(HOME, o.dataDir());
    }

    @Test
    void port_and_data_directory_can_be_chosen() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"demo", "--port", "9090", "--data-dir", "/srv/ot"}, HOME);
        assertEquals(9090, o.port());
        assertEquals(Path.of("/srv/ot"), o.dataDir());
    }

    @Test
    void unknown_commands_and_options_are_refused_with_their_name() {
        var e = assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"serve"}, HOME));
        assertTrue(e.getMessage().contains("serve"));
        e = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse(new String[] {"demo", "--colour", "red"}, HOME));
        assertTrue(e.getMessage().contains("--colour"));
    }

    @Test
    void a_port_that_is_not_a_port_is_refused() {
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"demo", "--port", "http"}, HOME));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"demo", "--port", "70000"}, HOME));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"demo", "--port"}, HOME));
    }
}
