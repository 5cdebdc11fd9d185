/** QR and barcode scanners: the device interface and the simulator. */
package org.onetrip.hardware.qr;
