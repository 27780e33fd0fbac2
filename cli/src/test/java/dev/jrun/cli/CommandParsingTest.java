package dev.jrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.log.Log;
import dev.jrun.runtime.CreateOptions;
import dev.jrun.runtime.ExecOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Flag parsing of every command, with runc's names, short forms and defaults. */
class CommandParsingTest {

    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void createDefaults() {
        CreateCommand create = CommandLine.populateCommand(new CreateCommand(), "c1");
        assertEquals("c1", create.id);
        CreateOptions options = create.flags.toOptions(create.id, Log.NONE);
        assertEquals(new CreateOptions("c1", CWD, Optional.empty(), 0, Optional.empty()), options);
    }

    @Test
    void createWithEveryOption() {
        CreateCommand create = CommandLine.populateCommand(new CreateCommand(), "--bundle", "b", "--pid-file", "p",
                "--console-socket", "/run/s.sock", "--preserve-fds", "2", "--no-pivot", "--no-new-keyring", "c1");
        assertTrue(create.flags.noPivot);
        assertTrue(create.flags.noNewKeyring);
        CreateOptions options = create.flags.toOptions(create.id, Log.NONE);
        assertEquals(CWD.resolve("b"), options.bundle());
        assertEquals(Optional.of(CWD.resolve("p")), options.pidFile());
        assertEquals(Optional.of(Path.of("/run/s.sock")), options.consoleSocket());
        assertEquals(2, options.preserveFds());
    }

    @Test
    void createShortBundleAndOptionsAfterTheId() {
        CreateCommand create = CommandLine.populateCommand(new CreateCommand(), "c1", "-b", "/bundles/x");
        assertEquals(Path.of("/bundles/x"), create.flags.bundle);
        assertEquals("c1", create.id);
    }

