package dev.jrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.runtime.RuntimeContext;
import dev.jrun.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

    private static final String ERROR_LINE = "time=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\" level=error msg=";

    /** Records the context each command built, then fails like the runtime does for a missing container. */
    private final List<RuntimeContext> contexts = new ArrayList<>();
    private final CliStreams streams = new CliStreams(context -> {
        contexts.add(context);
        throw new StateException("container does not exist");
    });

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "state x                                    | 0",
        "--debug state x                            | 1",
        "--root /r --log /l state x                 | 4",
        "--root=/r --log-format=json kill x KILL    | 2",
        "--log-format json --rootless true list     | 4",
        "--criu criu --systemd-cgroup -- exec       | 4",
        "--root /r                                  | -1",
        "''                                         | -1",
        "--bogus create x                           | 1",
    })
    void findsTheCommandAfterTheGlobalOptions(String argv, int index) {
        String[] args = argv.isEmpty() ? new String[0] : argv.split(" ");
        assertEquals(index, Main.commandIndex(args));
    }

    @Test
    void runtimeFailureIsLoggedAndExitsOne() {
        assertEquals(1, streams.run("state", "nosuch"));
        assertTrue(streams.err().matches(ERROR_LINE + "\"container does not exist\"\n"), streams.err());
        assertEquals("", streams.out());
    }

    @Test
    void globalOptionsBuildTheContext() {
        streams.run("--root", "/tmp/jrun-test", "--systemd-cgroup", "--debug", "--rootless=false", "delete", "x");
        assertEquals(1, contexts.size());
        assertEquals(Path.of("/tmp/jrun-test"), contexts.get(0).root());
        assertTrue(contexts.get(0).systemdCgroup());
    }

    @Test
    void relativeRootIsMadeAbsoluteAndDefaultsFollowRunc() {
        streams.run("--root", "state-dir", "start", "x");
        assertEquals(Path.of("state-dir").toAbsolutePath(), contexts.get(0).root());
        assertEquals(Path.of("/run/jrun"), GlobalOptions.defaultRoot(0, "/run/user/0"));
        assertEquals(Path.of("/run/user/1000/jrun"), GlobalOptions.defaultRoot(1000, "/run/user/1000"));
        assertEquals(Path.of("/run/jrun"), GlobalOptions.defaultRoot(1000, null));
    }

    @Test
    void jsonLogFileGetsTheErrorAndStderrTheMessage(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("log.json");
        assertEquals(1, streams.run("--log", log.toString(), "--log-format", "json", "kill", "x", "9"));
        String line = Files.readString(log);
        assertTrue(line.matches("\\{\"level\":\"error\",\"msg\":\"container does not exist\",\"time\":\"[^\"]+\"}\n"), line);
        assertEquals("container does not exist\n", streams.err());
    }

    @Test
    void badSignalFailsBeforeTheRuntime() {
        assertEquals(1, streams.run("kill", "x", "SIGFOO"));
        assertTrue(streams.err().matches(ERROR_LINE + "\"unknown signal \\\\\"SIGFOO\\\\\"\"\n"), streams.err());
        assertTrue(contexts.isEmpty());
    }

    @Test
    void everyRuntimeCommandReportsTheFailure() {
        String[][] calls = {
            {"create", "x"}, {"start", "x"}, {"state", "x"}, {"kill", "x"}, {"delete", "-f", "x"},
            {"list"}, {"run", "-d", "x"}, {"exec", "x", "sh"},
        };
        for (String[] args : calls) {
            CliStreams one = new CliStreams(context -> {
                throw new StateException("container does not exist");
            });
            assertEquals(1, one.run(args), args[0]);
            assertTrue(one.err().matches(ERROR_LINE + "\"container does not exist\"\n"), args[0] + ": " + one.err());
        }
    }

    @Test
    void wrongUsageExitsOneWithTheCommandsUsage() {
        assertEquals(1, streams.run("state"));
        assertTrue(streams.err().startsWith("time="), streams.err());
        assertTrue(streams.err().contains("Missing required parameter: '<container-id>'"), streams.err());
        assertTrue(streams.err().contains("Usage: jrun state"), streams.err());
        assertTrue(contexts.isEmpty());
    }

    @Test
    void badGlobalValueIsAnErrorWithoutUsage() {
        assertEquals(1, streams.run("--log-format", "xml", "state", "x"));
        assertTrue(streams.err().matches(ERROR_LINE + "\"invalid log-format: xml\"\n"), streams.err());
        assertEquals(1, new CliStreams().run("--rootless", "maybe", "list"));
    }

    @Test
    void unknownCommandExitsThreeLikeRunc() {
        assertEquals(Main.UNKNOWN_COMMAND_STATUS, streams.run("--debug", "nosuch"));
        assertTrue(streams.err().contains("level=error msg=\"unknown command \\\"nosuch\\\"\""), streams.err());
        assertTrue(streams.err().contains("Usage: jrun"), streams.err());
        assertEquals("", streams.out());
    }

    @Test
    void runcCommandsNotYetThereSaySo() {
        assertEquals(1, streams.run("ps", "x"));
        assertTrue(streams.err().contains("msg=\"command \\\"ps\\\" is not supported yet\""), streams.err());
    }

    @Test
    void versionLikeRunc() {
        assertEquals(0, streams.run("--version"));
        assertTrue(streams.out().startsWith("jrun version " + Main.VERSION + "\nspec: " + Main.SPEC_VERSION + "\n"),
                streams.out());
        assertEquals(0, new CliStreams().run("-v"));
    }

    @Test
    void overviewForNoCommandHelpAndDashDashHelp() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h"}, {"help"}, {"h"}, {"--root", "/r"}}) {
            CliStreams one = new CliStreams();
            assertEquals(0, one.run(args), String.join(" ", args));
            for (String name : Main.COMMAND_NAMES) {
                assertTrue(one.out().contains("  " + name + " "), name + " missing in " + one.out());
            }
            assertEquals("", one.err());
        }
    }

    @Test
    void helpForOneCommand() {
        assertEquals(0, streams.run("help", "kill"));
        assertTrue(streams.out().startsWith("Usage: jrun kill"), streams.out());
        CliStreams dashHelp = new CliStreams();
        assertEquals(0, dashHelp.run("exec", "--help"));
        assertTrue(dashHelp.out().startsWith("Usage: jrun exec"), dashHelp.out());
        assertEquals(Main.UNKNOWN_COMMAND_STATUS, new CliStreams().run("help", "nosuch"));
    }

    @Test
    void featuresPrintsJson() {
        assertEquals(0, streams.run("features"));
        assertTrue(streams.out().startsWith("{\n    \"ociVersionMin\": \"1.0.0\",\n    \"ociVersionMax\": \""
                + Main.SPEC_VERSION + "\""), streams.out());
        assertTrue(contexts.isEmpty());
    }

    @Test
    void describesIoErrorsOnOneLine() {
        assertEquals("/x/config.json: no such file or directory",
                Main.describe(new NoSuchFileException("/x/config.json")));
        assertEquals("boom", Main.describe(new IllegalStateException("boom")));
        assertFalse(Main.describe(new NullPointerException()).isEmpty());
    }
}
