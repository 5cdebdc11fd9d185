/**
 * How bytes reach a real printer: {@link org.onetrip.hardware.printer.transport.SerialTransport}
 * (jSerialComm, by path), {@link org.onetrip.hardware.printer.transport.DeviceFileTransport}
 * ({@code /dev/usb/lp0}, one-way) and {@link org.onetrip.hardware.printer.transport.TcpTransport}
 * (port 9100). Thin: no ESC/POS here beyond sending a status request and reading one byte back.
 */
package org.onetrip.hardware.printer.transport;
