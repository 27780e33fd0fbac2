package dev.jrun.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Container states with the values runc printed for the same containers. */
final class Samples {

    private Samples() {
    }

    static ContainerState abc() {
        return new ContainerState("1.0.2-dev", "abc", 4539, 35000L, Path.of("/tmp/rb"), Path.of("/tmp/rb/rootfs"),
                Instant.parse("2026-11-22T11:31:15.551758430Z"), "root", Map.of(), Map.of(), false);
    }

    static ContainerState annotated() {
        return new ContainerState("1.0.2-dev", "x-y.z_1", 5385, 35078L, Path.of("/tmp/rb2"), Path.of("/tmp/rb/rootfs"),
                Instant.parse("2026-11-22T11:31:45.846903360Z"), "root",
                Map.of("z.key", "v<&>\u2028\u0001\b\f\t", "a.key", "x"),
                Map.of("memory", Path.of("/sys/fs/cgroup/memory/x-y.z_1"), "", Path.of("/sys/fs/cgroup/unified/x-y.z_1")),
                true);
    }

    static ContainerState withId(String id) {
        ContainerState s = abc();
        return new ContainerState(s.ociVersion(), id, s.initPid(), s.initStartTime(), s.bundle(), s.rootfs(),
                s.created(), s.owner(), s.annotations(), s.cgroupPaths(), s.hasHooks());
    }
}
