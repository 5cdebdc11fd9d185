package org.onetrip.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import org.onetrip.hardware.config.DeviceConfig;
import org.onetrip.hardware.config.DeviceConfigException;
import org.onetrip.hardware.config.Devices;
import org.onetrip.hardware.idcard.SimulatedIdCardReader;
import org.onetrip.hardware.printer.SimulatedPrinter;
import org.onetrip.hardware.printer.PrinterConfig;
import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.hardware.serial.SerialNatives;
import org.onetrip.hardware.panel.Panel;
import org.onetrip.hardware.panel.PanelFeedback;
import org.onetrip.intake.IntakeSimulator;
import org.onetrip.intake.IntakeSimulatorConfig;
import org.onetrip.intake.StatusSchedule;
import org.onetrip.kiosk.agency.AgencyParts;
import org.onetrip.store.staff.Roster;
import org.onetrip.kiosk.agency.ledger.AgencyBooks;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.apply.DeliveryService;
import org.onetrip.kiosk.complaint.ComplaintService;
import org.onetrip.kiosk.ticket.TicketService;
import org.onetrip.store.ticket.QueueTickets;
import org.onetrip.kiosk.demo.DemoControls;
import org.onetrip.kiosk.demo.DemoCounty;
import org.onetrip.kiosk.identify.CardTapService;
import org.onetrip.kiosk.identify.TerminalScreen;
import org.onetrip.kiosk.materials.MaterialsService;
import org.onetrip.kiosk.panel.PanelEvents;
import org.onetrip.kiosk.voice.VoicePrompts;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.scan.ScanService;
import org.onetrip.kiosk.session.IdleService;
import org.onetrip.kiosk.status.ReceiptLookup;
import org.onetrip.kiosk.technician.TechnicianService;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.kiosk.web.WebServer;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.attachment.AttachmentStore;
import org.onetrip.store.crypto.FileKeyWrapper;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.catalog.Catalog;
import org.onetrip.store.catalog.CatalogBundle;
import org.onetrip.store.catalog.CatalogStore;
import org.onetrip.store.catalog.LiveCatalog;
import org.onetrip.store.catalog.Synonyms;
import org.onetrip.store.region.DivisionFiles;
import org.onetrip.store.region.DivisionStore;
import org.onetrip.store.region.Divisions;
import org.onetrip.kiosk.coverage.CoverageService;
import org.onetrip.kiosk.guide.GuideService;
import org.onetrip.store.db.Database;
import org.onetrip.store.feedback.FeedbackStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.AttachmentSweep;
import org.onetrip.store.submission.SubmissionIds;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.retention.RetentionPurge;
import org.onetrip.store.retention.RetentionSchedule;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.token.ReceiptTokenSigner;
import org.onetrip.store.token.ReceiptTokenVerifier;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.uplink.IntakeClient;
import org.onetrip.store.uplink.TerminalIdentity;

import java.util.random.RandomGenerator;

/**
 * The composition root of a running kiosk: every long-running part, constructed with plain constructors and
 * started in order (platform simulator in demo mode, database, devices, printer, uplink, catalog, sync, web),
 * stopped in reverse. Demo and production are one assembly of a {@link KioskSetup}: demo mode is production
 * with simulated devices, the demo catalog and a local simulated platform.
 */
public final class KioskApplication extends ContainerLifeCycle {
    /** China keeps one time zone; receipts, promised dates and the platform's day all use it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(KioskApplication.class);

    private final KioskSetup setup;
    private final Clock clock;
    private final Database database;
    private final Optional<IntakeSimulator> intake;
    private final Devices devices;
    private final ReceiptPrinter printer;
    private final Optional<SimulatedPrinter> simulatedPrinter;
    private final TerminalIdentity identity;
    private final AuditLog audit;
    private final KioskServices services;
    private final WebServer web;
    /** The parts after the web server: started with the others, or after the first screen ({@link Main}). */
    private final List<LifeCycle> late;
    private boolean lateAfterFirstScreen;
    private boolean lateAdded;

    /**
     * Demo-mode settings; tests shorten the platform's schedule, the sync interval and the resident idle timeout.
     *
     * @param residentIdleTimeout overrides the terminal's {@code resident.idle-timeout} (browser tests use a few
     *                            seconds); null keeps the configured one
     */
    public record DemoSettings(String host, int port, Path dataDir, StatusSchedule schedule, Duration syncInterval,
                               Duration residentIdleTimeout) {
        public DemoSettings(String host, int port, Path dataDir, StatusSchedule schedule, Duration syncInterval) {
            this(host, port, dataDir, schedule, syncInterval, null);
        }

        public static DemoSettings of(int port, Path dataDir) {
            return new DemoSettings("127.0.0.1", port, dataDir, StatusSchedule.demo(), Duration.ofSeconds(5));
        }

        public DemoSettings withResidentIdleTimeout(Duration timeout) {
            return new DemoSettings(host, port, dataDir, schedule, syncInterval, timeout);
        }
    }

