/**
 * The receipt printer as a device: the {@link org.onetrip.hardware.printer.ReceiptPrinter}
 * interface every driver implements, its {@link org.onetrip.hardware.printer.PrinterStatus},
 * the {@link org.onetrip.hardware.printer.PrinterException} it throws, the real driver
 * {@link org.onetrip.hardware.printer.EscPosPrinter} (over a {@code transport}: serial, USB
 * device file or TCP, with {@code DLE EOT 4} paper status where the transport is two-way), the
 * {@link org.onetrip.hardware.printer.SimulatedPrinter} used in demo mode and tests, and the
 * technician's {@link org.onetrip.hardware.printer.PrinterConfig}.
 *
 * <p>What to print is built in {@code receipt}, turned into bytes in {@code escpos}, and sent
 * here as one job.
 */
package org.onetrip.hardware.printer;
