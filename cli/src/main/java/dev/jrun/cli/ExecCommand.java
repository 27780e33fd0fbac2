package dev.jrun.cli;

import dev.jrun.runtime.ExecOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "exec", sortOptions = false, description = {
    "execute new process inside the container",
    "",
    "Options come before <container-id>: everything after it is the command and its arguments, "
        + "so that \"jrun exec ID sh -c 'echo hi'\" passes -c to sh, as with runc.",
})
final class ExecCommand implements Callable<Integer> {

    private CommandSpec spec;

    @ParentCommand
    GlobalOptions globals;

    @Option(names = "--console-socket", paramLabel = "PATH",
            description = "path to an AF_UNIX socket which will receive a file descriptor referencing "
                + "the master end of the console's pseudoterminal")
    Path consoleSocket;

    @Option(names = "--cwd", paramLabel = "DIR", description = "current working directory in the container")
    String cwd;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-t", "--tty"}, description = "allocate a pseudo-TTY")
    boolean tty;

    @Option(names = {"-u", "--user"}, paramLabel = "UID[:GID]", description = "UID (format: <uid>[:<gid>])")
    String user;

    @Option(names = {"-g", "--additional-gids"}, paramLabel = "GID", description = "additional gids")
    List<Integer> additionalGids = new ArrayList<>();

    @Option(names = {"-p", "--process"}, paramLabel = "FILE", description = "path to the process.json")
    Path process;

    @Option(names = {"-d", "--detach"}, description = "detach from the container's process")
    boolean detach;

    @Option(names = "--pid-file", paramLabel = "FILE", description = "specify the file to write the process id to")
    Path pidFile;

    @Option(names = "--no-new-privs", description = "set the no new privileges value for the process")
    boolean noNewPrivs;

    @Option(names = {"-c", "--cap"}, paramLabel = "CAP",
            description = "add a capability to the bounding set for the process")
    List<String> caps = new ArrayList<>();

    @Option(names = "--preserve-fds", paramLabel = "N",
            description = "pass N additional file descriptors to the process (stdio + N in total)")
    int preserveFds;

    @Parameters(index = "0", paramLabel = "<container-id>", description = "the name of the container instance")
    String id;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "the command and its arguments")
    List<String> command = new ArrayList<>();

    @Mixin
    HelpOption help;

    /** runc stops reading options at the first positional argument for exec only. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().stopAtPositional(true);
    }

    @Override
    public Integer call() {
        return globals.runtime().exec(options());
    }

    ExecOptions options() {
        if (process == null && command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a command or --process is required");
        }
        return new ExecOptions(id, absolute(process), command, env, Optional.ofNullable(cwd),
                Optional.ofNullable(user), additionalGids, caps, noNewPrivs, detach, absolute(pidFile),
                preserveFds, tty, absolute(consoleSocket));
    }

    private static Optional<Path> absolute(Path path) {
        return path == null ? Optional.empty() : Optional.of(path.toAbsolutePath());
    }
}
