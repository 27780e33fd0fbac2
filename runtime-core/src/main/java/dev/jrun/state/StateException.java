package dev.jrun.state;

/** A container id, the state directory or a state file is not what the command needs. */
public final class StateException extends RuntimeException {

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
