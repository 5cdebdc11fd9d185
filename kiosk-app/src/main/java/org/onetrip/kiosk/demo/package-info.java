/** Demo mode's on-screen controls of the simulated devices. */
package org.onetrip.kiosk.demo;
