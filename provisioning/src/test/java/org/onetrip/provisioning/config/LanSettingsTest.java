package org.onetrip.provisioning.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAN mode's settings: off unless switched on; then an allow-list of address literals and a keystore that opens. */
class LanSettingsTest {
    @TempDir
    Path dir;

    @Test
    void lan_mode_is_off_unless_terminal_properties_switch_it_on() {
        assertTrue(LanSettings.fromProperties(new Properties(), new TerminalFiles(dir)).isEmpty());
        assertTrue(LanSettings.fromProperties(properties("web.lan", "false"), new TerminalFiles(dir)).isEmpty());
        ConfigurationException typo = assertThrows(ConfigurationException.class,
                () -> LanSettings.fromProperties(properties("web.lan", "yes"), new TerminalFiles(dir)));
        assertTrue(typo.getMessage().contains("web.lan must be true or false"), typo.getMessage());
    }

    @Test
    void the_allow_list_takes_ipv4_and_ipv6_addresses_and_blocks_but_not_names_everyone_or_bad_octets() {
        assertEquals(List.of("192.168.1.0/24", "10.0.0.5", "fd00::/64", "fe80::1"),
                LanSettings.allowList(" 192.168.1.0/24, 10.0.0.5 ,fd00::/64,fe80::1"));
        for (String wrong : new String[] {"0.0.0.0/0", "::/0", "tablet.local", "192.168.1.300", "10.0.0.0/33",
                "192.168.1.*"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> LanSettings.allowList("10.0.0.5," + wrong), wrong);
            assertTrue(e.getMessage().contains(wrong) && !e.getMessage().contains("10.0.0.5"), e.getMessage());
        }
        ConfigurationException empty = assertThrows(ConfigurationException.class, () -> LanSettings.allowList(" , "));
        assertTrue(empty.getMessage().contains("web.lan.allow is missing"), empty.getMessage());
    }

    @Test
    void a_certificate_made_by_the_provisioning_tool_opens_and_its_password_never_shows_in_the_settings_text() {
        TerminalFiles files = new TerminalFiles(dir);
        String fingerprint = LanCertificate.create(files, "OneTrip ot-test-01", List.of("192.168.1.20"));
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
        Properties p = properties("web.lan", "true");
        p.setProperty("web.lan.allow", "192.168.1.0/24");
        LanSettings lan = LanSettings.fromProperties(p, files).orElseThrow();
        assertEquals(LanSettings.DEFAULT_PORT, lan.port());
        assertEquals("0.0.0.0", lan.bind());
        assertFalse(lan.toString().contains(lan.keystorePassword()), lan.toString());
        assertEquals(fingerprint, LanCertificate.fingerprint(files.lanKeystore(), lan.keystorePassword()));
    }

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }
}
