/** The sync queue as staff see it: each record's state, attempts, last error or quarantine reason; retry now. */
package org.onetrip.kiosk.agency.queue;
