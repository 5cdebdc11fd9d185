/** 取号: a queue number for the township hall, counted per day in the store and printed on the receipt printer. */
package org.onetrip.kiosk.ticket;
