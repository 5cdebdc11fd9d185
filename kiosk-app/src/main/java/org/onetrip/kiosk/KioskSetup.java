package org.onetrip.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.hardware.printer.PrinterConfig;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.provisioning.config.LanSettings;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.catalog.CatalogBundle;

/**
 * Everything that differs between a demo and a production terminal, and nothing else: {@link KioskApplication}
 * assembles both the same way. Demo = production with simulated devices, the shipped demo catalog and a local
 * platform simulator as the uplink; production = what {@code onetrip-provision enroll/apply} wrote
 * ({@link EnrolledTerminal}).
 *
 * @param catalog             the signed catalog bundle imported at start when the store holds nothing newer
 * @param catalogAuthority    the key that bundle (and every later one from the platform) must be signed with
 * @param platform            where submissions go: a remote Intake API, or a simulator started in-process
 * @param residentIdleTimeout overrides the terminal's {@code resident.idle-timeout}; null keeps it
 * @param lan                 LAN mode (HTTPS to an allow-list, {@code web.lan*} in terminal.properties); empty: the
 *                            UI is served on loopback only (the demo, and every terminal not configured otherwise)
 */
public record KioskSetup(String host, int port, Path dataDir, TerminalConfig terminal, DeviceConfig devices,
                         PrinterConfig printer, CatalogBundle catalog, PublicKey catalogAuthority, Platform platform,
                         Duration syncInterval, Duration residentIdleTimeout, Optional<LanSettings> lan) {
    public KioskSetup {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(catalog, "catalog");
        lan = lan == null ? Optional.empty() : lan;
    }

    /** A setup served on loopback only. */
    public KioskSetup(String host, int port, Path dataDir, TerminalConfig terminal, DeviceConfig devices,
                      PrinterConfig printer, CatalogBundle catalog, PublicKey catalogAuthority, Platform platform,
                      Duration syncInterval, Duration residentIdleTimeout) {
        this(host, port, dataDir, terminal, devices, printer, catalog, catalogAuthority, platform, syncInterval,
                residentIdleTimeout, Optional.empty());
    }

    /** The platform the terminal talks to. */
    public sealed interface Platform {
        /** The provincial platform's Intake API, as enrolled ({@code uplink.url}). */
        record Remote(URI base) implements Platform {
        }

        /** A local simulated platform, started with the kiosk and stopped with it (demo mode). */
        record LocalSimulator(StatusSchedule schedule) implements Platform {
        }
    }

    /** The demo shipped in the jar: 长丰县's catalog, the demo authority's key, a local simulated platform. */
    public static KioskSetup demo(KioskApplication.DemoSettings settings, DeviceConfig devices) {
        return new KioskSetup(settings.host(), settings.port(), settings.dataDir(), TerminalConfig.demo().validate(),
                devices, PrinterConfig.simulated().validate(), CatalogBundle.resource(DEMO_BUNDLE),
                CatalogBundle.demoAuthority(), new Platform.LocalSimulator(settings.schedule()),
                settings.syncInterval(), settings.residentIdleTimeout());
    }

    static final String DEMO_BUNDLE = "catalog-340121";

    public Path nativeDir() {
        return dataDir.resolve("native");
    }

    public Duration idleTimeout() {
        return residentIdleTimeout != null ? residentIdleTimeout : terminal.residentIdleTimeout();
    }

    public Optional<StatusSchedule> localPlatform() {
        return platform instanceof Platform.LocalSimulator local ? Optional.of(local.schedule()) : Optional.empty();
    }

    /** The same terminal with a shorter sync interval or idle timeout (tests). */
    public KioskSetup with(Duration syncInterval, Duration residentIdleTimeout) {
        return new KioskSetup(host, port, dataDir, terminal, devices, printer, catalog, catalogAuthority, platform,
                syncInterval, residentIdleTimeout, lan);
    }

    /** The same terminal with LAN mode on as {@code settings} say (tests). */
    public KioskSetup withLan(LanSettings settings) {
        return new KioskSetup(host, port, dataDir, terminal, devices, printer, catalog, catalogAuthority, platform,
                syncInterval, residentIdleTimeout, Optional.of(settings));
    }
}
