/** The USB courier screen: export pending submissions to removable media, import another terminal's bundle. */
package org.onetrip.kiosk.agency.courier;
