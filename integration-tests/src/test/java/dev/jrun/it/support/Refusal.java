package dev.jrun.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** What every refused command must show: a non-zero exit, one line on stderr, nothing left behind. */
public final class Refusal {
    private final Containers containers;

    public Refusal(Containers containers) {
        this.containers = containers;
    }

    public Result assertRefused(Bundle bundle, String verb) {
        return assertRefused(bundle.dir(), containers.newId("bad"), verb);
    }

    public Result assertRefused(Path bundle, String id, String verb) {
        RuntimeCli runtime = containers.runtime();
        Leftovers leftovers = Leftovers.watch(runtime, bundle, id);
        boolean existed = runtime.exec("state", id).exit() == 0;
        Result result = runtime.exec(verb, "--bundle", bundle.toString(), id);
        try {
            assertNotEquals(0, result.exit(), verb + " succeeded: " + result.describe());
            String err = result.err().strip();
            assertFalse(err.isEmpty(), "no message on stderr");
            assertEquals(1, err.lines().count(), "not one line on stderr:\n" + err);
            if (!existed) {
                assertNotEquals(0, runtime.exec("state", id).exit(), "a container " + id + " exists afterwards");
            }
            leftovers.assertNothingNew("a failed " + verb);
        } finally {
            if (!existed) {
                runtime.deleteForce(id);
            }
        }
        return result;
    }

    /** jrun names the JSON path of the field at fault; other runtimes word their messages their own way. */
    public void expectMessage(Result result, String text) {
        Skip.jrunOnly(containers.runtime(), "the message names the JSON path: " + text,
                () -> assertTrue(result.err().contains(text), "message lacks '" + text + "': " + result.err().strip()));
    }
}
