/**
 * 查进度: a resident's submissions and their statuses, reprinting a receipt, and opening a submission's status
 * from a scanned receipt QR code ({@link org.onetrip.kiosk.status.ReceiptLookup}).
 */
package org.onetrip.kiosk.status;
