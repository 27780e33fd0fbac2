package dev.jrun.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the container init (JVM B, {@code jrun init}) does before it hands the process over: the
 * mount plan, then sysctls, hostname and pivot_root. Plain data, computed by the CLI and sent to the
 * init in {@link PlanCodec}'s compact form.
 *
 * @param rootfs          the host path of the container's root
 * @param rootPropagation the propagation set on "/" of the new mount namespace (linux.rootfsPropagation)
 * @param userNamespace   the init runs in a new user namespace (mknod and a fresh sysfs may be refused)
 * @param steps           mounts, devices, links, masked and read-only paths, in order
 * @param sysctl          written through the container's freshly mounted /proc, before the read-only paths
 * @param noPivot         --no-pivot: MS_MOVE and chroot instead of pivot_root
 */
public record InitPlan(String rootfs, long rootPropagation, boolean userNamespace, List<MountStep> steps,
                       Map<String, String> sysctl, Optional<String> hostname, Optional<String> domainname,
                       boolean readonlyRoot, boolean noPivot) {

    public InitPlan {
        steps = List.copyOf(steps);
        sysctl = Collections.unmodifiableMap(new TreeMap<>(sysctl)); // sorted: the same spec, the same plan
    }
}
