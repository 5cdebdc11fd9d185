/**
 * Device configuration ({@link org.onetrip.hardware.config.DeviceConfig}: which reader, scanner and panel, their
 * paths, speeds and pins, validated with every wrong setting named) and {@link org.onetrip.hardware.config.Devices},
 * which builds the real drivers or the simulators from it, once, for the composition root.
 */
package org.onetrip.hardware.config;
