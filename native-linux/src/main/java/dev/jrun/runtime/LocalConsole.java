package dev.jrun.runtime;

import dev.jrun.linux.Syscalls;
import java.util.Optional;

/**
 * The console socket of a process that jrun keeps in the foreground: a socketpair whose one end
 * the helper sends the pty master to, and whose other end jrun receives it from, to proxy the
 * terminal itself. Nothing is made unless the process has a terminal.
 */
final class LocalConsole {

    private final Syscalls syscalls;
    private int ours = -1;

    LocalConsole(Syscalls syscalls) {
        this.syscalls = syscalls;
    }

    /** The helper's end; called only when the process has a terminal. */
    int childEnd() {
        int[] pair = syscalls.socketpair(Syscalls.AF_UNIX, Syscalls.SOCK_STREAM);
        ours = pair[0];
        return pair[1];
    }

    /** Once the helper has sent the master: the proxy of the terminal, if there is one. */
    Optional<TerminalProxy> proxy() {
        if (ours < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(TerminalProxy.start(syscalls, syscalls.receiveFd(ours)));
        } finally {
            syscalls.close(ours);
        }
    }
}
