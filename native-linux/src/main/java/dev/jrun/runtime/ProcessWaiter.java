package dev.jrun.runtime;

import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import java.util.List;
import sun.misc.Signal;

/**
 * Waits for a process this JVM reaps (as its subreaper), passing on the signals a terminal or a
 * supervisor sends to jrun, and turns its wait status into an exit code.
 */
final class ProcessWaiter {

    /** SIGQUIT is not among them: the JVM keeps it for thread dumps. */
    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP", "USR1", "USR2", "WINCH");

    private final Syscalls syscalls;

    ProcessWaiter(Syscalls syscalls) {
        this.syscalls = syscalls;
    }

    void forwardSignals(int pid) {
        for (String name : FORWARDED) {
            Signal.handle(new Signal(name), signal -> forward(pid, signal.getNumber()));
        }
    }

    int waitFor(int pid) {
        return exitCode(syscalls.waitpid(pid));
    }

    int waitForwardingSignals(int pid) {
        forwardSignals(pid);
        return waitFor(pid);
    }

    private void forward(int pid, int signal) {
        try {
            syscalls.kill(pid, signal);
        } catch (SyscallException e) {
            // the process is already gone: its exit status follows
        }
    }

    /** The shell's convention: the exit status, or 128 + the number of the signal that ended it. */
    static int exitCode(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
    }
}
