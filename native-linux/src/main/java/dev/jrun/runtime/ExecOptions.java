package dev.jrun.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code exec}: either a process.json ({@code --process}) or the command line's
 * args with its overrides.
 *
 * @param user "UID[:GID]" or empty for the container's process user
 * @param consoleSocket where the pty master goes when the process has a terminal (--console-socket)
 */
public record ExecOptions(String id, Optional<Path> processJson, List<String> args, List<String> env,
                          Optional<String> cwd, Optional<String> user, List<Integer> additionalGids,
                          List<String> capAdd, boolean noNewPrivileges, boolean detach,
                          Optional<Path> pidFile, int preserveFds, boolean tty, Optional<Path> consoleSocket) {

    public ExecOptions {
        args = List.copyOf(args);
        env = List.copyOf(env);
        additionalGids = List.copyOf(additionalGids);
        capAdd = List.copyOf(capAdd);
    }
}
