/**
 * The intake simulator: a runnable reference server of the Intake API (DESIGN.md, "Intake API") on embedded
 * Jetty with its own SQLite file. It is the uplink of demo mode and of integration tests, and it enforces every
 * rule of the contract, so a terminal that works against it works against any server honouring the contract.
 * {@link org.onetrip.intake.IntakeSimulator} is the entry point; the sub-packages hold one endpoint feature each.
 */
package org.onetrip.intake;
