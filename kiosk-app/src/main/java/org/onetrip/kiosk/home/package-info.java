/** The home screen. */
package org.onetrip.kiosk.home;
