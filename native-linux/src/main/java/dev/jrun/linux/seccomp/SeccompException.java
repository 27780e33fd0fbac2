package dev.jrun.linux.seccomp;

/**
 * libseccomp could not be loaded or refused a call. The message names the call, its object and
 * the errno's text: {@code seccomp_rule_add_array mkdir: invalid argument}.
 */
public final class SeccompException extends RuntimeException {

    public SeccompException(String message) {
        super(message);
    }

    public SeccompException(String message, Throwable cause) {
        super(message, cause);
    }
}
