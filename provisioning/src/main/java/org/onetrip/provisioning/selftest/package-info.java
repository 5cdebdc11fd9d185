/**
 * The terminal self-test (configuration, key, disk, clock, uplink signature, reader, printer, scanner, panel) and
 * the serial probe that tells a reader from a printer, shared by the CLI and technician mode.
 */
package org.onetrip.provisioning.selftest;
