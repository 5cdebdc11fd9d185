/**
 * Fault injection for tests and rehearsals: a share of Intake API requests answered 503, reset before they are
 * handled, handled and committed but with the answer lost (the connection reset instead), or answered late.
 */
package org.onetrip.intake.fault;
