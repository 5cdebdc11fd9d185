/**
 * Scans reaching screens: from a serial scanner (through {@link org.onetrip.kiosk.scan.ScanService}), from a
 * keyboard-wedge scanner typing into the browser ({@link org.onetrip.kiosk.scan.WedgeCapture}, which tells a
 * scanner's burst from a person typing by key timing), and from an uploaded picture
 * ({@link org.onetrip.kiosk.scan.ImageQrDecoder}, ZXing). Every scan arrives classified as a
 * {@link org.onetrip.hardware.qr.QrPayload}.
 */
package org.onetrip.kiosk.scan;
