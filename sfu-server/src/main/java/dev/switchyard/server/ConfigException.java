package dev.switchyard.server;

/** An invalid configuration value, file or flag; the message says which and why. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
