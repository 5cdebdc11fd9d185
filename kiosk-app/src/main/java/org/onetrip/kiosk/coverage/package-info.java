/** The five-level coverage page for staff and technicians: what the reform measures, for this terminal's chain. */
package org.onetrip.kiosk.coverage;
