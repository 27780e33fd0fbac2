package dev.jrun.linux;

import java.util.Locale;

/**
 * A system call that failed. The message names the call, its object (usually a path) and the
 * errno's text: {@code mount /proc/self/fd/7: operation not permitted}.
 */
public final class SyscallException extends RuntimeException {

    private final String call;
    private final int errno;
    private final String reason;

    public SyscallException(String call, String object, int errno, String strerror) {
        super(call + (object.isEmpty() ? "" : " " + object) + ": " + lowerFirst(strerror), null, false, false);
        this.call = call;
        this.errno = errno;
        this.reason = lowerFirst(strerror);
    }

    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }

    /** The errno's text alone, lower-case: "operation not permitted". */
    public String reason() {
        return reason;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
