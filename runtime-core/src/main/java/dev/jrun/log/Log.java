package dev.jrun.log;

/**
 * Where jrun reports what it does: stderr, and the file named by {@code --log} in runc's text or
 * JSON format (containerd and CRI-O read the last error from that file).
 */
public interface Log {

    void debug(String message);

    void info(String message);

    /** Something the user should know that does not stop the operation. */
    void warn(String message);

    /** The operation failed; the message is the one-line reason. */
    void error(String message);

    /** A log that drops everything, for tests and for the container init. */
    Log NONE = new Log() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
        @Override public void error(String message) { }
    };
}
