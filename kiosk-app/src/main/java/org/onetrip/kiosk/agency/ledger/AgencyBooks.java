package org.onetrip.kiosk.agency.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.kiosk.agency.courier.CourierService;
import org.onetrip.kiosk.agency.queue.QueueService;
import org.onetrip.kiosk.agency.stats.StatsService;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.provisioning.config.ConfigurationException;
import org.onetrip.provisioning.config.CountyTerminals;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.courier.CourierException;
import org.onetrip.store.courier.CourierKeys;
import org.onetrip.store.courier.CourierStore;
import org.onetrip.store.db.Database;
import org.onetrip.store.ledger.CaseStatistics;
import org.onetrip.store.ledger.LedgerStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * The point's books — ledger, statistics, sync queue, courier — built from the composition root's parts and
 * registered for the agency views in one call.
 *
 * @param countyTerminals  the provisioned county terminals' list ({@code config/trusted/terminals/}, from the
 *                         provisioning bundle): the courier encrypts for them and this terminal, and imports only
 *                         their bundles; read again on every export and import
 * @param courierDirectory where the removable medium is mounted by default ({@code /media/...})
 */
public record AgencyBooks(Database database, AuditLog audit, SubmissionStore store, SyncEngine sync,
                          ReceiptPrinter printer, TerminalIdentity identity, Path countyTerminals,
                          Path courierDirectory, Clock clock, ZoneId zone) {

    /**
     * The courier's keys: this terminal's own pair and the county terminals in {@code countyTerminals}. A damaged
     * file there refuses the export or import with a {@link CourierException} naming it.
     */
    public static CourierKeys courierKeys(TerminalIdentity identity, Path countyTerminals) {
        return new CourierKeys(identity.privateKey(), identity.publicKey(), () -> {
            try {
                return CountyTerminals.read(countyTerminals);
            } catch (ConfigurationException e) {
                throw new CourierException("courier: the county terminals' list is damaged: " + e.getMessage(), e);
            }
        });
    }

    /** Registers {@link LedgerService}, {@link StatsService}, {@link QueueService} and {@link CourierService}. */
    public KioskServices registerInto(KioskServices services) {
        CountyTerminals.read(countyTerminals); // fail at start, naming the file, rather than at the first export
        return services
                .register(LedgerService.class, new LedgerService(new LedgerStore(database, audit, zone), printer, clock))
                .register(StatsService.class, new StatsService(new CaseStatistics(database, zone), clock, zone))
                .register(QueueService.class, new QueueService(new Outbox(store), sync))
                .register(CourierService.class, new CourierService(new CourierStore(database, audit, store,
                        courierKeys(identity, countyTerminals), clock, UUID::randomUUID), sync, courierDirectory));
    }
}
