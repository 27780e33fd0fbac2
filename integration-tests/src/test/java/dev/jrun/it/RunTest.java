package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Container;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `spec` and `run`: what a user types first, and what containerd's shim relies on for exit codes. */
class RunTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    @Test
    void specWritesAConfigThatRuns() throws Exception {
        RuntimeCli runtime = containers.runtime();
        try (Bundle bundle = Bundle.of(Config.of("/bin/true"))) {
            Files.delete(bundle.dir().resolve("config.json"));
            runtime.ok("spec", "--bundle", bundle.dir().toString());
            Config spec = Config.parse(Files.readString(bundle.dir().resolve("config.json")));

            JsonNode linux = spec.json().path("linux");
            assertTrue(texts(linux.path("maskedPaths")).contains("/proc/kcore"), "default maskedPaths: " + linux);
            assertTrue(texts(linux.path("readonlyPaths")).contains("/proc/sys"), "default readonlyPaths: " + linux);
            assertEquals(Config.DEFAULT_CAPS, texts(spec.json().path("process").path("capabilities").path("bounding")));

            ((ObjectNode) spec.json().path("process")).put("terminal", false);
            bundle.write(spec.args("/bin/sh", "-c", "echo spec-ok; hostname"));
            Result run = containers.run(bundle).ok();
            assertEquals("spec-ok", run.outLines().get(0), run.describe());
        }
    }

    @Test
    void runPrintsTheOutputAndReturnsTheExitCode() {
        assertEquals("hello from the container\n", containers.output(Config.of("/bin/echo", "hello from the container")));
        assertEquals(7, containers.run(Config.shell("exit 7")).exit());
    }

    @Test
    void runReturns137WhenTheContainerIsKilled() {
        RuntimeCli runtime = containers.runtime();
        String id = containers.newId("killed");
        try (Bundle bundle = Bundle.of(Config.of("/bin/sleep", "300"))) {
            CompletableFuture<Result> run = runtime.execAsync("run", "--bundle", bundle.dir().toString(), id);
            try {
                assertTrue(runtime.awaitStatus(id, "running"), "never running: " + runtime.exec("state", id).describe());
                runtime.ok("kill", id, "KILL");
                assertEquals(137, run.join().exit(), run.join().describe());
            } finally {
                runtime.deleteForce(id);
                run.join();
            }
        }
    }

    @Test
    void theProcessIsPidOneOfItsNamespace() {
        assertEquals("1", containers.output(Config.shell("echo $$")).strip());
    }

    @Test
    void runDetachReturnsWhileTheContainerRuns() {
        try (Container c = containers.detach(Config.of("/bin/sleep", "300"))) {
            assertEquals("running", c.status());
            assertTrue(Host.isAlive(c.pid()), "detached init " + c.pid() + " is not alive");
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
