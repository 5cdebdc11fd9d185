/**
 * Receipts: what is printed for a sealed submission (with its signed status token in the QR code), reprints,
 * and showing exactly the printed bytes on screen.
 */
package org.onetrip.kiosk.receipt;
