package org.onetrip.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.printer.SimulatedPrinter;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.qr.SimulatedQrScanner;
import org.onetrip.intake.IntakeSimulator;
import org.onetrip.intake.IntakeSimulatorConfig;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.kiosk.web.WebServer;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.db.Database;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.TerminalIdentity;

import java.util.random.RandomGenerator;

/**
 * The composition root of a running kiosk: every long-running part, constructed with plain constructors and
 * started in order (database, platform simulator, devices, uplink, sync, web), stopped in reverse.
 */
public final class KioskApplication extends ContainerLifeCycle {
    /** China keeps one time zone; receipts, promised dates and the platform's day all use it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

    private final WebServer web;
    private final SimulatedIdCardReader reader;
    private final SimulatedPrinter printer;
    private final Database database;
    private final IntakeSimulator intake;
    private final KioskServices services;

    /** Demo-mode settings; tests shorten the platform's schedule and the sync interval. */
    public record DemoSettings(String host, int port, Path dataDir, StatusSchedule schedule, Duration syncInterval) {
        public static DemoSettings of(int port, Path dataDir) {
            return new DemoSettings("127.0.0.1", port, dataDir, StatusSchedule.demo(), Duration.ofSeconds(5));
        }
    }

    /** Demo mode: simulated devices, the embedded demo catalog, a local simulated platform as the uplink. */
    public static KioskApplication demo(DemoSettings settings, Clock clock) {
        return new KioskApplication(settings, TerminalConfig.demo().validate(), clock);
    }

    private KioskApplication(DemoSettings settings, TerminalConfig config, Clock clock) {
        ZoneId zone = clock.getZone();
        database = new Database(settings.dataDir().resolve("onetrip.db"), clock);
        intake = new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", 0,
                settings.dataDir().resolve("intake-simulator.db"), settings.schedule(), Duration.ofMinutes(10)),
                clock);
        reader = new SimulatedIdCardReader();
        SimulatedQrScanner scanner = new SimulatedQrScanner();
        printer = new SimulatedPrinter(PrinterProfile.MM80);
        TerminalIdentity identity = TerminalIdentity.loadOrCreate(config.terminalId(), settings.dataDir().resolve("keys"));
        IntakeClient uplink = new IntakeClient(intake::baseUri, identity, clock);
        AuditLog audit = new AuditLog(clock);
        SubmissionStore store = new SubmissionStore(database, audit, clock, config.terminalId(),
                new AttachmentStore(settings.dataDir().resolve("attachments")));
        FeedbackStore feedback = new FeedbackStore(database, audit, clock, config.terminalId(), UUID::randomUUID);
        SyncEngine sync = new SyncEngine(new Outbox(store), uplink, clock, RandomGenerator.getDefault(),
                settings.syncInterval());
        sync.setFeedback(feedback);
        sync.setHeartbeat(softwareVersion(), Duration.ofMinutes(5),
                () -> Map.of("printerPaper", printer.status().name()));
        ReceiptService receipts = new ReceiptService(printer, config, zone);
        KioskServices services = new KioskServices()
                .register(TerminalConfig.class, config)
                .register(ZoneId.class, zone)
                .register(SubmissionStore.class, store)
                .register(FeedbackStore.class, feedback)
                .register(SyncEngine.class, sync)
                .register(CardTapService.class, new CardTapService(reader))
                .register(ReceiptService.class, receipts)
                .register(ApplyService.class, new ApplyService(demoCatalog(), config, store, sync, receipts, clock,
                        UUID::randomUUID))
                .register(DemoControls.class, new DemoControls(reader));
        this.services = services;
        web = new WebServer(settings.host(), settings.port(), services);

        for (LifeCycle part : List.of(database, intake, new DemoEnrolment(intake, identity), reader, scanner, printer,
                uplink, sync, web)) {
            part.addEventListener(PART_LOG);
            addBean(part, true);
        }
    }

    /** Tells the technician, in the log, each part as it starts and stops: the order is the diagnosis. */
    private static final LifeCycle.Listener PART_LOG = new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarted(LifeCycle part) {
            log.info("started {}", part);
        }

        @Override
        public void lifeCycleStopped(LifeCycle part) {
            log.info("stopped {}", part);
        }

        @Override
        public void lifeCycleFailure(LifeCycle part, Throwable cause) {
            log.error("failed {}: {}", part, cause.getMessage());
        }
    };

    /** Demo mode's stand-in for enrolment: the simulated platform learns this terminal's public key at start. */
    private static final class DemoEnrolment extends AbstractLifeCycle {
        private final IntakeSimulator intake;
        private final TerminalIdentity identity;

        DemoEnrolment(IntakeSimulator intake, TerminalIdentity identity) {
            this.intake = intake;
            this.identity = identity;
        }

        @Override
        protected void doStart() {
            intake.enroll(identity.terminalId(), identity.publicKeyPem());
        }

        @Override
        public String toString() {
            return "demo-enrolment[" + identity.terminalId() + "]@" + getState();
        }
    }

    private static String softwareVersion() {
        String version = KioskApplication.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static Catalog demoCatalog() {
        try (InputStream in = KioskApplication.class.getResourceAsStream("demo/demo-catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("the embedded demo catalog is missing from the jar");
            }
            return Catalog.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services the views are built from (browserless view tests use them without the web server). */
    public KioskServices services() {
        return services;
    }

    public URI uri() {
        return web.uri();
    }

    public Path databaseFile() {
        return database.file();
    }

    public SimulatedIdCardReader reader() {
        return reader;
    }

    public SimulatedPrinter printer() {
        return printer;
    }

    public IntakeSimulator intake() {
        return intake;
    }
}
