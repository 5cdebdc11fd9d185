/**
 * The kiosk's panel on GPIO: status LEDs, buzzer, help button, cabinet tamper switch and presence sensor. The
 * interface {@link org.onetrip.hardware.panel.Panel}, the Pi4J driver {@link org.onetrip.hardware.panel.GpioPanel}
 * (its context built explicitly by {@link org.onetrip.hardware.panel.PanelContexts}: gpiod or linuxfs on a Pi, the
 * mock provider only in tests), the no-op panel for machines without GPIO, and the simulator.
 */
package org.onetrip.hardware.panel;
