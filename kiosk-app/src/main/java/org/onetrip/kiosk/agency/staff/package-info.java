/**
 * Staff sign-in for agency mode: staff card tap (or staff QR) then PIN on a numeric keypad, the persisted lockout,
 * the staff idle sign-out (longer than a resident's) and the sign-out button. Checks are {@link
 * org.onetrip.store.staff.StaffSignIn}'s; this package brings them to screens.
 */
package org.onetrip.kiosk.agency.staff;
