package org.onetrip.provisioning.config;

/** A setting is wrong; the message names the setting and the fix. */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
