/**
 * Technician mode: a hidden gesture (five taps on the site name within three seconds) and the technician PIN open
 * a page with the self-test, the upload queue, the log tail and the coverage report; "back to kiosk" ends it.
 */
package org.onetrip.kiosk.technician;
