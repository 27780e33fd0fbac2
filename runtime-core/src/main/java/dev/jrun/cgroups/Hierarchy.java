package dev.jrun.cgroups;

import java.nio.file.Path;
import java.util.List;

/**
 * One mounted cgroup hierarchy.
 *
 * @param keys       what the hierarchy is called in {@code ContainerState.cgroupPaths}: its v1
 *                   controllers ("cpu", "cpuacct" for a combined mount; "name=systemd"), or ""
 *                   for a unified (v2) hierarchy
 * @param mountPoint where it is mounted
 * @param base       where relative cgroup paths start: the directory of jrun's own cgroup, or on
 *                   a cgroup v2 host its parent (see {@link CgroupPath})
 */
public record Hierarchy(List<String> keys, Path mountPoint, Path base) {

    public Hierarchy {
        keys = List.copyOf(keys);
    }

    public boolean unified() {
        return keys.equals(List.of(""));
    }

    public boolean has(String controller) {
        return keys.contains(controller);
    }

    /** The directory of a cgroup in this hierarchy. */
    Path directory(CgroupPath path) {
        String value = path.value();
        if (path.absolute()) {
            return value.equals("/") ? mountPoint : mountPoint.resolve(value.substring(1));
        }
        return value.isEmpty() ? base : base.resolve(value);
    }
}
