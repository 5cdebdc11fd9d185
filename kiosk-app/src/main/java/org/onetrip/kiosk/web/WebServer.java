package org.onetrip.kiosk.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.URI;
import java.net.URL;

import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded Jetty serving the Vaadin UI on loopback. Vaadin's servlet and initialisers are found by Jetty's
 * annotation scan of the class path; the services for the views are published in the servlet context.
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

    private final String host;
    private final int port;
    private final KioskServices services;
    private final RequestTimings timings = new RequestTimings();
    private Server server;
    private ServerConnector connector;

    public WebServer(String host, int port, KioskServices services) {
        this.host = host;
        this.port = port;
        this.services = services;
    }

    @Override
    protected void doStart() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new HealthHandler(new RequestTimingHandler(webApp(), timings, System::nanoTime,
                ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime)));
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (IOException e) {
            server.stop();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException("web[" + host + ":" + port + "]: the port is already in use;"
                        + " stop what uses it or choose another with --port", e);
            }
            throw e;
        }
        log.info("web: serving {}", uri());
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

    /** Server time of every request served so far, by kind (also at {@code GET /health/timings}). */
    public RequestTimings timings() {
        return timings;
    }

    @Override
    public String toString() {
        return "web[" + host + ":" + port + "]@" + getState();
    }
}
