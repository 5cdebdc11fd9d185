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
        System.clearProperty(KioskLogging.MODE);
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

    @Test
    void a_command_line_tool_gets_warnings_on_standard_error_and_no_file(@TempDir Path dir) {
        System.setProperty("onetrip.logDir", dir.toString());
        System.setProperty(KioskLogging.MODE, KioskLogging.CLI);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        KioskLogging logging = new KioskLogging();
        logging.setContext(context);

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        var console = (ch.qos.logback.core.ConsoleAppender<?>) root.getAppender("CONSOLE");
        assertEquals("System.err", console.getTarget());
        assertEquals(null, root.getAppender("FILE"));
        context.getLogger("org.onetrip.store.submission.SubmissionStore").info("sealed, thousands of times");
        context.stop();

        assertTrue(!Files.exists(dir.resolve("onetrip.log")), "nothing written into the kiosk's log folder");
    }
}
