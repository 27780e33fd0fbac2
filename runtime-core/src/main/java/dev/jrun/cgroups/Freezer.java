package dev.jrun.cgroups;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * pause and resume: the v1 freezer controller (freezer.state) when the container has one, else
 * cgroup v2's cgroup.freeze. Works on the stored {@code cgroupPaths} alone.
 */
public final class Freezer {

    private static final String V1_KEY = "freezer";
    private static final String V1_STATE = "freezer.state";
    private static final String V2_FREEZE = "cgroup.freeze";
    private static final int V1_ATTEMPTS = 1000;
    private static final int V2_POLLS = 2000;

    private Freezer() {
    }

    public static void freeze(Map<String, Path> paths) {
        Target t = target(paths).orElseThrow(() -> new CgroupException("the container has no freezer cgroup"));
        if (t.v1()) {
            freezeV1(t.dir());
        } else {
            freezeV2(t.dir());
        }
    }

    public static void thaw(Map<String, Path> paths) {
        Target t = target(paths).orElseThrow(() -> new CgroupException("the container has no freezer cgroup"));
        CgroupFiles.write(t.dir(), t.v1() ? V1_STATE : V2_FREEZE, t.v1() ? "THAWED" : "0");
    }

    /** False when there is no freezer or its cgroup is gone. */
    public static boolean isFrozen(Map<String, Path> paths) {
        Optional<Target> t = target(paths);
        if (t.isEmpty() || !CgroupFiles.exists(t.get().dir(), t.get().v1() ? V1_STATE : V2_FREEZE)) {
            return false;
        }
        return t.get().v1()
                ? CgroupFiles.read(t.get().dir(), V1_STATE).equals("FROZEN")
                : CgroupFiles.read(t.get().dir(), V2_FREEZE).equals("1");
    }

    private static Optional<Target> target(Map<String, Path> paths) {
        if (paths.containsKey(V1_KEY)) {
            return Optional.of(new Target(true, paths.get(V1_KEY)));
        }
        Path unified = paths.get("");
        if (unified != null && CgroupFiles.exists(unified, V2_FREEZE)) {
            return Optional.of(new Target(false, unified));
        }
        return Optional.empty();
    }

    /**
     * The v1 freezer can stay in FREEZING while a task is in an uninterruptible sleep; writing
     * FROZEN again retries, and a short thaw now and then lets such a task get past it.
     */
    private static void freezeV1(Path dir) {
        for (int i = 1; i <= V1_ATTEMPTS; i++) {
            if (i % 50 == 0) {
                CgroupFiles.write(dir, V1_STATE, "THAWED");
                Cgroups.sleep(10);
            }
            CgroupFiles.write(dir, V1_STATE, "FROZEN");
            String state = CgroupFiles.read(dir, V1_STATE);
            if (state.equals("FROZEN")) {
                return;
            }
            if (!state.equals("FREEZING")) {
                throw new CgroupException("freeze " + dir + ": unexpected state " + state);
            }
            Cgroups.sleep(1);
        }
        CgroupFiles.write(dir, V1_STATE, "THAWED");
        throw new CgroupException("freeze " + dir + ": the cgroup stayed in FREEZING");
    }

    /** cgroup.events says "frozen 1" once every task is stopped. */
    private static void freezeV2(Path dir) {
        CgroupFiles.write(dir, V2_FREEZE, "1");
        if (!CgroupFiles.exists(dir, "cgroup.events")) {
            return;
        }
        for (int i = 0; i < V2_POLLS; i++) {
            if (CgroupFiles.read(dir, "cgroup.events").lines().anyMatch(l -> l.equals("frozen 1"))) {
                return;
            }
            Cgroups.sleep(1);
        }
        CgroupFiles.write(dir, V2_FREEZE, "0");
        throw new CgroupException("freeze " + dir + ": timed out waiting for the cgroup to freeze");
    }

    private record Target(boolean v1, Path dir) {
    }
}
