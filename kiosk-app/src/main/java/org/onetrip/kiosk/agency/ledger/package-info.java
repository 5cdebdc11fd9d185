/**
 * The point's ledger (台账) for agents: every case with its state, promise, days left, overdue and 补正 warnings and
 * the resident's contact; filters, CSV export and the daily list on the receipt printer. {@link
 * org.onetrip.kiosk.agency.ledger.AgencyBooks} wires the ledger, statistics, sync queue and courier services.
 */
package org.onetrip.kiosk.agency.ledger;
