package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Container;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.Leftovers;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** create, state, list, start, kill, delete: each transition, allowed and refused, as runc has them. */
class LifecycleTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    /** Exits on TERM, which an init without a handler would ignore. */
    private static final Config STOPPABLE = Config.shell("trap 'exit 0' TERM; while :; do sleep 0.1; done");

    @Test
    void createStartKillDelete() throws Exception {
        RuntimeCli runtime = containers.runtime();
        String id = containers.newId("life");
        try (Bundle bundle = Bundle.of(Config.of("/bin/sleep", "300"))) {
            Leftovers leftovers = Leftovers.watch(runtime, bundle.dir(), id);
            Path pidFile = bundle.dir().resolve("init.pid");
            try {
                runtime.ok("create", "--bundle", bundle.dir().toString(), "--pid-file", pidFile.toString(), id);
                JsonNode state = runtime.state(id);
                assertEquals("created", state.path("status").asText(), state.toString());
                assertEquals(id, state.path("id").asText());
                assertEquals(bundle.dir().toRealPath().toString(), Path.of(state.path("bundle").asText()).toRealPath().toString());
                assertEquals(bundle.rootfs().toRealPath().toString(), Path.of(state.path("rootfs").asText()).toRealPath().toString());
                long pid = state.path("pid").asLong();
                assertTrue(Host.isAlive(pid), "init of a created container is not alive: " + pid);
                assertEquals(String.valueOf(pid), Files.readString(pidFile).strip(), "pid-file differs from state");
                assertListed(runtime, id, pid, "created");

                runtime.ok("start", id);
                assertTrue(runtime.awaitStatus(id, "running"), runtime.state(id).toString());
                assertEquals("/bin/sleep\0" + "300\0", Files.readString(Path.of("/proc/" + pid + "/cmdline")),
                        "the container's pid runs something else than process.args");

                runtime.ok("kill", id, "KILL");
                assertTrue(runtime.awaitStatus(id, "stopped"), runtime.state(id).toString());
                runtime.ok("delete", id);
                Result gone = runtime.exec("state", id);
                assertNotEquals(0, gone.exit(), "state of a deleted container: " + gone.describe());
                assertFalse(gone.err().isBlank(), "state of a deleted container says nothing on stderr");
                assertTrue(Host.await(() -> !Host.isAlive(pid), Duration.ofSeconds(5)), "init " + pid + " outlived delete");
            } finally {
                runtime.deleteForce(id);
            }
            leftovers.assertNothingNew("delete");
        }
    }

    private static void assertListed(RuntimeCli runtime, String id, long pid, String status) {
        String table = runtime.ok("list").out();
        assertTrue(table.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains(status) && l.contains(" " + pid + " ")),
                "list does not show " + id + ":\n" + table);
        JsonNode all = RuntimeCli.parse(runtime.ok("list", "--format", "json").out());
        JsonNode entry = StreamSupport.stream(all.spliterator(), false)
                .filter(c -> id.equals(c.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("list --format json lacks " + id + ": " + all));
        assertEquals(status, entry.path("status").asText());
        assertEquals(pid, entry.path("pid").asLong());
        assertEquals(List.of(id), runtime.ok("list", "-q").outLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"KILL", "SIGKILL", "9", "TERM"})
    void killAcceptsSignalNamesAndNumbers(String signal) {
        try (Container c = containers.detach(STOPPABLE)) {
            containers.runtime().ok("kill", c.id(), signal);
            assertTrue(containers.runtime().awaitStatus(c.id(), "stopped"), "after kill " + signal + ": " + c.state());
        }
    }

    /** TERM reaches the children only through --all: the init ignores it, having no handler. */
    @Test
    void killAllSignalsEveryProcess() {
        try (Container c = containers.detach(Config.shell("sleep 300 & sleep 300 & wait"))) {
            long pidNs = Host.namespaceInode("/proc/" + c.pid() + "/ns/pid");
            assertTrue(Host.await(() -> Host.processesInPidNamespace(pidNs).size() == 3, Duration.ofSeconds(5)), "processes: " + Host.processesInPidNamespace(pidNs));
            List<Long> all = Host.processesInPidNamespace(pidNs);
            containers.runtime().ok("kill", "--all", c.id(), "TERM");
            assertTrue(Host.await(() -> all.stream().noneMatch(Host::isAlive), Duration.ofSeconds(10)),
                    "still alive after kill --all: " + all.stream().filter(Host::isAlive).toList());
            assertTrue(containers.runtime().awaitStatus(c.id(), "stopped"), c.state().toString());
        }
    }

    @Test
    void deleteOfARunningContainerNeedsForce() {
        RuntimeCli runtime = containers.runtime();
        try (Container c = containers.detach(Config.of("/bin/sleep", "300"))) {
            Result refused = runtime.exec("delete", c.id());
            assertNotEquals(0, refused.exit(), "delete of a running container succeeded");
            assertFalse(refused.err().isBlank(), "a refused delete says nothing on stderr");
            assertTrue(Host.isAlive(c.pid()), "a refused delete killed the container");
            assertEquals("running", c.status());

            runtime.ok("delete", "--force", c.id());
            assertTrue(Host.await(() -> !Host.isAlive(c.pid()), Duration.ofSeconds(5)), "delete --force left the init alive");
            assertNotEquals(0, runtime.exec("state", c.id()).exit(), "state after delete --force succeeded");
        }
    }

    @Test
    void startIsRefusedUnlessCreated() {
        RuntimeCli runtime = containers.runtime();
        try (Container c = containers.detach(Config.of("/bin/sleep", "300"))) {
            Result running = runtime.exec("start", c.id());
            assertNotEquals(0, running.exit(), "start of a running container succeeded");
            assertFalse(running.err().isBlank(), "start of a running container says nothing on stderr");
            assertEquals("running", c.status());

            runtime.ok("kill", c.id(), "KILL");
            assertTrue(runtime.awaitStatus(c.id(), "stopped"));
            Result stopped = runtime.exec("start", c.id());
            assertNotEquals(0, stopped.exit(), "start of a stopped container succeeded");
            assertFalse(stopped.err().isBlank(), "start of a stopped container says nothing on stderr");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "start", "kill", "delete"})
    void unknownContainerIsAnError(String verb) {
        Result result = containers.runtime().exec(verb, "it-no-such-container");
        assertNotEquals(0, result.exit(), result.describe());
        assertFalse(result.err().isBlank(), verb + " of an unknown container says nothing on stderr");
    }
}
