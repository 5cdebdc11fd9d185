/**
 * ESC/POS for 58 mm and 80 mm thermal printers (domain-spec §5): the pure codec, no I/O.
 *
 * <ul>
 *   <li>{@link org.onetrip.hardware.printer.escpos.PrinterProfile}: what a printer model can do
 *       (paper width, cutter, native QR).</li>
 *   <li>{@link org.onetrip.hardware.printer.escpos.EscPosEncoder}: a
 *       {@link org.onetrip.hardware.printer.receipt.ReceiptDocument} to ESC/POS bytes.</li>
 *   <li>{@link org.onetrip.hardware.printer.escpos.EscPosRenderer}: ESC/POS bytes to the image a
 *       thermal printer would print, for the simulator, tests and previews.</li>
 * </ul>
 *
 * <p>Command bytes are defined once, in the package-private {@code EscPos}.
 */
package org.onetrip.hardware.printer.escpos;
