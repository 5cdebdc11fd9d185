/**
 * Complaints and consultations ({@code POST /api/v1/complaints}), this project's addition to the Intake API:
 * the same idempotency rules as ratings, kept as received.
 */
package org.onetrip.intake.complaint;
