package org.onetrip.hardware.qr;

/** Receives the text of each scanned code, on the scanner's thread. */
@FunctionalInterface
public interface QrScanListener {
    void onScan(String text);
}
