package org.onetrip.provisioning.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onetrip.store.catalog.RegionCode;

class TerminalConfigTest {
    private static final TerminalConfig DEMO = TerminalConfig.demo();

    @Test
    void the_demo_configuration_is_valid() {
        assertSame(DEMO, DEMO.validate());
        assertEquals(RegionCode.of("340121100004"), DEMO.region());
    }

    @Test
    void an_https_or_http_uplink_is_accepted() {
        DEMO.withUplink(URI.create("https://intake.ah.gov.cn/")).validate();
        TerminalConfig local = DEMO.withUplink(URI.create("http://127.0.0.1:8081"));

        assertEquals(URI.create("http://127.0.0.1:8081"), local.validate().uplink());
    }

    @Test
    void a_terminal_id_with_spaces_or_chinese_or_too_short_is_named() {
        for (String bad : new String[] {"终端01", "T 1", "ab", "x".repeat(65), "", null}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> with(bad, DEMO.siteName(), DEMO.siteType(), DEMO.uplink(), DEMO.residentIdleTimeout())
                            .validate(), "terminal id " + bad);
            assertTrue(e.getMessage().contains("terminal.id"), e.getMessage());
            assertTrue(e.getMessage().contains("3-64 letters, digits or '-'"), "says how to fix it: " + e.getMessage());
        }
    }

    @Test
    void a_blank_site_name_is_named() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> with(DEMO.terminalId(), "   ", DEMO.siteType(), null, DEMO.residentIdleTimeout()).validate());

        assertTrue(e.getMessage().contains("site.name"), e.getMessage());
        assertFalse(e.getMessage().contains("terminal.id"), "only the wrong setting: " + e.getMessage());
    }

    @Test
    void a_missing_site_type_is_named_with_the_choices() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> with(DEMO.terminalId(), DEMO.siteName(), null, null, DEMO.residentIdleTimeout()).validate());

        assertTrue(e.getMessage().contains("site.type"), e.getMessage());
        assertTrue(e.getMessage().contains("VILLAGE_POINT"), e.getMessage());
    }

    @Test
    void an_ftp_uplink_is_named() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> DEMO.withUplink(URI.create("ftp://intake.ah.gov.cn/")).validate());

        assertTrue(e.getMessage().contains("uplink.url"), e.getMessage());
        assertTrue(e.getMessage().contains("ftp://intake.ah.gov.cn/"), e.getMessage());
    }

    @Test
    void an_uplink_without_a_scheme_is_named() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> DEMO.withUplink(URI.create("intake.ah.gov.cn/api")).validate());

        assertTrue(e.getMessage().contains("uplink.url"), e.getMessage());
    }

    @Test
    void an_idle_timeout_of_5_seconds_is_named_and_15_is_enough() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> with(DEMO.terminalId(), DEMO.siteName(), DEMO.siteType(), null, Duration.ofSeconds(5))
                        .validate());
        assertTrue(e.getMessage().contains("resident.idle-timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("15 seconds"), e.getMessage());

        with(DEMO.terminalId(), DEMO.siteName(), DEMO.siteType(), null, Duration.ofSeconds(15)).validate();
        assertThrows(ConfigurationException.class,
                () -> with(DEMO.terminalId(), DEMO.siteName(), DEMO.siteType(), null, null).validate());
    }

    @Test
    void several_wrong_settings_are_reported_at_once() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> with("终端 1", "", null, URI.create("ftp://x/"), Duration.ofSeconds(5)).validate());

        String message = e.getMessage();
        assertTrue(message.startsWith("terminal configuration: "), message);
        for (String setting : new String[] {"terminal.id", "site.name", "site.type", "uplink.url",
                "resident.idle-timeout"}) {
            assertTrue(message.contains(setting), setting + " missing from: " + message);
        }
        assertEquals(5, message.split("; ").length, message);
    }

    @Test
    void a_configuration_without_a_region_cannot_be_made() {
        assertThrows(NullPointerException.class, () -> new TerminalConfig("T-1", "站", TerminalConfig.SiteType.KIOSK,
                null, null, Duration.ofSeconds(60)));
    }

    @Test
    void voice_prompts_default_to_elder_mode_and_the_setting_round_trips() {
        assertEquals(TerminalConfig.Voice.ELDER, DEMO.voice());
        java.util.Properties p = TerminalFiles.toProperties(DEMO.withVoice(TerminalConfig.Voice.OFF));
        assertEquals("off", p.getProperty("voice.prompts"));
        assertEquals(TerminalConfig.Voice.OFF, TerminalFiles.fromProperties(p).voice());
        p.setProperty("voice.prompts", " ON ");
        assertEquals(TerminalConfig.Voice.ON, TerminalFiles.fromProperties(p).voice());
        p.remove("voice.prompts");
        assertEquals(TerminalConfig.Voice.ELDER, TerminalFiles.fromProperties(p).voice(), "older files keep working");
    }

    @Test
    void an_unknown_voice_setting_is_named_with_its_choices() {
        java.util.Properties p = TerminalFiles.toProperties(DEMO);
        p.setProperty("voice.prompts", "loud");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TerminalFiles.fromProperties(p));
        assertTrue(e.getMessage().contains("voice.prompts must be on, off or elder"), e.getMessage());
    }

    private static TerminalConfig with(String id, String site, TerminalConfig.SiteType type, URI uplink,
                                       Duration idle) {
        return new TerminalConfig(id, site, type, DEMO.region(), uplink, idle);
    }

    @Test
    void retention_days_default_to_30_survive_the_properties_and_must_be_at_least_one() {
        assertEquals(Duration.ofDays(30), DEMO.retention());
        java.util.Properties p = TerminalFiles.toProperties(DEMO.withRetention(Duration.ofDays(90)));
        assertEquals("90", p.getProperty("retention.days"));
        assertEquals(Duration.ofDays(90), TerminalFiles.fromProperties(p).validate().retention());
        p.remove("retention.days");
        assertEquals(Duration.ofDays(30), TerminalFiles.fromProperties(p).retention());
        p.setProperty("retention.days", "0");
        ConfigurationException zero = assertThrows(ConfigurationException.class,
                () -> TerminalFiles.fromProperties(p).validate());
        assertTrue(zero.getMessage().contains("retention.days must be at least 1"), zero.getMessage());
        p.setProperty("retention.days", "thirty");
        ConfigurationException words = assertThrows(ConfigurationException.class,
                () -> TerminalFiles.fromProperties(p));
        assertTrue(words.getMessage().contains("retention.days"), words.getMessage());
    }

    @Test
    void properties_with_a_region_that_is_no_division_or_an_uplink_that_is_no_url_are_configuration_errors() {
        // found by ProvisioningBundleFuzzTest: both escaped as IllegalArgumentException
        java.util.Properties p = TerminalFiles.toProperties(TerminalConfig.demo());
        p.setProperty("region", "000922760655");
        ConfigurationException region = assertThrows(ConfigurationException.class, () -> TerminalFiles.fromProperties(p));
        p.setProperty("region", "340121100004");
        p.setProperty("uplink.url", "https://intake example.cn/");
        ConfigurationException uplink = assertThrows(ConfigurationException.class, () -> TerminalFiles.fromProperties(p));

        assertTrue(region.getMessage().contains("region 000922760655"), region.getMessage());
        assertTrue(uplink.getMessage().contains("uplink.url"), uplink.getMessage());
    }
}
