/**
 * Terminals as the server knows them: enrolment (a trusted SM2 public key per terminal id), revocation, and
 * the last heartbeat each terminal sent.
 */
package org.onetrip.intake.terminal;
