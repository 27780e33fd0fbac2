package dev.jrun.spec;

/** One problem found in config.json: where ({@code process.args[1]}, empty for the whole file) and what. */
public record Finding(String path, String message) {

    /** "process.args: must not be empty". */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** The same, as an error about config.json: "config.json: process.args: must not be empty". */
    public ConfigException toException() {
        return new ConfigException(SpecLoader.FILE + ": " + this);
    }
}
