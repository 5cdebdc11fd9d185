/**
 * Status changes ({@code GET /api/v1/status?since=<cursor>}): the steps of the
 * {@link org.onetrip.intake.StatusSchedule} that are due by the injected clock are written to a change log with
 * a monotonically increasing sequence when a terminal asks, and the sequence is the cursor.
 */
package org.onetrip.intake.status;
