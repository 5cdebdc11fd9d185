/**
 * QR and barcode scanners: the device interface, the serial line scanner (with its pure {@code LineFramer}), the
 * simulator, and {@link org.onetrip.hardware.qr.QrPayload}, which tells what a scanned text is. Keyboard-wedge
 * scanners type into the browser and are captured there (kiosk-app, {@code org.onetrip.kiosk.scan}).
 */
package org.onetrip.hardware.qr;
