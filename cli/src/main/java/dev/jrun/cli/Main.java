package dev.jrun.cli;

import dev.jrun.runtime.Runtime;
import dev.jrun.runtime.RuntimeContext;
import dev.jrun.spec.SpecTemplate;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The jrun command line. Every call is a JVM start, so only the command that was named is built:
 * picocli's cost grows with the number of annotated commands, and containerd calls jrun several
 * times per container. The whole tree is built only to print the overview.
 */
public final class Main implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String VERSION = "0.1.0";
    /** The OCI runtime spec version jrun implements (a constant: javac inlines it, no class is loaded). */
    static final String SPEC_VERSION = SpecTemplate.OCI_VERSION;

    /** The commands, in the order the overview lists them. */
    static final String[] COMMAND_NAMES = {
        "create", "delete", "exec", "features", "kill", "list", "pause", "resume", "run", "spec", "start", "state",
    };

    /** runc commands jrun does not have yet: named in the error instead of "unknown command". */
    private static final Set<String> NOT_YET_SUPPORTED =
            Set.of("checkpoint", "events", "ps", "restore", "update");

    /** Global options that take a value, so that the value is not mistaken for the command. */
    private static final Set<String> VALUE_OPTIONS =
            Set.of("--root", "--log", "--log-format", "--criu", "--rootless");

    /** urfave/cli's status for a command it does not know, which runc returns. */
    static final int UNKNOWN_COMMAND_STATUS = 3;

    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions globals;

    /** The runtime factory is a parameter so that tests can make the runtime fail. */
    Main(Function<RuntimeContext, Runtime> runtimes, PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.globals = new GlobalOptions(runtimes);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out);
        PrintWriter err = new PrintWriter(System.err);
        int status = new Main(Runtime::new, out, err).run(args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    int run(String[] args) {
        int index = commandIndex(args);
        int globalsEnd = index < 0 ? args.length : index;
        if (containsAny(args, globalsEnd, "-v", "--version")) {
            printVersion();
            return 0;
        }
        if (index < 0 || containsAny(args, globalsEnd, "-h", "--help")) {
            fullCommandLine().usage(out);
            return 0;
        }
        String name = args[index];
        if (name.equals("help") || name.equals("h")) {
            return help(args, index);
        }
        Object command = newCommand(name);
        if (command == null) {
            return unknownCommand(args, index);
        }
        return commandLine(name, command).execute(args);
    }

    /**
     * Where the command name is in argv: the first token that is neither a global option nor the
     * value of one, or -1. Global options come before the command, as with runc.
     */
    static int commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                return i;
            }
            if (VALUE_OPTIONS.contains(arg)) {
                i++;
            }
        }
        return -1;
    }

    /** A new instance of the named command, or null when there is no such command. */
    static Object newCommand(String name) {
        switch (name) {
            case "create": return new CreateCommand();
            case "delete": return new DeleteCommand();
            case "exec": return new ExecCommand();
            case "features": return new FeaturesCommand();
            case "kill": return new KillCommand();
            case "list": return new ListCommand();
            case "pause": return new PauseCommand();
            case "resume": return new ResumeCommand();
            case "run": return new RunCommand();
            case "spec": return new SpecCommand();
            case "start": return new StartCommand();
            case "state": return new StateCommand();
            default: return null;
        }
    }

    /** The global options with just one command under them. */
    CommandLine commandLine(String name, Object command) {
        CommandLine commandLine = new CommandLine(globals);
        commandLine.addSubcommand(name, command);
        return configure(commandLine);
    }

    CommandLine fullCommandLine() {
        CommandLine commandLine = new CommandLine(globals);
        for (String name : COMMAND_NAMES) {
            commandLine.addSubcommand(name, newCommand(name));
        }
        commandLine.addSubcommand("help", new CommandLine.HelpCommand(), "h");
        return configure(commandLine);
    }

    private CommandLine configure(CommandLine commandLine) {
        return commandLine.setOut(out).setErr(err)
                .setParameterExceptionHandler(this)
                .setExecutionExceptionHandler(this);
    }

    /** {@code help} and {@code help COMMAND}, like runc's {@code help, h}. */
    private int help(String[] args, int index) {
        if (index + 1 >= args.length) {
            fullCommandLine().usage(out);
            return 0;
        }
        String name = args[index + 1];
        Object command = newCommand(name);
        if (command == null) {
            return unknownCommand(args, index + 1);
        }
        commandLine(name, command).getSubcommands().get(name).usage(out);
        return 0;
    }

    private int unknownCommand(String[] args, int index) {
        String name = args[index];
        CommandLine full = fullCommandLine();
        readGlobalsLeniently(full, Arrays.copyOf(args, index));
        if (NOT_YET_SUPPORTED.contains(name)) {
            globals.log().error("command \"" + name + "\" is not supported yet");
            return 1;
        }
        globals.log().error("unknown command \"" + name + "\"");
        full.usage(err);
        return UNKNOWN_COMMAND_STATUS;
    }

    /** So that the error about the command goes to --log in --log-format when they are valid. */
    private static void readGlobalsLeniently(CommandLine commandLine, String[] globalArgs) {
        try {
            commandLine.parseArgs(globalArgs);
        } catch (ParameterException ignored) {
            // the error about the command is the one worth reporting
        }
    }

    private void printVersion() {
        out.println("jrun version " + VERSION);
        out.println("spec: " + SPEC_VERSION);
        out.println("java: " + System.getProperty("java.version"));
    }

    private static boolean containsAny(String[] args, int end, String shortName, String longName) {
        for (int i = 0; i < end; i++) {
            if (args[i].equals(shortName) || args[i].equals(longName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wrong usage: the error, then the usage of the command that was misused; a wrong global
     * option gets just the error, as with runc.
     */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        globals.log().error(ex.getMessage());
        if (ex.getCommandLine().getParent() != null) {
            ex.getCommandLine().usage(err);
        }
        return 1;
    }

    /** A command failed: its one-line reason is logged as an error, and jrun exits 1 like runc. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        globals.log().error(describe(ex));
        if (globals.debug) {
            ex.printStackTrace(err);
        }
        return 1;
    }

    /** The one-line message of a failure; I/O errors name the file and the reason. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            return describe(ex.getCause());
        }
        if (ex instanceof FileSystemException fse) {
            String reason = fse.getReason();
            if (reason == null) {
                reason = ex instanceof NoSuchFileException ? "no such file or directory"
                        : ex instanceof AccessDeniedException ? "permission denied"
                        : ex instanceof FileAlreadyExistsException ? "file exists"
                        : ex.getClass().getSimpleName();
            }
            return fse.getFile() + ": " + reason.toLowerCase(Locale.ROOT);
        }
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.toString() : message;
    }
}
