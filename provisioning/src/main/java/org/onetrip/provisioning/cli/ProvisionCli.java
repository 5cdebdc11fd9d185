package org.onetrip.provisioning.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code onetrip-provision}: the field technician's tool. Without a command it prints the commands it has. */
@Command(name = "onetrip-provision", mixinStandardHelpOptions = true, version = "onetrip-provision 0.1",
        description = "OneTrip terminal provisioning: enrolment, signed bundles, technician QRs, hardware detection"
                + " and self-test, diagnostics, status, coverage, disk speed.")
public final class ProvisionCli implements Runnable {
    /** The commands, in the order help lists them. Add new ones here. */
    static final List<Class<?>> COMMANDS = List.of(EnrollCommand.class, ApplyCommand.class, QrCommand.class,
            BundleCommand.class, DetectCommand.class, SelftestCommand.class, DiagCommand.class, StatusCommand.class,
            CoverageCommand.class, VerifyCommand.class, RosterCommand.class, LanCommand.class, DiskCommand.class);

    /**
     * The system property, and its value, with which this tool asks the kiosk's logging set-up on the same class path
     * ({@code KioskLogging}, which reads these constants) for warnings on standard error only and no log file.
     */
    public static final String LOGGING_MODE = "onetrip.logging";
    public static final String LOGGING_CLI = "cli";

    /** The clock every command reads (bundle and QR expiry, self-test); tests fix it. */
    final Clock clock;

    ProvisionCli(Clock clock) {
        this.clock = clock;
    }

    public ProvisionCli() {
        this(Clock.systemUTC());
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every command, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Clock.systemUTC());
    }

    /** The command line with every command reading {@code clock}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Clock clock) {
        CommandLine cli = new CommandLine(new ProvisionCli(clock));
        COMMANDS.forEach(cli::addSubcommand);
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    public static void main(String[] args) {
        // before anything logs: the kiosk's logging set-up on the same class path (KioskLogging) then sends only
        // warnings to standard error, keeps this tool's output clean and writes nothing into the kiosk's log
        System.setProperty(LOGGING_MODE, LOGGING_CLI);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(commandLine(out, err).execute(args));
    }
}
