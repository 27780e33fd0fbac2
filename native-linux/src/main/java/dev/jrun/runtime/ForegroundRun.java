package dev.jrun.runtime;

import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.state.ContainerState;
import java.util.List;
import sun.misc.Signal;

/**
 * {@code run} without --detach: jrun becomes the subreaper of the container's init, forwards the
 * signals a terminal or a supervisor sends, and exits with the container's status. Like runc, it
 * deletes the container once it has exited.
 */
final class ForegroundRun {

    private static final int PR_SET_CHILD_SUBREAPER = 36;
    /** SIGQUIT is not among them: the JVM keeps it for thread dumps. */
    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP", "USR1", "USR2", "WINCH");

    private final Runtime runtime;
    private final Syscalls syscalls;

    ForegroundRun(Runtime runtime, Syscalls syscalls) {
        this.runtime = runtime;
        this.syscalls = syscalls;
    }

    int run(CreateOptions options) {
        syscalls.prctl(PR_SET_CHILD_SUBREAPER, 1);
        ContainerState state = runtime.creator().create(options);
        int pid = state.initPid();
        try {
            for (String name : FORWARDED) {
                Signal.handle(new Signal(name), signal -> forward(pid, signal.getNumber()));
            }
            runtime.start(options.id());
        } catch (RuntimeException e) {
            runtime.delete(options.id(), true);
            throw e;
        }
        int status = syscalls.waitpid(pid);
        runtime.delete(options.id(), true);
        return exitCode(status);
    }

    private void forward(int pid, int signal) {
        try {
            syscalls.kill(pid, signal);
        } catch (SyscallException e) {
            // the container is already gone: its exit status follows
        }
    }

    /** The shell's convention: the exit status, or 128 + the number of the signal that ended it. */
    static int exitCode(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
    }
}
