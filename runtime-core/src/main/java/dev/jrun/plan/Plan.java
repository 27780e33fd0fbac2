package dev.jrun.plan;

import dev.jrun.spec.IdMapping;
import java.util.List;

/**
 * A container, decided: which namespaces to create or join, the id maps, what the init mounts and
 * what the process becomes. Pure data, computed from the spec by {@link Planner}.
 *
 * @param cloneFlags    the namespaces the helper creates (CLONE_NEW*), the user namespace included;
 *                      the cgroup namespace is not among them: it is created by the hand-off stage
 *                      once the process has joined its cgroups, so that they are its root
 * @param joins         namespaces to join, by path
 * @param newCgroupNamespace whether the hand-off stage creates a cgroup namespace
 */
public record Plan(String rootfs, long cloneFlags, List<NamespaceJoin> joins, List<IdMapping> uidMappings,
                   List<IdMapping> gidMappings, boolean newCgroupNamespace, InitPlan init, ProcessPlan process) {

    public Plan {
        joins = List.copyOf(joins);
        uidMappings = List.copyOf(uidMappings);
        gidMappings = List.copyOf(gidMappings);
    }

    public boolean createsUserNamespace() {
        return (cloneFlags & NamespaceFlags.CLONE_NEWUSER) != 0;
    }

    /** An existing namespace to enter: its CLONE_NEW* type and its path (/proc/PID/ns/net, /run/netns/x). */
    public record NamespaceJoin(long cloneFlag, String path) {
    }
}
