package dev.jrun.bench;

import dev.jrun.state.ContainerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The inputs every benchmark shares: runc's default config.json and a created container's state. */
final class Fixtures {

    /** Where the planner is told the bundle is; nothing is read from it. */
    static final Path BUNDLE = Path.of("/run/bench/bundle");

    private Fixtures() {
    }

    /** `runc spec` output, as runtime-core's tests have it (no Jackson involved in reading it). */
    static byte[] runcSpec() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/jrun/spec/runc-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("runc-spec.json is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What create saves for a container of runc's default config, cgroups joined. */
    static ContainerState createdState(String id) {
        return new ContainerState("1.0.2-dev", id, 4539, 35000L, BUNDLE, BUNDLE.resolve("rootfs"),
                Instant.parse("2026-11-22T11:31:15.551758430Z"), "root", Map.of(),
                Map.of("memory", Path.of("/sys/fs/cgroup/memory/" + id), "pids", Path.of("/sys/fs/cgroup/pids/" + id),
                        "", Path.of("/sys/fs/cgroup/unified/" + id)),
                "");
    }
}
