/** The resident's session at the screen and how it ends without a trace. */
package org.onetrip.kiosk.session;
