package org.onetrip.kiosk.agency.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.onetrip.hardware.printer.ReceiptPrinter;
import org.onetrip.kiosk.agency.courier.CourierService;
import org.onetrip.kiosk.agency.queue.QueueService;
import org.onetrip.kiosk.agency.stats.StatsService;
import org.onetrip.kiosk.web.KioskServices;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.courier.CourierKeys;
import org.onetrip.store.courier.CourierStore;
import org.onetrip.store.db.Database;
import org.onetrip.store.ledger.CaseStatistics;
import org.onetrip.store.ledger.LedgerStore;
import org.onetrip.store.submission.Outbox;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.sync.SyncEngine;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.uplink.Sm2;
import org.onetrip.store.uplink.TerminalIdentity;

/**
 * The point's books — ledger, statistics, sync queue, courier — built from the composition root's parts and
 * registered for the agency views in one call.
 *
 * @param courierKey       the county's courier key pair (on a real terminal provisioned with the trusted keys;
 *                         the demo makes one under its data directory)
 * @param trustedTerminals the terminals whose courier bundles this one imports
 * @param courierDirectory where the removable medium is mounted by default ({@code /media/...})
 */
public record AgencyBooks(Database database, AuditLog audit, SubmissionStore store, SyncEngine sync,
                          ReceiptPrinter printer, TerminalIdentity identity, KeyPair courierKey,
                          TrustList trustedTerminals, Path courierDirectory, Clock clock, ZoneId zone) {

    /**
     * The demo's county courier key: made once under {@code keyDir} (a real terminal gets it, with the county's
     * trusted terminal keys, from provisioning).
     */
    public static KeyPair demoCourierKey(Path keyDir) {
        TerminalIdentity courier = TerminalIdentity.loadOrCreate("courier", keyDir);
        return new KeyPair(courier.publicKey(), courier.privateKey());
    }

    /**
     * The terminals whose courier bundles this one imports: itself, and each county terminal whose public key
     * (SM2 PEM, as enrolment sends it) provisioning put in {@code trustedDir} as {@code *.pem}; none there, only
     * itself.
     *
     * @throws IllegalStateException naming the file when a key there cannot be read
     */
    public static TrustList courierTrust(PublicKey own, Path trustedDir) {
        List<PublicKey> keys = new ArrayList<>(List.of(own));
        if (Files.isDirectory(trustedDir)) {
            try (Stream<Path> files = Files.list(trustedDir)) {
                for (Path pem : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    try {
                        keys.add(Sm2.parsePublicKey(Files.readString(pem, StandardCharsets.US_ASCII)));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(pem + ": not an SM2 public key in PEM (" + e.getMessage()
                                + "); replace it with the terminal's key from the county's list", e);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(trustedDir + ": cannot list the trusted terminals' keys: "
                        + e.getMessage(), e);
            }
        }
        return TrustList.of(keys.toArray(PublicKey[]::new));
    }

    /** Registers {@link LedgerService}, {@link StatsService}, {@link QueueService} and {@link CourierService}. */
    public KioskServices registerInto(KioskServices services) {
        CourierKeys keys = new CourierKeys(courierKey.getPublic(), Optional.of(courierKey.getPrivate()),
                identity.privateKey(), identity.publicKey(), trustedTerminals);
        return services
                .register(LedgerService.class, new LedgerService(new LedgerStore(database, audit, zone), printer, clock))
                .register(StatsService.class, new StatsService(new CaseStatistics(database, zone), clock, zone))
                .register(QueueService.class, new QueueService(new Outbox(store), sync))
                .register(CourierService.class, new CourierService(new CourierStore(database, audit, store, keys,
                        clock, UUID::randomUUID), sync, courierDirectory));
    }
}
