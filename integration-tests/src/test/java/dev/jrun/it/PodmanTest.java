package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.BaseRootfs;
import dev.jrun.it.support.Command;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import dev.jrun.it.support.Skip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime as podman drives it (`--runtime`), through conmon: podman's own create/start/state/
 * kill/delete calls, its console socket for -t, its user-namespace maps and exec.
 */
class PodmanTest {
    private static final String IMAGE = "localhost/jrun-it-busybox";

    /**
     * This VM's root lacks CAP_SYS_RESOURCE, so the limits podman copies from its own (higher than
     * the hard limit here) cannot be set by any runtime: runc fails the same way without these.
     */
    private static final List<String> LIMITS = List.of("--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1000:1000");

    @BeforeAll
    static void importImage() {
        Skip.unless("PodmanTest", Command.sh("command -v podman").exit() == 0, "podman is not installed");
        Command.sh("tar -C '" + BaseRootfs.path() + "' -cf - . | podman import -q - " + IMAGE).ok();
    }

    @AfterAll
    static void removeImage() {
        Command.sh("podman rmi -f " + IMAGE + " >/dev/null 2>&1");
    }

    @Test
    void runPrintsAndExitsWithTheProcessStatus() {
        Result result = podman("run", "--rm", IMAGE, "sh", "-c", "echo hello from podman; exit 3");
        assertEquals(3, result.exit(), result.describe());
        assertEquals("hello from podman", result.out().strip());
    }

    @Test
    void securityContextReachesTheContainer() {
        Result result = podman("run", "--rm", "--security-opt", "no-new-privileges",
                "--uidmap", "0:100000:65536", "--gidmap", "0:100000:65536",
                IMAGE, "sh", "-c", "cat /proc/self/uid_map; grep NoNewPrivs /proc/self/status");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.out().replaceAll("\\s+", " ").contains("0 100000 65536"), result.out());
        assertTrue(result.out().contains("NoNewPrivs:\t1"), result.out());
    }

    @Test
    void terminalGoesThroughTheConsoleSocket() {
        Skip.unless(Command.sh("command -v script").exit() == 0, "script (bsdutils) is not installed");
        String run = String.join(" ", podmanArgv("run", "--rm", "-t", IMAGE, "sh", "-c", "'tty; echo tty-ok'"));
        Result result = Command.sh("script -qec \"" + run + "\" /dev/null </dev/null");
        assertEquals(0, result.exit(), result.describe());
        assertTrue(result.out().contains("/dev/pts/") && result.out().contains("tty-ok"), result.out());
    }

    @Test
    void detachedContainerTakesExecStopAndRemove() {
        String id = podman("run", "-d", IMAGE, "sleep", "300").ok().out().strip();
        try {
            Result exec = podman("exec", id, "sh", "-c", "echo exec-ok; cat /proc/1/cmdline");
            assertEquals(0, exec.exit(), exec.describe());
            assertTrue(exec.out().startsWith("exec-ok") && exec.out().contains("sleep"), exec.out());
            assertEquals(0, podman("stop", "-t", "1", id).exit());
            assertEquals("exited", podman("inspect", "-f", "{{.State.Status}}", id).ok().out().strip());
        } finally {
            podman("rm", "-f", id);
        }
    }

    private static Result podman(String... args) {
        return Command.run(podmanArgv(args));
    }

    private static List<String> podmanArgv(String... args) {
        List<String> argv = new ArrayList<>(List.of("podman", "--runtime", RuntimeCli.configuredBinary(), args[0]));
        if (args[0].equals("run")) {
            argv.addAll(LIMITS);
        }
        argv.addAll(List.of(args).subList(1, args.length));
        return argv;
    }
}
