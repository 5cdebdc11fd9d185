package org.onetrip.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onetrip.hardware.printer.SimulatedPrinter;
import org.onetrip.hardware.printer.escpos.EscPosEncoder;
import org.onetrip.hardware.printer.escpos.PrinterProfile;
import org.onetrip.hardware.printer.receipt.ReceiptBlock;
import org.onetrip.hardware.printer.receipt.ReceiptDocument;
import org.onetrip.kiosk.KioskApplication;
import org.onetrip.kiosk.receipt.ReceiptService;
import org.onetrip.provisioning.config.TerminalConfig;
import org.onetrip.store.audit.AuditLog;
import org.onetrip.store.db.Database;
import org.onetrip.store.submission.SealedSubmission;
import org.onetrip.store.submission.SubmissionDraft;
import org.onetrip.store.submission.SubmissionStore;
import org.onetrip.store.token.ReceiptTokenSigner;
import org.onetrip.store.token.ReceiptTokenVerifier;
import org.onetrip.store.token.TrustList;
import org.onetrip.store.uplink.Sm2;

/**
 * Bytes per standard receipt and encode time, per printer profile, with the native QR and with the raster
 * fallbacks; the time each takes to reach a 9600-baud serial printer (8N1: 960 bytes/s); signing and verifying
 * a receipt token. The receipt is the real one of {@link ReceiptService} for a sealed, unsent submission with
 * one material to bring.
 *
 * <p>{@code bench/run.sh kiosk-app org.onetrip.kiosk.bench.ReceiptBenchmark}
 */
public final class ReceiptBenchmark {
    private static final int WARMUP = 300;
    private static final int RUNS = 1000;
    private static final double BAUD_9600_BYTES_PER_SECOND = 960.0;

    private ReceiptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("receipt-bench");
        Clock clock = Clock.system(KioskApplication.CHINA);
        Database db = new Database(dir.resolve("bench.db"), clock);
        db.start();
        try {
            TerminalConfig config = TerminalConfig.demo();
            SubmissionStore store = new SubmissionStore(db, new AuditLog(clock), clock, config.terminalId());
            KeyPair key = Sm2.generateKeyPair();
            ReceiptTokenSigner signer = new ReceiptTokenSigner(key.getPrivate(), key.getPublic());
            SealedSubmission sealed = store.seal(draft("王秀兰"));
            SealedSubmission rare = store.seal(draft("王秀𠀾"));

            ReceiptService receipts = new ReceiptService(new SimulatedPrinter(PrinterProfile.MM80), config, store,
                    signer, clock);
            ReceiptDocument standard = receipts.document(sealed);
            ReceiptDocument rareName = receipts.document(rare);
            String token = ((ReceiptBlock.Qr) standard.blocks().stream()
                    .filter(b -> b instanceof ReceiptBlock.Qr).findFirst().orElseThrow()).payload();
            System.out.printf("token: %d characters (ZW1: + Base45)%n", token.length());

            System.out.println("| receipt | profile | QR | bytes | encode median | p99 | at 9600 baud |");
            System.out.println("|---|---|---|---:|---:|---:|---:|");
            for (PrinterProfile base : List.of(PrinterProfile.MM80, PrinterProfile.MM58)) {
                for (boolean nativeQr : List.of(true, false)) {
                    PrinterProfile profile = base.withNativeQr(nativeQr);
                    row("standard", standard, profile);
                    row("rare-character name", rareName, profile);
                }
            }

            ReceiptTokenVerifier verifier = new ReceiptTokenVerifier(TrustList.of(key.getPublic()));
            double[] sign = time(() -> receipts.document(sealed));
            double[] verify = time(() -> verifier.verify(token));
            System.out.printf("receipt document with a freshly signed token: median %.3f ms, p99 %.3f ms%n",
                    sign[0], sign[1]);
            System.out.printf("token verification: median %.3f ms, p99 %.3f ms%n", verify[0], verify[1]);
        } finally {
            db.stop();
        }
    }

    private static void row(String name, ReceiptDocument document, PrinterProfile profile) {
        EscPosEncoder encoder = new EscPosEncoder(profile);
        int bytes = encoder.encode(document).length;
        double[] t = time(() -> encoder.encode(document));
        System.out.printf("| %s | %s | %s | %d | %.3f ms | %.3f ms | %.2f s |%n", name, profile.name(),
                profile.nativeQr() ? "native" : "raster", bytes, t[0], t[1], bytes / BAUD_9600_BYTES_PER_SECOND);
    }

    /** Median and 99th percentile in milliseconds, after a warm-up. */
    private static double[] time(Runnable work) {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[RUNS * 99 / 100]};
    }

    private static SubmissionDraft draft(String name) {
        String id = "34012119480312002X";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", id);
        fields.put("phone", "13905510001");
        String mask = name.charAt(0) + "*" + name.substring(name.offsetByCodePoints(0, 2)) + " 340121********002X";
        return new SubmissionDraft(UUID.randomUUID(), "113401210034512345205002001", "城乡居民基本养老保险待遇领取", 1,
                "340121100004", name, id, mask, fields, "VILLAGE_POINT", LocalDate.of(2026, 12, 8),
                List.of("户口簿原件"));
    }
}
