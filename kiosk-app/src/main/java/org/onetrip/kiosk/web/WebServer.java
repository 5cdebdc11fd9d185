package org.onetrip.kiosk.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.URI;
import java.net.URL;

import java.util.Optional;

import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.server.handler.InetAccessHandler;
import org.eclipse.jetty.util.InetAddressPattern;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.onetrip.provisioning.config.LanSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Jetty serving the Vaadin UI on loopback (plain HTTP, for the kiosk's own Chromium) and, in LAN mode, over
 * HTTPS on a second connector to the allow-listed client addresses only ({@link LanSettings}; Jetty's
 * {@link InetAccessHandler} refuses everyone else with 403, and refuses {@code /health} and {@code /health/timings}
 * to LAN clients altogether). Every response carries the {@link SecurityHeadersHandler}'s headers. Vaadin's servlet
 * and initialisers are found by Jetty's annotation scan of the class path; the services for the views are published
 * in the servlet context.
 */
public final class WebServer extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /**
     * The class-path entries Jetty's annotation scan reads: our own classes and jars, and Vaadin's (its
     * initialisers look for routes, error views, the app shell and its own lookup services). Jetty, BouncyCastle,
     * Jackson, SQLite, Pi4J and the rest hold nothing Vaadin looks for; scanning every class in them was most of the
     * start-up time on a small machine (docs/benchmarks.md, issue 11).
     */
    static final String SCANNED_JARS = ".*/classes/.*"
            + "|.*/(onetrip-kiosk|kiosk-app|hardware-drivers|offline-store|provisioning|intake-simulator)[^/]*\\.jar"
            + "|.*/(flow|vaadin)-[^/]*\\.jar";

    /** The connectors' names, as the access rules name them. */
    static final String LOOPBACK = "loopback";
    static final String LAN = "lan";

    private final String host;
    private final int port;
    private final Optional<LanSettings> lan;
    private final KioskServices services;
    private final RequestTimings timings = new RequestTimings();
    private Server server;
    private ServerConnector connector;
    private ServerConnector lanConnector;

    public WebServer(String host, int port, KioskServices services) {
        this(host, port, Optional.empty(), services);
    }

    /** @param lan LAN mode's HTTPS connector and allow-list; empty: loopback only */
    public WebServer(String host, int port, Optional<LanSettings> lan, KioskServices services) {
        this.host = host;
        this.port = port;
        this.lan = lan;
        this.services = services;
    }

    @Override
    protected void doStart() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setName(LOOPBACK);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        lan.ifPresent(settings -> server.addConnector(lanConnector = lanConnector(server, settings)));
        Handler app = new SecurityHeadersHandler(new HealthHandler(new RequestTimingHandler(webApp(), timings,
                System::nanoTime, ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime)));
        server.setHandler(lan.isPresent() ? accessRules(app, lan.get()) : app);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (IOException e) {
            boolean lanPort = lanConnector != null && connector.isOpen() && !lanConnector.isOpen();
            server.stop();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(lanPort
                        ? "web[" + lan.get().bind() + ":" + lan.get().port() + "]: the LAN port is already in use;"
                                + " stop what uses it or set web.lan.port in terminal.properties"
                        : "web[" + host + ":" + port + "]: the port is already in use;"
                                + " stop what uses it or choose another with --port", e);
            }
            throw e;
        }
        log.info("web: serving {}", uri());
        lan.ifPresent(settings -> log.info("web: LAN mode, serving {} to {}", lanUri().orElseThrow(),
                String.join(",", settings.allow())));
    }

    /** HTTPS only: TLS, then HTTP/1.1 (Vaadin's push upgrades to a WebSocket over it). */
    private static ServerConnector lanConnector(Server server, LanSettings settings) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(settings.keystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(settings.keystorePassword());
        HttpConfiguration https = new HttpConfiguration();
        https.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // the tablet types the terminal's address; the certificate names it, a host check adds nothing
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector lan = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        lan.setName(LAN);
        lan.setHost(settings.bind());
        lan.setPort(settings.port());
        return lan;
    }

    /**
     * Who may reach the app: anyone on the loopback connector (it listens on 127.0.0.1 only); on the LAN connector
     * the allow-listed addresses, and not the health and timing endpoints (diagnostics stay on the terminal).
     */
    static InetAccessHandler accessRules(Handler app, LanSettings settings) {
        InetAccessHandler access = new InetAccessHandler(app);
        access.include(ConditionalHandler.from(LOOPBACK, null, null, (PathSpec) null));
        for (String allowed : settings.allow()) {
            access.include(ConditionalHandler.from(LAN, InetAddressPattern.from(allowed), null, (PathSpec) null));
        }
        access.exclude(ConditionalHandler.from(LAN, null, null, PathSpec.from(HealthHandler.PATH)));
        access.exclude(ConditionalHandler.from(LAN, null, null, PathSpec.from(HealthHandler.PATH + "/*")));
        return access;
    }

    private WebAppContext webApp() throws IOException {
        WebAppContext context = new WebAppContext();
        URL webRoot = WebServer.class.getResource("/webapp/");
        if (webRoot == null) {
            throw new IllegalStateException("web: the /webapp resource folder is missing from the class path");
        }
        // The root factory, not the context's: the context closes its own mounts while it stops, and then cannot
        // restore a base resource that lives inside the jar.
        context.setBaseResource(ResourceFactory.root().newResource(webRoot));
        // Logback would otherwise stop logging when the web app stops, before the other parts say they stopped.
        context.setInitParameter("logbackDisableServletContainerInitializer", "true");
        context.setContextPath("/");
        context.setThrowUnavailableOnStartupException(true);
        context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, SCANNED_JARS);
        context.setConfigurationDiscovered(true);
        context.setAttribute(KioskServices.ATTRIBUTE, services);
        context.getSessionHandler().setMaxInactiveInterval(30 * 60);
        // the session cookie: not readable by scripts, never sent on another site's request, Secure over TLS
        context.getSessionHandler().setHttpOnly(true);
        context.getSessionHandler().setSameSite(HttpCookie.SameSite.STRICT);
        context.getSessionHandler().setSecureRequestOnly(true);
        return context;
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Where the UI is served, e.g. {@code http://127.0.0.1:8080/}; the real port when started on port 0. */
    public URI uri() {
        int actual = connector == null ? port : connector.getLocalPort();
        return URI.create("http://" + host + ":" + actual + "/");
    }

    /** LAN mode's address, e.g. {@code https://0.0.0.0:8443/}; the real port when started on port 0. */
    public Optional<URI> lanUri() {
        return lan.map(settings -> URI.create("https://" + settings.bind() + ":"
                + (lanConnector == null ? settings.port() : lanConnector.getLocalPort()) + "/"));
    }

    /** Server time of every request served so far, by kind (also at {@code GET /health/timings}). */
    public RequestTimings timings() {
        return timings;
    }

    @Override
    public String toString() {
        return "web[" + host + ":" + port + lan.map(l -> ", " + l).orElse("") + "]@" + getState();
    }
}
