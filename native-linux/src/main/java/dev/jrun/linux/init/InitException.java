package dev.jrun.linux.init;

/** A step of the container init that failed, with a message that says what was being done. */
final class InitException extends RuntimeException {

    InitException(String message) {
        super(message, null, false, false);
    }
}
