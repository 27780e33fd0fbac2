package dev.jrun.runtime;

import dev.jrun.linux.Syscalls;
import dev.jrun.state.ContainerState;
import java.util.Optional;

/**
 * {@code run} without --detach: jrun becomes the subreaper of the container's init, forwards the
 * signals a terminal or a supervisor sends, and exits with the container's status. Like runc, it
 * deletes the container once it has exited.
 */
final class ForegroundRun {

    private static final int PR_SET_CHILD_SUBREAPER = 36;

    private final Runtime runtime;
    private final Syscalls syscalls;

    ForegroundRun(Runtime runtime, Syscalls syscalls) {
        this.runtime = runtime;
        this.syscalls = syscalls;
    }

    int run(CreateOptions options) {
        syscalls.prctl(PR_SET_CHILD_SUBREAPER, 1);
        LocalConsole console = new LocalConsole(syscalls);
        ContainerState state = runtime.creator().create(options, Optional.of(console::childEnd));
        ProcessWaiter waiter = new ProcessWaiter(syscalls);
        Optional<TerminalProxy> terminal;
        try {
            terminal = console.proxy();
            waiter.forwardSignals(state.initPid());
            runtime.start(options.id());
        } catch (RuntimeException e) {
            runtime.delete(options.id(), true);
            throw e;
        }
        int status = waiter.waitFor(state.initPid());
        terminal.ifPresent(TerminalProxy::finish);
        runtime.delete(options.id(), true);
        return status;
    }
}
