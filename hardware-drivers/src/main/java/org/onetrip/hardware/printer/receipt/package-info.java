/**
 * What a receipt or ticket says, independent of any printer: an ordered list of
 * {@link org.onetrip.hardware.printer.receipt.ReceiptBlock}s built with
 * {@link org.onetrip.hardware.printer.receipt.ReceiptDocument#builder()}.
 *
 * <p>The model carries no business logic and no printer commands; services fill it in and an
 * encoder (for example {@code escpos.EscPosEncoder}) turns it into device bytes.
 */
package org.onetrip.hardware.printer.receipt;
