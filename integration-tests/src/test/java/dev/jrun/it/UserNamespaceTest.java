package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.it.support.Config;
import dev.jrun.it.support.Container;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.IdMapping;
import dev.jrun.it.support.Skip;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** hostUsers: false: container root is an unprivileged id on the host, seen from both sides. */
class UserNamespaceTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    static final long HOST_ID = 100000;
    static final IdMapping SINGLE = new IdMapping(0, HOST_ID, 65536);
    static final IdMapping[] MULTI = {new IdMapping(0, HOST_ID, 1), new IdMapping(1, HOST_ID + 10000, 2000)};

    @BeforeAll
    static void needsUserNamespaces() {
        Skip.unless(Host.hasUserNamespaces(), "this kernel does not allow user namespaces");
    }

    @Test
    void singleRangeSeenFromInside() {
        Config config = Config.shell("cat /proc/self/uid_map /proc/self/gid_map; id -u; id -g").userNamespace(SINGLE);
        List<String> out = lines(containers.output(config));
        String row = "0 " + HOST_ID + " 65536";
        assertEquals(List.of(row, row, "0", "0"), out);
    }

    @Test
    void singleRangeSeenFromTheHost() {
        try (Container c = containers.detach(Config.of("/bin/sleep", "300").userNamespace(SINGLE))) {
            assertEquals(Collections.nCopies(4, String.valueOf(HOST_ID)), Host.statusField(c.pid(), "Uid"));
            assertEquals(Collections.nCopies(4, String.valueOf(HOST_ID)), Host.statusField(c.pid(), "Gid"));
        }
    }

    @Test
    void multiRangeSeenFromInside() {
        Config config = Config.shell("cat /proc/self/uid_map; echo; cat /proc/self/gid_map").userNamespace(MULTI);
        List<String> out = lines(containers.output(config));
        List<String> rows = List.of("0 " + HOST_ID + " 1", "1 " + (HOST_ID + 10000) + " 2000");
        int blank = out.indexOf("");
        assertEquals(rows, out.subList(0, blank).stream().sorted().toList(), "uid_map");
        assertEquals(rows, out.subList(blank + 1, out.size()).stream().sorted().toList(), "gid_map");
    }

    /** Container uid 1500 lies in the second range: host id HOST_ID + 10000 + 1499. */
    @Test
    void multiRangeSeenFromTheHost() {
        Config config = Config.of("/bin/sleep", "300").userNamespace(MULTI).user(1500, 1500);
        try (Container c = containers.detach(config)) {
            String expected = String.valueOf(HOST_ID + 10000 + 1499);
            assertEquals(Collections.nCopies(4, expected), Host.statusField(c.pid(), "Uid"));
            assertEquals(Collections.nCopies(4, expected), Host.statusField(c.pid(), "Gid"));
        }
    }

    /** Rows of /proc/self/*_map with their padding squeezed to single spaces. */
    private static List<String> lines(String out) {
        return out.strip().lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    }
}
