package org.onetrip.intake;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.onetrip.intake.attachment.AttachmentStore;
import org.onetrip.intake.catalog.CatalogShelf;
import org.onetrip.intake.complaint.ComplaintIntake;
import org.onetrip.intake.fault.FaultInjector;
import org.onetrip.intake.fault.Faults;
import org.onetrip.intake.db.IntakeDatabase;
import org.onetrip.intake.evaluation.EvaluationIntake;
import org.onetrip.intake.http.Authenticator;
import org.onetrip.intake.http.IntakeHandler;
import org.onetrip.intake.http.Router;
import org.onetrip.intake.idempotency.IdempotencyLedger;
import org.onetrip.intake.status.StatusBoard;
import org.onetrip.intake.submission.SubmissionIntake;
import org.onetrip.intake.terminal.HeartbeatEndpoint;
import org.onetrip.intake.terminal.TerminalRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reference server of the Intake API on embedded Jetty with its own SQLite file. {@code start()} opens and
 * migrates the database, then listens; {@code stop()} stops listening, then closes the database. It can be
 * started again on the same file (an ephemeral port changes on each start). Terminals may be enrolled or
 * revoked in any state; the database remembers them.
 */
public final class IntakeSimulator extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeSimulator.class);

    private final IntakeSimulatorConfig config;
    private final Clock clock;
    private final TerminalRegistry terminals;
    private final FaultInjector faults = new FaultInjector();
    private volatile Running running;

    private record Running(Server server, IntakeDatabase database, SubmissionIntake submissions,
                           CatalogShelf catalog, IntakeHandler handler, URI baseUri) {
    }

    public IntakeSimulator(IntakeSimulatorConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "intake simulator: config is null");
        this.clock = Objects.requireNonNull(clock, "intake simulator: clock is null");
        this.terminals = new TerminalRegistry(clock);
    }

    /** Injects {@code faults} into every API request from now on (any state); {@link Faults#NONE} stops them. */
    public void setFaults(Faults faults) {
        this.faults.set(Objects.requireNonNull(faults, "faults"));
    }

    /** The next API requests get exactly {@code next}, one each in order (tests pin a fault on one request). */
    public void scriptFaults(Faults.Fault... next) {
        this.faults.script(java.util.List.of(next));
    }

    /** How many requests got {@code fault} since this simulator was made. */
    public long injected(Faults.Fault fault) {
        return faults.count(fault);
    }

    /** How many requests {@code "METHOD /path"} received since the last start, faults included. */
    public long requestCount(String methodAndPath) {
        return requireRunning("requestCount()").handler().requestCount(methodAndPath);
    }

    /** Publishes a catalog bundle (its bytes as terminals will receive them) under {@code version}. */
    public void publishCatalog(long version, byte[] bundle) {
        requireRunning("publishCatalog()").catalog().publish(version, bundle);
    }

    /** How many times {@code submissionId} is stored (the contract allows exactly 0 or 1). */
    public int storedCopiesOf(UUID submissionId) {
        return requireRunning("storedCopiesOf()").submissions().copiesOf(submissionId);
    }

    /** Where the simulator listens, e.g. {@code http://127.0.0.1:41234}; only while started. */
    public URI baseUri() {
        return requireRunning("baseUri()").baseUri();
    }

    /** Trusts {@code publicKeyPem} (SM2, X.509 SubjectPublicKeyInfo PEM) for {@code terminalId}. */
    public void enroll(String terminalId, String publicKeyPem) {
        terminals.enroll(terminalId, publicKeyPem);
    }

    /** Stops trusting {@code terminalId}: its requests get 403 until it is enrolled again. */
    public void revoke(String terminalId) {
        terminals.revoke(terminalId);
    }

    public int storedSubmissionCount() {
        return requireRunning("storedSubmissionCount()").submissions().storedCount();
    }

    /** The 办件编号 given to {@code submissionId}, if it was received. */
    public Optional<String> projectNoOf(UUID submissionId) {
        return requireRunning("projectNoOf()").submissions().projectNoOf(submissionId);
    }

    @Override
    protected void doStart() {
        IntakeDatabase database = IntakeDatabase.open(config.databaseFile());
        Server server = null;
        try {
            terminals.attach(database);
            AttachmentStore attachments = new AttachmentStore(database, clock);
            SubmissionIntake submissions =
                    new SubmissionIntake(database, clock, new IdempotencyLedger(), attachments);
            CatalogShelf catalog = new CatalogShelf(database, clock);
            IntakeHandler handler = handler(database, submissions, attachments, catalog);
            server = server(handler);
            startListening(server);
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            running = new Running(server, database, submissions, catalog, handler,
                    URI.create("http://" + hostForUri() + ":" + port));
            LOG.info("intake simulator listening on {} with database {}", running.baseUri(), database.file());
        } catch (RuntimeException e) {
            terminals.detach();
            stopQuietly(server, e);
            database.close();
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        Running stopping = running;
        running = null;
        if (stopping == null) {
            return;
        }
        terminals.detach();
        Exception failure = null;
        try {
            stopping.server().stop();
        } catch (Exception e) {
            failure = e;
        }
        try {
            stopping.database().close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private IntakeHandler handler(IntakeDatabase database, SubmissionIntake submissions,
                                  AttachmentStore attachments, CatalogShelf catalog) {
        Router router = new Router(Map.of(
                "POST /api/v1/submissions", submissions,
                "GET /api/v1/status", new StatusBoard(database, clock, config.schedule()),
                "GET /api/v1/catalog", catalog,
                "POST /api/v1/evaluations", new EvaluationIntake(database, clock, new IdempotencyLedger()),
                "POST /api/v1/complaints", new ComplaintIntake(database, clock, new IdempotencyLedger()),
                "POST /api/v1/heartbeat", new HeartbeatEndpoint(database, clock)),
                attachments::put);
        return new IntakeHandler(router, new Authenticator(terminals, clock, config.maxClockSkew()), clock, faults);
    }

    private Server server(IntakeHandler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("intake-simulator");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // the handler sends Date from the simulator's own clock
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(handler);
        server.setErrorHandler(quietErrors());
        return server;
    }

    /** Jetty's own error pages (malformed HTTP, before our handler runs) without stack traces or causes. */
    private static ErrorHandler quietErrors() {
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        return errors;
    }

    private void startListening(Server server) {
        String where = config.host() + ":" + config.port();
        try {
            server.start();
        } catch (IOException e) {
            if (hasCause(e, BindException.class)) {
                throw new IntakeSimulatorException("intake simulator[" + where + "]: cannot listen, the port is"
                        + " taken; stop the process using it or set IntakeSimulatorConfig.port (0 = ephemeral)", e);
            }
            throw new IntakeSimulatorException("intake simulator[" + where + "]: cannot listen: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IntakeSimulatorException("intake simulator[" + where + "]: cannot start: " + e.getMessage(), e);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(Server server, Exception cause) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private String hostForUri() {
        String host = config.host();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private Running requireRunning(String operation) {
        Running current = running;
        if (current == null) {
            throw new IntakeSimulatorException("intake simulator: " + operation + " needs a started simulator, it is "
                    + getState());
        }
        return current;
    }

    @Override
    public String toString() {
        Running current = running;
        return "IntakeSimulator[" + getState() + ", " + (current == null ? "not listening" : current.baseUri())
                + ", db=" + config.databaseFile() + "]";
    }
}
