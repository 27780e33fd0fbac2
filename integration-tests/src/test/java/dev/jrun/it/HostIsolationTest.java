package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.Config;
import dev.jrun.it.support.Container;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.Skip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No host binary within a container's reach through /proc/PID/exe (CVE-2019-5736): the init
 * waits for start from a sealed copy, and nothing of the runtime (no JVM) stays once the
 * container's process runs.
 */
class HostIsolationTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    @Test
    void aRunningContainerRunsOnlyItsOwnBinaries() throws Exception {
        try (Container c = containers.detach(Config.shell("sleep 300 & sleep 300"))) {
            String busybox = Host.fileKey(c.bundle().inside("/bin/busybox"));
            long pidNs = Host.namespaceInode("/proc/" + c.pid() + "/ns/pid");
            assertTrue(Host.await(() -> Host.processesInPidNamespace(pidNs).size() == 2, Duration.ofSeconds(5)),
                    "processes in the container: " + Host.processesInPidNamespace(pidNs));
            for (long pid : Host.processesInPidNamespace(pidNs)) {
                Path exe = Path.of("/proc/" + pid + "/exe");
                assertEquals(busybox, Host.fileKey(exe), "pid " + pid + " runs " + Files.readSymbolicLink(exe));
            }
        }
    }

    @Test
    void aCreatedContainerWaitsInASealedCopy() throws Exception {
        try (Container c = containers.create(Config.of("/bin/true"))) {
            String exe = Files.readSymbolicLink(Path.of("/proc/" + c.pid() + "/exe")).toString();
            assertFalse(exe.contains("java"), "a JVM waits in the container's namespaces: " + exe);
            Skip.jrunOnly(containers.runtime(), "the waiting init runs from a memfd",
                    () -> assertTrue(exe.contains("memfd:"), "the waiting init runs " + exe));
        }
    }
}
