package dev.jrun.spec;

/** A bundle's config.json cannot be read or would not make a valid container; the message is one line. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
