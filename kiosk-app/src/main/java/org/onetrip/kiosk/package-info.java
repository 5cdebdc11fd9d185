/** The kiosk's entry point and composition root. */
package org.onetrip.kiosk;
