package org.onetrip.hardware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Jazzer on what a QR scanner sends: the serial byte stream cut into scans by {@link LineFramer} (CR, as the
 * scanners are configured), each scan classified by {@link QrPayload#classify}. The property: classifying never
 * throws, keeps no control character, and a payload's kind agrees with its prefix; no scan is longer than the
 * framer allows. Kept inputs: {@code QrScanFuzzTestInputs/}.
 */
class QrScanFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void scanner_bytes_yield_classified_scans_and_never_an_exception(byte[] stream) {
        LineFramer framer = new LineFramer(new byte[] {'\r'}, StandardCharsets.UTF_8, SerialQrScanner.MAX_SCAN_BYTES);
        List<String> scans = framer.feed(stream, 0, stream.length);
        scans.forEach(QrScanFuzzTest::classify);
        // the whole input as one scan too, so the classifier sees every byte the fuzzer makes
        classify(new String(stream, StandardCharsets.UTF_8));
    }

    private static void classify(String scanned) {
        assertTrue(scanned.length() <= SerialQrScanner.MAX_SCAN_BYTES * 2, "scan of " + scanned.length());
        QrPayload p = QrPayload.classify(scanned);
        assertNotNull(p.text());
        assertFalse(p.text().chars().anyMatch(Character::isISOControl), "a control character was kept");
        assertNotNull(p.toString());
        String upper = p.text().toUpperCase(Locale.ROOT);
        switch (p) {
            case QrPayload.ReceiptToken t -> assertTrue(upper.startsWith(QrPayload.RECEIPT_TOKEN_PREFIX));
            case QrPayload.ReceiptReference r -> assertTrue(upper.startsWith(QrPayload.RECEIPT_REFERENCE_PREFIX));
            case QrPayload.Provisioning v -> assertEquals(p.text().substring(QrPayload.PROVISIONING_PREFIX.length()),
                    v.body());
            case QrPayload.Url u -> assertNotNull(u.uri().getHost());
            case QrPayload.Text t -> assertNotNull(t.text());
        }
    }
}
