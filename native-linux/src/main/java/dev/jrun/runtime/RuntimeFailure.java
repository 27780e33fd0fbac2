package dev.jrun.runtime;

/** An operation that failed, with the one-line reason the command line prints. */
public final class RuntimeFailure extends RuntimeException {

    public RuntimeFailure(String message) {
        super(message, null, false, false);
    }
}
