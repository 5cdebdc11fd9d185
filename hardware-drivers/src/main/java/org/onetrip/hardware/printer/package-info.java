/**
 * The receipt printer as a device: the {@link org.onetrip.hardware.printer.ReceiptPrinter}
 * interface every driver implements, its {@link org.onetrip.hardware.printer.PrinterStatus},
 * the {@link org.onetrip.hardware.printer.PrinterException} it throws, and the
 * {@link org.onetrip.hardware.printer.SimulatedPrinter} used in development and tests.
 *
 * <p>What to print is built in {@code receipt}, turned into bytes in {@code escpos}, and sent
 * here as one job.
 */
package org.onetrip.hardware.printer;
