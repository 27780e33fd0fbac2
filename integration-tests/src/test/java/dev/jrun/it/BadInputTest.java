package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Container;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Refusal;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import dev.jrun.it.support.Skip;
import dev.jrun.it.support.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input: a non-zero exit, one line on stderr that says why, and nothing left behind.
 * jrun also names the JSON path in config.json; runc words its messages its own way.
 */
class BadInputTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final Refusal refusal = new Refusal(containers);

    @Test
    void missingBundleDirectory() {
        refusal.assertRefused(Workspace.dir().resolve("no-such-bundle"), containers.newId("nobundle"), "create");
    }

    @Test
    void missingConfigJson() {
        try (Bundle bundle = Bundle.withoutRootfs()) {
            refusal.assertRefused(bundle, "create");
        }
    }

    @Test
    void malformedJson() {
        try (Bundle bundle = Bundle.withoutRootfs().writeRaw("{ not json")) {
            refusal.assertRefused(bundle, "create");
        }
    }

    @Test
    void missingProcessArgs() {
        Config config = Config.of("/bin/true");
        ((ObjectNode) config.json().path("process")).remove("args");
        try (Bundle bundle = Bundle.of(config)) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "process.args");
        }
    }

    @Test
    void emptyProcessArgs() {
        try (Bundle bundle = Bundle.of(Config.of())) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "config.json: process.args: must not be empty");
        }
    }

    @Test
    void unknownNamespaceType() {
        try (Bundle bundle = Bundle.of(Config.of("/bin/true").addNamespace("bogus"))) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "linux.namespaces[5].type");
        }
    }

    @Test
    void missingRootfs() {
        try (Bundle bundle = Bundle.of(Config.of("/bin/true").rootPath("does-not-exist"))) {
            Result result = refusal.assertRefused(bundle, "create");
            refusal.expectMessage(result, "root.path");
        }
    }

    @Test
    void missingExecutable() {
        try (Bundle bundle = Bundle.of(Config.of("/no/such/binary"))) {
            refusal.assertRefused(bundle, "run");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "../x"})
    void invalidId(String id) {
        try (Bundle bundle = Bundle.of(Config.of("/bin/true"))) {
            refusal.assertRefused(bundle.dir(), id, "create");
        }
    }

    @Test
    void duplicateIdIsRefusedWithoutHarmingTheFirst() {
        try (Container first = containers.detach(Config.of("/bin/sleep", "300"));
                Bundle second = Bundle.of(Config.of("/bin/true"))) {
            refusal.assertRefused(second.dir(), first.id(), "create");
            assertEquals("running", first.status(), "the first container was harmed");
            assertEquals(first.pid(), first.state().path("pid").asLong(), "the first container was replaced");
        }
    }
}
