package org.onetrip.hardware.config;

/** A device setting is wrong; the message names every wrong setting and its fix. */
public class DeviceConfigException extends RuntimeException {
    public DeviceConfigException(String message) {
        super(message);
    }
}
