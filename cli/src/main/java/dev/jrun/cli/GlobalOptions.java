package dev.jrun.cli;

import dev.jrun.log.Log;
import dev.jrun.runtime.Runtime;
import dev.jrun.runtime.RuntimeContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * runc's global options, given before the command. This is the top-level command: each command
 * reaches it with {@code @ParentCommand} for the log and the runtime.
 */
@Command(name = "jrun", sortOptions = false,
        description = {
            "jrun is a command line client for running applications packaged according to the Open "
                + "Container Initiative (OCI) format, compatible with runc's command line.",
            "",
            "To start a new instance of a container:",
            "",
            "    # jrun run [ -b bundle ] <container-id>",
            "",
            "The default value for \"bundle\" is the current directory.",
        },
        synopsisSubcommandLabel = "COMMAND")
final class GlobalOptions {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", order = 1, description = "enable debug logging")
    boolean debug;

    @Option(names = "--log", order = 2, paramLabel = "FILE",
            description = "set the log file to write jrun logs to (default is '/dev/stderr')")
    Path logFile;

    boolean jsonLog;

    @Option(names = "--root", order = 4, paramLabel = "DIR",
            description = "root directory for storage of container state (this should be located in "
                + "tmpfs) (default: /run/jrun, or $XDG_RUNTIME_DIR/jrun when not root)")
    Path root;

    @Option(names = "--criu", order = 5, paramLabel = "PATH",
            description = "accepted for compatibility with runc: jrun has no checkpoint and restore")
    String criu;

    @Option(names = "--systemd-cgroup", order = 6,
            description = "enable systemd cgroup support, expects cgroupsPath to be of form "
                + "\"slice:prefix:name\" for e.g. \"system.slice:jrun:434234\"")
    boolean systemdCgroup;

    /** null for auto. */
    Boolean rootless;

    @Option(names = {"-h", "--help"}, order = 8, usageHelp = true, description = "show help")
    boolean help;

    @Option(names = {"-v", "--version"}, order = 9, versionHelp = true, description = "print the version")
    boolean version;

    private final Function<RuntimeContext, Runtime> runtimes;
    private Log log;
    private RuntimeContext context;

    GlobalOptions(Function<RuntimeContext, Runtime> runtimes) {
        this.runtimes = runtimes;
    }

    @Option(names = "--log-format", order = 3, paramLabel = "FORMAT",
            description = "set the log format ('text' (default), or 'json')")
    void logFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "invalid log-format: " + format);
        }
        jsonLog = format.equals("json");
    }

    @Option(names = "--rootless", order = 7, paramLabel = "VALUE",
            description = "ignore cgroup permission errors ('true', 'false', or 'auto') (default: \"auto\")")
    void rootless(String value) {
        switch (value) {
            case "true": rootless = Boolean.TRUE; break;
            case "false": rootless = Boolean.FALSE; break;
            case "auto": rootless = null; break;
            default: throw new ParameterException(spec.commandLine(),
                    "invalid --rootless value: " + value + " (expected true, false or auto)");
        }
    }

    /** The log for this invocation, to stderr or --log in --log-format. */
    Log log() {
        if (log == null) {
            log = new CliLog(spec.commandLine().getErr(), logFile,
                    jsonLog ? CliLog.Format.JSON : CliLog.Format.TEXT, debug, Clock.systemUTC());
        }
        return log;
    }

    RuntimeContext context() {
        if (context == null) {
            Path stateRoot = root != null ? root : defaultRoot(effectiveUid(), System.getenv("XDG_RUNTIME_DIR"));
            context = new RuntimeContext(stateRoot.toAbsolutePath(), log(), systemdCgroup);
        }
        return context;
    }

    Runtime runtime() {
        return runtimes.apply(context());
    }

    /** runc's rule: a user other than root keeps its state under $XDG_RUNTIME_DIR when that is set. */
    static Path defaultRoot(int euid, String xdgRuntimeDir) {
        if (euid != 0 && xdgRuntimeDir != null && !xdgRuntimeDir.isEmpty()) {
            return Path.of(xdgRuntimeDir, "jrun");
        }
        return Path.of("/run/jrun");
    }

    /** /proc/self belongs to the effective uid; this needs no native call. */
    private static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}
