/** Identifying the resident by ID card (一证通用). */
package org.onetrip.kiosk.identify;
