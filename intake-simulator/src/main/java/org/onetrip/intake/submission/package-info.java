/**
 * Receiving submissions ({@code POST /api/v1/submissions}): the contract's 400/409/422 rules, deduplication on
 * the idempotency key forever, the body stored exactly as received, and the 办件编号 (project number).
 */
package org.onetrip.intake.submission;
