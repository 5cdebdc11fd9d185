package org.onetrip.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskLoggingTest {
    private final String before = System.getProperty("onetrip.logDir");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("onetrip.logDir");
        } else {
            System.setProperty("onetrip.logDir", before);
        }
    }

    @Test
    void the_kiosk_logs_info_to_a_file_under_the_log_dir_and_keeps_libraries_at_warn(@TempDir Path dir)
            throws Exception {
        System.setProperty("onetrip.logDir", dir.toString());
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's own start gives a context
        KioskLogging logging = new KioskLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));
        context.getLogger("org.onetrip.kiosk.Test").info("started web");
        context.getLogger("org.onetrip.kiosk.Test").debug("not at debug");
        context.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");
        assertEquals(Level.WARN, context.getLogger("com.vaadin").getLevel());
        context.stop();

        String log = Files.readString(dir.resolve("onetrip.log"));
        assertTrue(log.contains("INFO  [main] org.onetrip.kiosk.Test - started web"), log);
        assertTrue(!log.contains("not at debug") && !log.contains("jetty chatter"), log);
    }
}