    @Test
    void createNeedsExactlyOneId() {
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new CreateCommand()));
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new CreateCommand(), "a", "b"));
    }

    @Test
    void listenFdsCountOnlyForThisProcess() {
        assertEquals(3, CreateFlags.listenFds(Map.of("LISTEN_FDS", "3", "LISTEN_PID", "42"), 42));
        assertEquals(0, CreateFlags.listenFds(Map.of("LISTEN_FDS", "3", "LISTEN_PID", "41"), 42));
        assertEquals(0, CreateFlags.listenFds(Map.of("LISTEN_FDS", "3"), 42));
        assertEquals(0, CreateFlags.listenFds(Map.of("LISTEN_FDS", "x", "LISTEN_PID", "42"), 42));
        assertEquals(0, CreateFlags.listenFds(Map.of(), 42));
    }

    @Test
    void runDefaultsAndOptions() {
        RunCommand run = CommandLine.populateCommand(new RunCommand(), "r1");
        assertFalse(run.detach);
        assertEquals(Path.of(""), run.flags.bundle);
        run = CommandLine.populateCommand(new RunCommand(), "-d", "-b", "/b", "--pid-file", "/p",
                "--console-socket", "/s", "--preserve-fds", "1", "--no-pivot", "--no-new-keyring", "r1");
        assertTrue(run.detach);
        assertEquals(new CreateOptions("r1", Path.of("/b"), Optional.of(Path.of("/p")), 1, Optional.of(Path.of("/s"))),
                run.flags.toOptions(run.id, Log.NONE));
        assertTrue(CommandLine.populateCommand(new RunCommand(), "--detach", "r1").detach);
    }

    @Test
    void startStateTakeOneId() {
        assertEquals("s1", CommandLine.populateCommand(new StartCommand(), "s1").id);
        assertEquals("s1", CommandLine.populateCommand(new StateCommand(), "s1").id);
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new StateCommand()));
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new StartCommand(), "a", "b"));
    }

    @Test
    void killDefaultsToSigterm() {
        KillCommand kill = CommandLine.populateCommand(new KillCommand(), "k1");
        assertEquals("k1", kill.id);
        assertEquals("SIGTERM", kill.signal);
        assertFalse(kill.all);
    }

    @Test
    void killWithSignalAndAll() {
        KillCommand kill = CommandLine.populateCommand(new KillCommand(), "--all", "k1", "KILL");
        assertEquals("KILL", kill.signal);
        assertTrue(kill.all);
        assertTrue(CommandLine.populateCommand(new KillCommand(), "-a", "k1", "9").all);
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new KillCommand(), "k1", "9", "x"));
    }

    @Test
    void deleteForce() {
        assertFalse(CommandLine.populateCommand(new DeleteCommand(), "d1").force);
        assertTrue(CommandLine.populateCommand(new DeleteCommand(), "-f", "d1").force);
        DeleteCommand delete = CommandLine.populateCommand(new DeleteCommand(), "d1", "--force");
        assertTrue(delete.force);
        assertEquals("d1", delete.id);
    }

    @Test
    void listFormats() {
        ListCommand list = CommandLine.populateCommand(new ListCommand());
        assertEquals("table", list.format);
        assertFalse(list.quiet);
        list = CommandLine.populateCommand(new ListCommand(), "-f", "json", "-q");
        assertEquals("json", list.format);
        assertTrue(list.quiet);
        assertEquals("json", CommandLine.populateCommand(new ListCommand(), "--format", "json").format);
        assertTrue(CommandLine.populateCommand(new ListCommand(), "--quiet").quiet);
    }

    @Test
    void execPassesEverythingAfterTheIdToTheCommand() {
        ExecCommand exec = CommandLine.populateCommand(new ExecCommand(), "-t", "e1", "sh", "-c", "echo hi", "-t");
        assertEquals("e1", exec.id);
        assertEquals(List.of("sh", "-c", "echo hi", "-t"), exec.command);
        assertTrue(exec.tty);
    }

    @Test
    void execDefaults() {
        ExecOptions options = CommandLine.populateCommand(new ExecCommand(), "e1", "true").options();
        assertEquals(new ExecOptions("e1", Optional.empty(), List.of("true"), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, false, Optional.empty(), 0, false, Optional.empty()), options);
    }

    @Test
    void execWithEveryOption() {
        ExecCommand exec = CommandLine.populateCommand(new ExecCommand(), "--cwd", "/w", "-e", "A=1", "--env", "B=2",
                "-u", "1000:1000", "-g", "10", "--additional-gids", "20", "-d", "--pid-file", "p",
                "--no-new-privs", "-c", "CAP_NET_ADMIN", "--cap", "CAP_SYS_TIME", "--preserve-fds", "3",
                "--tty", "e1", "ls", "-l");
        assertEquals(new ExecOptions("e1", Optional.empty(), List.of("ls", "-l"), List.of("A=1", "B=2"),
                Optional.of("/w"), Optional.of("1000:1000"), List.of(10, 20), List.of("CAP_NET_ADMIN", "CAP_SYS_TIME"),
                true, true, Optional.of(CWD.resolve("p")), 3, true, Optional.empty()), exec.options());
        ExecCommand longUser = CommandLine.populateCommand(new ExecCommand(), "--user", "7", "--detach", "e1", "x");
        assertEquals("7", longUser.user);
        assertTrue(longUser.detach);
    }

    @Test
    void execWithAProcessFileNeedsNoCommand() {
        ExecCommand exec = CommandLine.populateCommand(new ExecCommand(), "-p", "process.json", "e1");
        assertEquals(Optional.of(CWD.resolve("process.json")), exec.options().processJson());
        assertEquals(List.of(), exec.options().args());
        assertEquals(Path.of("/p.json"),
                CommandLine.populateCommand(new ExecCommand(), "--process", "/p.json", "e1").process);
    }

    @Test
    void execNeedsACommandOrAProcessFile() {
        ExecCommand exec = CommandLine.populateCommand(new ExecCommand(), "e1");
        ParameterException e = assertThrows(ParameterException.class, exec::options);
        assertEquals("a command or --process is required", e.getMessage());
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new ExecCommand()));
    }

    @Test
    void execPassesTheConsoleSocketOn() {
        ExecCommand exec = CommandLine.populateCommand(new ExecCommand(), "-t", "--console-socket", "/s", "e1", "sh");
        assertEquals(Optional.of(Path.of("/s")), exec.options().consoleSocket());
        assertTrue(exec.options().tty());
    }

    @Test
    void specDefaults() {
        SpecCommand spec = CommandLine.populateCommand(new SpecCommand());
        assertEquals(Path.of(""), spec.bundle);
        assertFalse(spec.rootless);
        assertTrue(spec.noNewPrivileges, "runc's template sets noNewPrivileges");
        assertTrue(spec.readOnly, "runc's template has a read-only root");
        assertNull(spec.userns);
        assertEquals(List.of(), spec.capAdd);
        assertEquals(List.of(), spec.capDrop);
    }

    @Test
    void specSecurityOptions() {
        SpecCommand spec = CommandLine.populateCommand(new SpecCommand(), "-b", "/b", "--rootless",
                "--no-new-privileges", "--userns", "100000:65536", "--proc-mount", "Unmasked", "--user", "1000:100",
                "--cap-add", "CAP_NET_ADMIN", "--cap-add", "CAP_SYS_TIME", "--cap-drop", "CAP_MKNOD", "--read-only");
        assertEquals(Path.of("/b"), spec.bundle);
        assertTrue(spec.rootless);
        assertTrue(spec.noNewPrivileges);
        assertTrue(spec.readOnly);
        assertEquals("100000:65536", spec.userns);
        assertEquals("Unmasked", spec.procMount);
        assertEquals("1000:100", spec.user);
        assertEquals(List.of("CAP_NET_ADMIN", "CAP_SYS_TIME"), spec.capAdd);
        assertEquals(List.of("CAP_MKNOD"), spec.capDrop);
        assertTrue(CommandLine.populateCommand(new SpecCommand(), "--bundle", "/b").bundle.isAbsolute());
        SpecCommand relaxed = CommandLine.populateCommand(new SpecCommand(), "--read-only=false",
                "--no-new-privileges", "false");
        assertFalse(relaxed.readOnly);
        assertFalse(relaxed.noNewPrivileges);
    }

    @Test
    void featuresTakesNoArguments() {
        CommandLine.populateCommand(new FeaturesCommand());
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new FeaturesCommand(), "x"));
    }

    @Test
    void everyCommandHasHelp() {
        for (String name : Main.COMMAND_NAMES) {
            CommandLine commandLine = new CommandLine(Main.newCommand(name));
            commandLine.parseArgs("--help");
            assertTrue(commandLine.isUsageHelpRequested(), name);
            commandLine.parseArgs("-h");
            assertTrue(commandLine.isUsageHelpRequested(), name);
        }
    }

    @Test
    void unknownOptionsAreRejected() {
        assertThrows(ParameterException.class, () -> CommandLine.populateCommand(new StateCommand(), "--bogus", "x"));
    }
}
