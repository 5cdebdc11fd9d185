/**
 * 办事指南: an item's guide for display and for the receipt printer — conditions, materials with their waiver
 * status for the resident at the terminal where known, time limit, fee, visits, delivery, and where to go when a
 * visit is needed.
 */
package org.onetrip.kiosk.guide;
