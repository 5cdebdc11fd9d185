package org.onetrip.provisioning.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.onetrip.store.catalog.RegionCode;

/**
 * Who and where this terminal is: its id, site, place in the five levels, and its uplink. Validated at start:
 * {@link #validate()} names every wrong setting and its fix at once.
 *
 * @param uplink the platform's Intake API base URI; empty in demo mode, where the simulator's is used
 * @param voice  spoken prompts ({@code voice.prompts}): on, off, or only in elder mode (the default)
 * @param retention how long resident data stays after the platform confirmed the case ({@code retention.days},
 *                  default {@link #DEFAULT_RETENTION})
 */
public record TerminalConfig(String terminalId, String siteName, SiteType siteType, RegionCode region,
                             URI uplink, Duration residentIdleTimeout, Voice voice, Duration retention) {
    /** 30 days after DONE/DELIVERED/REJECTED, resident data leaves the terminal. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public TerminalConfig {
        Objects.requireNonNull(region, "region");
        voice = voice == null ? Voice.ELDER : voice;
        retention = retention == null ? DEFAULT_RETENTION : retention;
    }

    /** A terminal keeping resident data for the default retention period. */
    public TerminalConfig(String terminalId, String siteName, SiteType siteType, RegionCode region, URI uplink,
                          Duration residentIdleTimeout, Voice voice) {
        this(terminalId, siteName, siteType, region, uplink, residentIdleTimeout, voice, null);
    }

    /** A terminal with voice prompts in elder mode only. */
    public TerminalConfig(String terminalId, String siteName, SiteType siteType, RegionCode region, URI uplink,
                          Duration residentIdleTimeout) {
        this(terminalId, siteName, siteType, region, uplink, residentIdleTimeout, Voice.ELDER);
    }

    /** Spoken prompts (offline speech): always, never, or for residents who switched on 长辈模式. */
    public enum Voice {
        ON, OFF, ELDER;

        /** {@code on}, {@code off} or {@code elder} (any case). */
        public static Voice parse(String text) {
            for (Voice v : values()) {
                if (v.name().equalsIgnoreCase(text.strip())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("voice.prompts must be on, off or elder (got: " + text + ")");
        }
    }

    public TerminalConfig withVoice(Voice setting) {
        return new TerminalConfig(terminalId, siteName, siteType, region, uplink, residentIdleTimeout, setting,
                retention);
    }

    public TerminalConfig withRetention(Duration period) {
        return new TerminalConfig(terminalId, siteName, siteType, region, uplink, residentIdleTimeout, voice, period);
    }

    /** The demo terminal: a village agency point at 长丰县 水湖镇 锦湖社区. */
    public static TerminalConfig demo() {
        return new TerminalConfig("demo-340121100004-01", "长丰县水湖镇锦湖社区便民服务站", SiteType.VILLAGE_POINT,
                RegionCode.of("340121100004"), null, Duration.ofSeconds(60));
    }

    public TerminalConfig withUplink(URI uri) {
        return new TerminalConfig(terminalId, siteName, siteType, region, uri, residentIdleTimeout, voice, retention);
    }

    /** Fails with every problem named, each with the setting and what to do. */
    public TerminalConfig validate() {
        List<String> problems = new ArrayList<>();
        if (terminalId == null || !terminalId.matches("[A-Za-z0-9-]{3,64}")) {
            problems.add("terminal.id must be 3-64 letters, digits or '-' (got: " + terminalId + ")");
        }
        if (siteName == null || siteName.isBlank()) {
            problems.add("site.name is empty: set the name residents know the site by");
        }
        if (siteType == null) {
            problems.add("site.type is missing: one of " + List.of(SiteType.values()));
        }
        if (uplink != null && (uplink.getScheme() == null
                || !List.of("http", "https").contains(uplink.getScheme().toLowerCase(java.util.Locale.ROOT)))) {
            problems.add("uplink.url must be an http(s) URL (got: " + uplink + ")");
        }
        if (residentIdleTimeout == null || residentIdleTimeout.toSeconds() < 15) {
            problems.add("resident.idle-timeout must be at least 15 seconds");
        }
        if (retention.toDays() < 1) {
            problems.add("retention.days must be at least 1 (days resident data stays after the case is finished)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("terminal configuration: " + String.join("; ", problems));
        }
        return this;
    }

    public enum SiteType {
        /** 自助终端 in a hall or public place */
        KIOSK,
        /** 村（社区）全程代办点 */
        VILLAGE_POINT,
        /** 乡镇（街道）便民服务中心 */
        TOWNSHIP_HALL
    }
}
