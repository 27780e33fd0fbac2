package dev.jrun.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What jrun persists about one container in {@code state.json}. The status is not stored: it is
 * derived from {@code initPid} and {@code initStartTime} (the start time in clock ticks from
 * /proc/PID/stat, so that a reused pid is never mistaken for the container) and from whether
 * exec.fifo still exists.
 *
 * @param created     when the container was created; shown in runc's RFC 3339 form with nanoseconds
 * @param owner       the user owning the state directory ({@link ContainerDir#owner()}), for
 *                    {@code list}'s OWNER column; {@code state} prints "" as runc does
 * @param cgroupPaths the cgroup directories the container joined, by hierarchy (v1 subsystem
 *                    name, or "" for the unified v2 hierarchy), so that delete can remove them
 * @param hasHooks    the config has poststart or poststop hooks: start and delete then read the
 *                    config copy of the state directory, which they otherwise never parse
 */
public record ContainerState(
        String ociVersion,
        String id,
        int initPid,
        long initStartTime,
        Path bundle,
        Path rootfs,
        Instant created,
        String owner,
        Map<String, String> annotations,
        Map<String, Path> cgroupPaths,
        boolean hasHooks) {

    public ContainerState {
        annotations = Map.copyOf(annotations);
        cgroupPaths = Map.copyOf(cgroupPaths);
    }
}
