/** Receipts: what is printed for a sealed submission, and showing exactly that on screen. */
package org.onetrip.kiosk.receipt;
