package dev.jrun.cgroups;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Writes {@link CgroupResources} into the cgroup v1 controllers' files. */
final class V1Resources {

    private static final String MEMORY_LIMIT = "memory.limit_in_bytes";
    private static final String MEMSW_LIMIT = "memory.memsw.limit_in_bytes";
    private static final String CFS_PERIOD = "cpu.cfs_period_us";
    private static final String CFS_QUOTA = "cpu.cfs_quota_us";

    private V1Resources() {
    }

    /** Writes what belongs to the controller {@code key} into its cgroup {@code dir}. */
    static void apply(String key, Path dir, CgroupResources r) {
        switch (key) {
            case "memory" -> memory(dir, r);
            case "cpu" -> cpu(dir, r);
            case "cpuset" -> cpuset(dir, r);
            case "pids" -> pids(dir, r);
            case "devices" -> devices(dir, r);
            default -> {
                // nothing to configure: the container only joins
            }
        }
    }

    private static void memory(Path dir, CgroupResources r) {
        OptionalLong limit = r.memoryLimit();
        OptionalLong swap = r.memorySwap();
        if (limit.isPresent() && limit.getAsLong() == -1 && swap.isEmpty() && CgroupFiles.exists(dir, MEMSW_LIMIT)) {
            // unlimited memory means unlimited memory+swap too, as in runc
            swap = OptionalLong.of(-1);
        }
        if (limit.isPresent() && swap.isPresent()) {
            // memsw must stay >= the memory limit after each write, so the order depends on
            // whether the limits go up or down
            long current = Long.parseLong(CgroupFiles.read(dir, MEMORY_LIMIT));
            if (swap.getAsLong() == -1 || limit.getAsLong() > current) {
                CgroupFiles.write(dir, MEMSW_LIMIT, Long.toString(swap.getAsLong()));
                CgroupFiles.write(dir, MEMORY_LIMIT, Long.toString(limit.getAsLong()));
            } else {
                CgroupFiles.write(dir, MEMORY_LIMIT, Long.toString(limit.getAsLong()));
                CgroupFiles.write(dir, MEMSW_LIMIT, Long.toString(swap.getAsLong()));
            }
        } else if (limit.isPresent()) {
            CgroupFiles.write(dir, MEMORY_LIMIT, Long.toString(limit.getAsLong()));
        } else if (swap.isPresent()) {
            CgroupFiles.write(dir, MEMSW_LIMIT, Long.toString(swap.getAsLong()));
        }
        write(dir, "memory.soft_limit_in_bytes", r.memoryReservation());
        write(dir, "memory.swappiness", r.memorySwappiness());
    }

    private static void cpu(Path dir, CgroupResources r) {
        write(dir, "cpu.shares", r.cpuShares());
        boolean periodPending = false;
        if (r.cpuPeriod().isPresent()) {
            try {
                write(dir, CFS_PERIOD, r.cpuPeriod());
            } catch (CgroupException e) {
                // a shorter period can be refused while the old quota/new period exceeds the
                // parent's; it fits once the new quota is in
                if (!CgroupFiles.invalidArgument(e) || r.cpuQuota().isEmpty()) {
                    throw e;
                }
                periodPending = true;
            }
        }
        write(dir, CFS_QUOTA, r.cpuQuota());
        if (periodPending) {
            write(dir, CFS_PERIOD, r.cpuPeriod());
        }
    }

    private static void cpuset(Path dir, CgroupResources r) {
        r.cpusetCpus().ifPresent(cpus -> CgroupFiles.write(dir, "cpuset.cpus", cpus));
        r.cpusetMems().ifPresent(mems -> CgroupFiles.write(dir, "cpuset.mems", mems));
    }

    private static void pids(Path dir, CgroupResources r) {
        r.pidsLimit().ifPresent(limit -> CgroupFiles.write(dir, "pids.max", limit > 0 ? Long.toString(limit) : "max"));
    }

    /** Deny everything, then apply the rules in order (the OCI default config starts with a deny-all too). */
    private static void devices(Path dir, CgroupResources r) {
        if (r.devices().isEmpty()) {
            return;
        }
        CgroupFiles.write(dir, "devices.deny", "a");
        for (DeviceRule rule : r.devices()) {
            CgroupFiles.write(dir, rule.allow() ? "devices.allow" : "devices.deny", rule.v1Line());
        }
    }

    /**
     * A new cpuset cgroup starts with no cpus and no memory nodes, and no task can join it
     * then; the kernel leaves it to the creator to copy them from the parent, level by level.
     */
    static void inheritCpuset(Path mountPoint, Path dir) {
        Path current = mountPoint;
        for (Path name : mountPoint.relativize(dir)) {
            Path parent = current;
            current = current.resolve(name);
            for (String file : new String[] {"cpuset.cpus", "cpuset.mems"}) {
                if (CgroupFiles.read(current, file).isEmpty()) {
                    CgroupFiles.write(current, file, CgroupFiles.read(parent, file));
                }
            }
        }
    }

    private static void write(Path dir, String file, OptionalLong value) {
        if (value.isPresent()) {
            CgroupFiles.write(dir, file, Long.toString(value.getAsLong()));
        }
    }
}
