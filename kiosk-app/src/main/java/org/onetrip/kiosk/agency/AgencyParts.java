package org.onetrip.kiosk.agency;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.kiosk.agency.filing.FilingService;
import org.onetrip.kiosk.agency.staff.StaffService;
import org.onetrip.kiosk.apply.ApplyService;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.provisioning.config.TerminalFiles;
import org.onetrip.store.agency.AgencyFilings;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.staff.Roster;
import org.onetrip.store.staff.StaffSignIn;
import org.onetrip.store.submission.SubmissionIds;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;

/**
 * Agency mode's part of the composition root, so {@code KioskApplication} needs one line: the roster (the
 * provisioned {@code config/staff.json}, else {@code whenNoneProvisioned}: {@link Roster#demo()} in demo mode,
 * {@link Roster#empty()} on a real terminal, where nobody can sign in until the county provisions staff), the
 * staff idle timeout ({@code staff.idle-timeout} seconds in {@code terminal.properties},
 * default 10 minutes), and the staff and filing services.
 */
public final class AgencyParts {
    private AgencyParts() {
    }

    /** Registers {@link StaffService} and {@link FilingService} (the application service is already registered). */
    public static void register(KioskServices services, Path dataDir, Database database, AuditLog audit,
                                ReceiptPrinter printer, Clock clock, Roster whenNoneProvisioned) {
        TerminalFiles files = new TerminalFiles(dataDir);
        Roster provisioned = Roster.read(files.staff());
        Roster roster = provisioned.isEmpty() ? whenNoneProvisioned : provisioned;
        TerminalConfig config = services.get(TerminalConfig.class);
        SubmissionStore store = services.get(SubmissionStore.class);
        StaffSignIn signIn = new StaffSignIn(database, audit, clock, () -> roster);
        services.register(StaffService.class, new StaffService(signIn, config, clock, idleTimeout(files),
                files.countyKey()));
        services.register(FilingService.class, new FilingService(services.get(ApplyService.class),
                new AgencyFilings(database, audit, store, clock, UUID::randomUUID), store,
                services.get(ReceiptService.class), printer, config, services.get(SyncEngine.class), clock,
                services.get(SubmissionIds.class)));
    }

    static Duration idleTimeout(TerminalFiles files) {
        return TerminalFiles.readProperties(files.terminalProperties())
                .map(p -> p.getProperty("staff.idle-timeout"))
                .map(String::strip)
                .map(s -> {
                    try {
                        return Duration.ofSeconds(Long.parseLong(s));
                    } catch (NumberFormatException e) {
                        throw new ConfigurationException("terminal configuration: staff.idle-timeout must be seconds"
                                + " (got: " + s + ")");
                    }
                })
                .orElse(StaffService.DEFAULT_IDLE);
    }
}