    /** Demo mode: simulated devices, the embedded demo catalog, a local simulated platform as the uplink. */
    public static KioskApplication demo(DemoSettings settings, Clock clock) {
        return demo(settings, DeviceConfig.simulated(), clock);
    }

    /**
     * The demo platform and catalog with the devices {@code devices} names: simulators, or the real reader, scanner
     * and panel of a technician's bench.
     */
    public static KioskApplication demo(DemoSettings settings, DeviceConfig devices, Clock clock) {
        return new KioskApplication(KioskSetup.demo(settings, devices), clock);
    }

    /**
     * Production: the terminal enrolled and provisioned under {@code dataDir} (configuration, key, catalog, devices
     * and printer), talking to its enrolled platform.
     *
     * @throws TerminalSetupException naming the file, the setting and the fix when something is missing or wrong
     */
    public static KioskApplication production(String host, int port, Path dataDir, Clock clock) {
        KioskSetup setup = new EnrolledTerminal(dataDir).setup(host, port);
        try {
            return new KioskApplication(setup, clock);
        } catch (DeviceConfigException e) { // valid settings this machine cannot have (no GPIO chip, …)
            throw new TerminalSetupException(new TerminalFiles(dataDir).devices() + ": " + e.getMessage(), e);
        }
    }

    /** Any setup, demo or production, assembled one way (tests shorten intervals through {@link KioskSetup#with}). */
    public static KioskApplication of(KioskSetup setup, Clock clock) {
        return new KioskApplication(setup, clock);
    }

    private KioskApplication(KioskSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
        TerminalConfig config = setup.terminal();
        database = new Database(setup.dataDir().resolve("onetrip.db"), clock,
                new FileKeyWrapper(setup.dataDir().resolve("keys"))); // residents' data key: docs/security.md
        intake = setup.localPlatform().map(this::localPlatform);
        devices = Devices.open(setup.devices(), setup.nativeDir());
        simulatedPrinter = setup.printer().transport() instanceof PrinterConfig.Transport.Simulated
                ? Optional.of(new SimulatedPrinter(setup.printer().profile())) : Optional.empty();
        printer = simulatedPrinter.<ReceiptPrinter>map(p -> p).orElseGet(this::realPrinter);
        identity = TerminalIdentity.loadOrCreate(config.terminalId(), setup.dataDir().resolve("keys"));
        audit = new AuditLog(clock);
        Supplier<URI> platform = intake.<Supplier<URI>>map(i -> i::baseUri).orElseGet(() -> config::uplink);
        IntakeClient uplink = new IntakeClient(platform, identity, clock);
        SubmissionStore store = new SubmissionStore(database, audit, clock, config.terminalId(),
                new AttachmentStore(database.attachmentsDir(), database::cipher));
        FeedbackStore feedback = new FeedbackStore(database, audit, clock, config.terminalId(), UUID::randomUUID);
        // parsed when first needed (after the first screen, by CatalogStartup), not at start
        LiveCatalog catalog = new LiveCatalog(() -> setup.catalog().verify(setup.catalogAuthority()),
                Synonyms.standard(), new CatalogStore(database, audit, clock), setup.catalogAuthority());
        SyncEngine sync = syncEngine(store, feedback, uplink, catalog);
        IdleService idle = new IdleService(clock, setup.idleTimeout(), Duration.ofSeconds(1));
        VoicePrompts voice = VoicePrompts.offline(config.voice(), Duration.ofSeconds(5));
        services = services(store, feedback, catalog, sync, idle, voice);
        web = new WebServer(setup.host(), setup.port(), setup.lan(), services);

        // what the first screen needs starts first; after the web server, the store's catalog (until then the shipped
        // one is offered), the demo's own platform, the uplink and the queue, whose first cycle pulls the catalog
        List<LifeCycle> parts = new ArrayList<>(List.of(database,
                new AttachmentSweep(store, AttachmentSweep.DEFAULT_GRACE)));
        parts.addAll(devices.parts());
        parts.add(new PanelFeedback(devices.panel(), devices.reader(), devices.scanner()));
        parts.addAll(List.of(printer, idle, voice, web));
        parts.forEach(this::addPart);
        List<LifeCycle> late = new ArrayList<>(List.of(
                new CatalogStartup(catalog, setup.catalog(), database, divisions())));
        intake.ifPresent(i -> late.addAll(List.of(i, new DemoEnrolment(i, identity))));
        late.addAll(List.of(uplink, sync, new RetentionSchedule(new RetentionPurge(database, audit,
                store.attachments(), clock, config.retention()), clock, Duration.ofHours(1))));
        this.late = List.copyOf(late);
    }

