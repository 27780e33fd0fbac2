package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Command;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import dev.jrun.it.support.Skip;
import dev.jrun.it.support.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The runtime started by an unprivileged user, with the config its own `spec --rootless` wrote. */
class RootlessTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final String USER = "jrunit" + ProcessHandle.current().pid();
    private static final List<Path> SUBORDINATE_IDS = List.of(Path.of("/etc/subuid"), Path.of("/etc/subgid"));

    private static long uid = -1;

    @BeforeAll
    static void addUser() {
        Skip.unless(Host.which("useradd").isPresent() && Host.which("runuser").isPresent(), "needs useradd and runuser");
        Skip.unless(Host.hasUserNamespaces(), "this kernel does not allow user namespaces");
        Command.run(List.of("useradd", "-M", "-s", "/bin/sh", USER)).ok();
        uid = Long.parseLong(Command.run(List.of("id", "-u", USER)).ok().out().strip());
        for (Path file : SUBORDINATE_IDS) {
            // newuidmap needs a range; useradd allocates one only where login.defs says so
            if (Command.run(List.of("grep", "-q", "^" + USER + ":", file.toString())).exit() != 0) {
                Command.sh("echo " + USER + ":300000:65536 >> " + file).ok();
            }
        }
    }

    @AfterAll
    static void removeUser() {
        if (uid < 0) {
            return;
        }
        Command.run(List.of("userdel", USER));
        for (Path file : SUBORDINATE_IDS) {
            Command.run(List.of("sed", "-i", "/^" + USER + ":/d", file.toString()));
        }
    }

    @Test
    void anUnprivilegedUserRunsAContainer() throws Exception {
        Path root = ownedDir("rootless-root-");
        Path runtimeDir = ownedDir("xdg-");
        RuntimeCli rootless = containers.runtime().asUser(USER, root, runtimeDir);
        String id = containers.newId("rootless");
        try (Bundle bundle = Bundle.of(Config.of("/bin/true"))) {
            Files.delete(bundle.dir().resolve("config.json"));
            bundle.ownedBy(uid);
            rootless.ok("spec", "--rootless", "--bundle", bundle.dir().toString());
            Config spec = Config.parse(Files.readString(bundle.dir().resolve("config.json")));
            assertEquals(uid, spec.hostRootId().orElse(-1), "spec --rootless does not map the caller's uid to root");
            ((ObjectNode) spec.json().path("process")).put("terminal", false);
            bundle.write(spec.args("/bin/sh", "-c", "id -u; cat /proc/self/uid_map; echo $$"));

            Result run = rootless.ok("run", "--bundle", bundle.dir().toString(), id);
            List<String> out = run.outLines().stream().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
            assertEquals(List.of("0", "0 " + uid + " 1", "1"), out, run.describe());
        } finally {
            rootless.deleteForce(id);
            Workspace.remove(root);
            Workspace.remove(runtimeDir);
        }
    }

    private static Path ownedDir(String prefix) {
        Path dir = Workspace.newDir(prefix);
        Command.run(List.of("chown", uid + ":" + uid, dir.toString())).ok();
        return dir;
    }
}
