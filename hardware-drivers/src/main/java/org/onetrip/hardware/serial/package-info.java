/**
 * The serial transport shared by the ID-card reader and the line scanner: {@link org.onetrip.hardware.serial.SerialLink}
 * (what the drivers speak to, easy to fake) and its one implementation on jSerialComm, the only class that imports
 * {@code com.fazecast.jSerialComm}. Ports are opened by path ({@code /dev/serial/by-id/…} on a real terminal, a
 * socat pseudo-terminal in tests) and re-opened with a new port object after the device comes back.
 */
package org.onetrip.hardware.serial;
