package dev.jrun.runtime;

import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * The terminal of a process that jrun runs in the foreground without a console socket: jrun holds
 * the pty master, copies its own stdin to it and its output to stdout, keeps the window size in
 * step, and puts its own terminal in raw mode meanwhile (runc's behaviour).
 */
final class TerminalProxy {

    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int BUFFER = 8192;
    private static final long DRAIN_MILLIS = 2000;

    private final Syscalls syscalls;
    private final int master;
    private final Thread output;
    private final String savedMode;

    private TerminalProxy(Syscalls syscalls, int master) {
        this.syscalls = syscalls;
        this.master = master;
        this.savedMode = syscalls.copyWindowSize(STDIN, master) ? stty("-g") : null;
        if (savedMode != null) {
            stty("raw", "-echo");
            Signal.handle(new Signal("WINCH"), signal -> syscalls.copyWindowSize(STDIN, master));
        }
        this.output = copy("jrun-pty-out", master, STDOUT);
        copy("jrun-pty-in", STDIN, master);
    }

    static TerminalProxy start(Syscalls syscalls, int master) {
        return new TerminalProxy(syscalls, master);
    }

    /** After the process has exited: lets its last output through, then restores the terminal. */
    void finish() {
        try {
            output.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        syscalls.close(master);
        if (savedMode != null) {
            stty(savedMode);
        }
    }

    private Thread copy(String name, int from, int to) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    byte[] bytes = syscalls.read(from, BUFFER);
                    if (bytes.length == 0) {
                        return;
                    }
                    syscalls.writeFully(to, bytes);
                }
            } catch (SyscallException e) {
                // EIO once the last holder of the pty is gone: the copy is over
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** stty on jrun's own terminal (its stdin), the portable way to save, set and restore modes. */
    private static String stty(String... arguments) {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(arguments));
        try {
            java.lang.Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
