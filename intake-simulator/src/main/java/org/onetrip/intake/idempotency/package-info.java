/**
 * Idempotency keys of the Intake API, kept forever per terminal and endpoint: a repeat with the same body gets
 * the first answer again (as 200), a repeat with a different body gets 409.
 */
package org.onetrip.intake.idempotency;
