package dev.jrun.cli;

import dev.jrun.log.Log;
import dev.jrun.runtime.CreateOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code create} and {@code run} share, with runc's names. */
final class CreateFlags {

    @Option(names = {"-b", "--bundle"}, paramLabel = "DIR",
            description = "path to the root of the bundle directory, defaults to the current directory")
    Path bundle = Path.of("");

    @Option(names = "--console-socket", paramLabel = "PATH",
            description = "path to an AF_UNIX socket which will receive a file descriptor referencing "
                + "the master end of the console's pseudoterminal")
    Path consoleSocket;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "specify the file to write the process id to")
    Path pidFile;

    @Option(names = "--no-pivot", description = "do not use pivot root to jail process inside rootfs "
            + "(accepted for compatibility: jrun always uses pivot_root)")
    boolean noPivot;

    @Option(names = "--no-new-keyring", description = "do not create a new session keyring for the container "
            + "(accepted for compatibility, not yet implemented)")
    boolean noNewKeyring;

    @Option(names = "--preserve-fds", paramLabel = "N",
            description = "pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)")
    int preserveFds;

    /** Relative paths are made absolute, since the runtime does not run in the caller's directory. */
    CreateOptions toOptions(String id, Log log) {
        if (noPivot) {
            log.warn("--no-pivot is not supported, pivot_root is used");
        }
        if (noNewKeyring) {
            log.warn("--no-new-keyring is not supported yet, it is ignored");
        }
        int listenFds = listenFds(System.getenv(), ProcessHandle.current().pid());
        return new CreateOptions(id, bundle.toAbsolutePath(), absolute(pidFile), preserveFds + listenFds,
                absolute(consoleSocket));
    }

    /**
     * Socket activation: the descriptors systemd passed to this process go to the container too,
     * as with runc, when LISTEN_PID names this process (the launcher execs the JVM, so the pid is
     * the one systemd started).
     */
    static int listenFds(Map<String, String> env, long pid) {
        String fds = env.get("LISTEN_FDS");
        String listenPid = env.get("LISTEN_PID");
        if (fds == null || listenPid == null || !listenPid.equals(Long.toString(pid))) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(fds));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Path> absolute(Path path) {
        return path == null ? Optional.empty() : Optional.of(path.toAbsolutePath());
    }
}