    /**
     * Starts the parts after the web server only once a browser has drawn the first screen (it opened Vaadin's push
     * channel; and 1 s more), or 20 s after the start at the latest, on a thread of their own ({@link AfterFirstScreen}): what {@link Main} does, so the
     * first screen does not share the cores with the queue's first cycle. Without it (tests, benchmarks that drive
     * the services) every part has started when {@link #start()} returns.
     */
    public KioskApplication startingLatePartsAfterFirstScreen() {
        lateAfterFirstScreen = true;
        return this;
    }

    @Override
    protected void doStart() throws Exception {
        if (!lateAdded) {
            lateAdded = true;
            if (lateAfterFirstScreen) {
                addPart(new AfterFirstScreen(late, web.timings().firstScreen(), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), PART_LOG));
            } else {
                late.forEach(this::addPart);
            }
        }
        super.doStart();
    }

    private IntakeSimulator localPlatform(StatusSchedule schedule) {
        return new IntakeSimulator(new IntakeSimulatorConfig("127.0.0.1", 0,
                setup.dataDir().resolve("intake-simulator.db"), schedule, Duration.ofMinutes(10)), clock);
    }

    /** The configured driver; a serial printer's jSerialComm library goes to the data directory, not /tmp. */
    private ReceiptPrinter realPrinter() {
        if (setup.printer().transport() instanceof PrinterConfig.Transport.Serial) {
            SerialNatives.extractTo(setup.nativeDir());
        }
        return setup.printer().open();
    }

    private SyncEngine syncEngine(SubmissionStore store, FeedbackStore feedback, IntakeClient uplink,
                                  LiveCatalog catalog) {
        SyncEngine sync = new SyncEngine(new Outbox(store), uplink, clock, RandomGenerator.getDefault(),
                setup.syncInterval());
        sync.setFeedback(feedback);
        sync.setCatalog(catalog, setup.dataDir().resolve("downloads"), Duration.ofHours(1));
        sync.setHeartbeat(softwareVersion(), Duration.ofMinutes(5),
                () -> Map.of("printerPaper", printer.status().name(),
                        // the platform keeps the audit chain's head: entries cut from the end show against it
                        "auditHead", database.read(audit::head).map(Object::toString).orElse("")));
        return sync;
    }

    /**
     * Every service the views are built from, registered in one place (new features add their line here).
     * Receipt tokens are signed with the terminal's key; the trust list is this terminal's own key until
     * provisioning supplies the county's list (TrustList.union(List.of(own, county))).
     */
    private KioskServices services(SubmissionStore store, FeedbackStore feedback, LiveCatalog catalog,
                                   SyncEngine sync, IdleService idle, VoicePrompts voice) {
        TerminalConfig config = setup.terminal();
        ZoneId zone = clock.getZone();
        Divisions divisions = divisions();
        // in LAN mode only the kiosk's own screen gets card reads and hardware scans, never a staff tablet
        Predicate<UI> atTerminal = setup.lan().isPresent() ? TerminalScreen::isLocal : ui -> true;
        ReceiptService receipts = new ReceiptService(printer, config, store,
                new ReceiptTokenSigner(identity.privateKey(), identity.publicKey()), clock);
        ReceiptLookup receiptLookup = new ReceiptLookup(
                new ReceiptTokenVerifier(TrustList.of(identity.publicKey())), store, catalog::catalog);
        SubmissionIds submissionIds = new SubmissionIds(clock); // time-ordered: seals append to the id's index
        KioskServices services = new KioskServices()
                .register(IdleService.class, idle)
                .register(TerminalConfig.class, config)
                .register(ZoneId.class, zone)
                .register(SubmissionStore.class, store)
                .register(FeedbackStore.class, feedback)
                .register(SyncEngine.class, sync)
                .register(CardTapService.class, new CardTapService(devices.reader(), atTerminal))
                .register(ScanService.class, new ScanService(devices.scanner(), atTerminal))
                .register(Panel.class, devices.panel())
                .register(ReceiptService.class, receipts)
                .register(ReceiptLookup.class, receiptLookup)
                .register(LiveCatalog.class, catalog)
                .register(Divisions.class, divisions)
                .register(SubmissionIds.class, submissionIds)
                .register(ApplyService.class, new ApplyService(catalog, config, store, sync, receipts, clock,
                        submissionIds))
                .register(DeliveryService.class, new DeliveryService(divisions, config))
                .register(GuideService.class, new GuideService(catalog, store, printer, config))
                .register(CoverageService.class, new CoverageService(catalog, divisions, config))
                .register(ComplaintService.class, new ComplaintService(feedback))
                .register(TicketService.class, new TicketService(new QueueTickets(database, audit, clock, zone),
                        printer, config, clock))
                .register(TechnicianService.class, new TechnicianService(setup.dataDir(), clock, sync))
                .register(MaterialsService.class, new MaterialsService(store.attachments()))
                .register(PanelEvents.class, new PanelEvents(devices.panel()))
                .register(VoicePrompts.class, voice);
        // staff sign-in and filing on behalf; only the demo falls back to its made-up roster
        AgencyParts.register(services, setup.dataDir(), database, audit, printer, clock,
                setup.localPlatform().isPresent() ? Roster.demo() : Roster.empty());
        // the ledger, statistics, queue and USB courier (encrypting for the provisioned county terminals' keys)
        new AgencyBooks(database, audit, store, sync, printer, identity,
                new TerminalFiles(setup.dataDir()).countyTerminals(), setup.dataDir().resolve("courier"), clock, zone).registerInto(services);
        // demo mode (its own platform) also has its own county, to sign a technician's and the staff badges' QRs
        Optional<DemoCounty> county = setup.localPlatform()
                .flatMap(demo -> DemoCounty.at(setup.dataDir(), setup.terminal(), clock));
        devices.simulatedReader().ifPresent(r -> simulatedPrinter.ifPresent(p -> services.register(
                DemoControls.class, new DemoControls(r, devices.simulatedScanner(), p, county))));
        return services;
    }

    private static Divisions divisions() {
        return DivisionFiles.shipped();
    }

    private void addPart(LifeCycle part) {
        part.addEventListener(PART_LOG);
        addBean(part, true);
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

    /** The demo's catalog: 长丰县's signed bundle, verified against the demo authority's key. */
    static Catalog demoCatalog() {
        return CatalogBundle.resource(KioskSetup.DEMO_BUNDLE).verify(CatalogBundle.demoAuthority());
    }

    /**
     * Brings the store's catalog up to date at start: the shipped or provisioned bundle if the store has nothing
     * older, and the divisions. Whatever newer bundle the platform offers comes with the sync engine's first cycle,
     * after the web server is up (a failure there is logged, never fatal: the terminal works offline with what it
     * has).
     */
    private static final class CatalogStartup extends AbstractLifeCycle {
        private final LiveCatalog catalog;
        private final CatalogBundle shipped;
        private final Database database;
        private final Divisions divisions;

        CatalogStartup(LiveCatalog catalog, CatalogBundle shipped, Database database, Divisions divisions) {
            this.catalog = catalog;
            this.shipped = shipped;
            this.database = database;
            this.divisions = divisions;
        }

        /** The shipped catalog unless the store holds a newer one; newer ones come with the sync engine's pull. */
        @Override
        protected void doStart() {
            catalog.loadOrImport(shipped);
            new DivisionStore(database).importDivisions(divisions, "2023");
            // the search index on the second core while the web server starts; the first search waits for it
            Thread.ofPlatform().name("catalog-index").daemon(true).start(catalog::search);
        }

        @Override
        public String toString() {
            return "catalog[" + catalog.catalog().version() + "]@" + getState();
        }
    }

    /** The services the views are built from (browserless view tests use them without the web server). */
    public KioskServices services() {
        return services;
    }

    public URI uri() {
        return web.uri();
    }

    /** LAN mode's HTTPS address, when it is on. */
    public Optional<URI> lanUri() {
        return web.lanUri();
    }

    public Path databaseFile() {
        return database.file();
    }

    /** The simulated reader (demo mode's knobs); fails when the configuration named a real one. */
    public SimulatedIdCardReader reader() {
        return devices.simulatedReader()
                .orElseThrow(() -> new IllegalStateException("the ID-card reader is real: " + devices.reader().name()));
    }

    public Devices devices() {
        return devices;
    }

    /** The simulated printer (demo mode's knobs); fails when the configuration named a real one. */
    public SimulatedPrinter printer() {
        return simulatedPrinter.orElseThrow(() -> new IllegalStateException("the printer is real: " + printer));
    }

    /** The local simulated platform (demo mode); fails on a terminal enrolled at a remote one. */
    public IntakeSimulator intake() {
        return intake.orElseThrow(() -> new IllegalStateException("the platform is remote: " + setup.platform()));
    }

    public KioskSetup setup() {
        return setup;
    }
}
