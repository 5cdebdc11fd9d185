/** Applying for an item: the items offered here, the one-table form, sealing and the receipt. */
package org.onetrip.kiosk.apply;
