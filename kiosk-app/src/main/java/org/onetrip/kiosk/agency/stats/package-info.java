/** The point's statistics for supervisors: cases by item, one-trip share, days to finish, ratings; page and CSV. */
package org.onetrip.kiosk.agency.stats;
