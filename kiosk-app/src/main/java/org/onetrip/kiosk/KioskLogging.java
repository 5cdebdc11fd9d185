package org.onetrip.kiosk;

import org.onetrip.provisioning.cli.ProvisionCli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The kiosk's logging, set up in code (found by logback through {@code META-INF/services}): the console, and a
 * file under {@code onetrip.logDir} rolled daily and at 5 MB, 14 days and 50 MB at most. Parsing an XML file
 * instead costs a start on a small board a few hundred milliseconds of XML parser. A technician who needs another
 * set-up passes {@code -Dlogback.configurationFile=…}; test class paths with a {@code logback-test.xml} keep it.
 *
 * <p>A command-line tool on the same class path ({@code onetrip-provision}) sets {@code onetrip.logging=cli} before
 * anything logs: then only warnings and errors go to standard error, and nothing to the file, so that the tool's own
 * output (text or JSON) stays clean and its work (a disk measurement's thousands of seals) stays out of the kiosk's
 * log.
 *
 * <p>Never log resident data: names, ID numbers, addresses and form values stay out of every message.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class KioskLogging extends ContextAwareBase implements Configurator {
    /** The system property a command-line tool sets to {@link #CLI} (named once, by the tool that sets it). */
    public static final String MODE = ProvisionCli.LOGGING_MODE;
    public static final String CLI = ProvisionCli.LOGGING_CLI;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || KioskLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (CLI.equals(System.getProperty(MODE))) {
            root.setLevel(Level.WARN);
            root.addAppender(console(context, "System.err"));
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        String dir = System.getProperty("onetrip.logDir", System.getProperty("java.io.tmpdir") + "/onetrip-logs");
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "System.out"));
        root.addAppender(file(context, dir));
        for (String noisy : new String[] {"org.eclipse.jetty", "com.vaadin", "org.atmosphere", "org.flywaydb"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String target) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget(target);
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n"));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/onetrip.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/onetrip.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("50MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
