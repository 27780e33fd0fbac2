package dev.jrun.cgroups;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The cgroups of one container, managed through cgroupfs files only: create the directories,
 * write the limits, move the init in; remove them again at delete.
 */
public final class Cgroups {

    private static final int RMDIR_ATTEMPTS = 6;

    private final CgroupLayout layout;
    private final CgroupPath path;
    private final CgroupResources resources;

    public Cgroups(CgroupLayout layout, CgroupPath path, CgroupResources resources) {
        this.layout = layout;
        this.path = path;
        this.resources = resources;
    }

    /**
     * Device rules take effect only on cgroup v1. cgroup v2 controls devices with a BPF program
     * attached to the cgroup, which needs the bpf(2) system call, not files; the caller has to
     * do that (or warn) itself.
     */
    public boolean enforcesDeviceRules() {
        return !layout.unified();
    }

    /** The directory of this container's cgroup in each hierarchy, by key; nothing is created. */
    public Map<String, Path> paths() {
        Map<String, Path> paths = new LinkedHashMap<>();
        for (Hierarchy h : layout.hierarchies()) {
            for (String key : h.keys()) {
                paths.put(key, h.directory(path));
            }
        }
        return paths;
    }

    /**
     * Creates the container's cgroup in every hierarchy, writes the limits and then moves
     * {@code pid} in, so that the process never runs unlimited. On failure the directories this
     * call created are removed again (as far as they are empty).
     *
     * @return the directory in each hierarchy by key, for {@code ContainerState.cgroupPaths}
     */
    public Map<String, Path> join(int pid) {
        checkControllers();
        List<Path> created = new ArrayList<>();
        try {
            Map<String, Path> joined = new LinkedHashMap<>();
            for (Hierarchy h : layout.hierarchies()) {
                Path dir = h.directory(path);
                if (layout.unified()) {
                    created.addAll(mkdirsEnablingControllers(h.mountPoint(), dir));
                    V2Resources.apply(dir, resources);
                } else {
                    created.addAll(CgroupFiles.mkdirs(h.mountPoint(), dir));
                    if (h.has("cpuset")) {
                        V1Resources.inheritCpuset(h.mountPoint(), dir);
                    }
                    for (String key : h.keys()) {
                        V1Resources.apply(key, dir, resources);
                    }
                }
                CgroupFiles.write(dir, "cgroup.procs", Integer.toString(pid));
                for (String key : h.keys()) {
                    joined.put(key, dir);
                }
            }
            return joined;
        } catch (CgroupException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException ignored) {
                    // the process is in it; delete's destroy will retry
                }
            }
            throw e;
        }
    }

    /**
     * Removes a container's cgroups (and any it created below them), retrying briefly while the
     * kernel still counts exiting tasks. One that is already gone is fine.
     */
    public static void destroy(Map<String, Path> paths) {
        CgroupException failure = null;
        for (Path dir : new LinkedHashSet<>(paths.values())) {
            try {
                removeTree(dir);
            } catch (CgroupException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void checkControllers() {
        if (layout.unified()) {
            return;
        }
        if (!resources.unified().isEmpty()) {
            throw new CgroupException("unified resources need cgroup v2, this host has cgroup v1");
        }
        require("memory", resources.hasMemory());
        require("cpu", resources.hasCpu());
        require("cpuset", resources.hasCpuset());
        require("pids", resources.pidsLimit().isPresent());
        require("devices", !resources.devices().isEmpty());
    }

    private void require(String controller, boolean wanted) {
        if (wanted && layout.hierarchy(controller).isEmpty()) {
            throw new CgroupException("cannot set " + controller + " limits: no " + controller
                    + " cgroup hierarchy is mounted");
        }
    }

    /**
     * cgroup v2: a controller's files exist in a cgroup only when its parent lists the
     * controller in cgroup.subtree_control, so every level on the way down enables all the
     * controllers the root has. A refusal (a level that holds processes itself) is left for the
     * write of a limit to report by its file name.
     */
    private static List<Path> mkdirsEnablingControllers(Path root, Path dir) {
        String controllers = CgroupFiles.read(root, "cgroup.controllers");
        List<Path> created = new ArrayList<>();
        Path current = root;
        for (Path name : root.relativize(dir)) {
            enableControllers(current, controllers);
            Path parent = current;
            current = current.resolve(name);
            created.addAll(CgroupFiles.mkdirs(parent, current));
        }
        return created;
    }

    private static void enableControllers(Path dir, String controllers) {
        if (controllers.isBlank()) {
            return;
        }
        String[] names = controllers.trim().split("\\s+");
        try {
            CgroupFiles.write(dir, "cgroup.subtree_control", "+" + String.join(" +", names));
        } catch (CgroupException all) {
            for (String name : names) {
                try {
                    CgroupFiles.write(dir, "cgroup.subtree_control", "+" + name);
                } catch (CgroupException one) {
                    // not available here; see the method comment
                }
            }
        }
    }

    private static void removeTree(Path dir) {
        List<Path> children;
        try {
            children = CgroupFiles.children(dir);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new CgroupException("read " + dir + ": " + IoErrors.reason(e), e);
        }
        for (Path child : children) {
            removeTree(child);
        }
        rmdir(dir);
    }

    private static void rmdir(Path dir) {
        long delayMillis = 10;
        for (int attempt = 1; ; attempt++) {
            try {
                Files.delete(dir);
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                if (!CgroupFiles.busy(e) || attempt == RMDIR_ATTEMPTS) {
                    throw new CgroupException("rmdir " + dir + ": " + IoErrors.reason(e), e);
                }
            }
            sleep(delayMillis);
            delayMillis *= 2;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CgroupException("interrupted", e);
        }
    }
}
