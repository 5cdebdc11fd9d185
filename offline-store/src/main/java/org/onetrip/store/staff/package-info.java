/**
 * Agency staff (全程代办员): the provisioned roster ({@code config/staff.json}), PINs kept only as salted
 * PBKDF2-HMAC-SHA256 hashes, and the sign-in check with its persisted lockout (five wrong PINs: five minutes).
 */
package org.onetrip.store.staff;
