/** The frame shared by every screen. */
package org.onetrip.kiosk.ui;
