/**
 * Agency mode (全程代办): staff sign in with their staff card (or staff QR) and PIN, file for residents who cannot
 * travel, and keep the point's ledger. Every agency route checks {@link org.onetrip.kiosk.agency.StaffSession} on
 * the server before it renders; a resident's session never holds one.
 */
package org.onetrip.kiosk.agency;
