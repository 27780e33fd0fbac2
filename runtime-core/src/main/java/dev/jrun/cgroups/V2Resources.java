package dev.jrun.cgroups;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Writes {@link CgroupResources} into a cgroup v2 directory, converting from the v1 units of the
 * OCI config as runc does. Swappiness has no v2 file and is ignored; device rules need a BPF
 * program, which file I/O cannot attach (see {@link Cgroups#enforcesDeviceRules()}).
 */
final class V2Resources {

    private static final String SWAP_MAX = "memory.swap.max";

    private V2Resources() {
    }

    static void apply(Path dir, CgroupResources r) {
        memory(dir, r);
        cpu(dir, r);
        r.cpusetCpus().ifPresent(cpus -> CgroupFiles.write(dir, "cpuset.cpus", cpus));
        r.cpusetMems().ifPresent(mems -> CgroupFiles.write(dir, "cpuset.mems", mems));
        r.pidsLimit().ifPresent(limit -> CgroupFiles.write(dir, "pids.max", limit > 0 ? Long.toString(limit) : "max"));
        // last, so that a value given here wins over the converted ones
        for (Map.Entry<String, String> e : new TreeMap<>(r.unified()).entrySet()) {
            CgroupFiles.write(dir, unifiedFile(e.getKey()), e.getValue());
        }
    }

    private static void memory(Path dir, CgroupResources r) {
        OptionalLong swap = swapMax(r.memorySwap(), r.memoryLimit());
        if (swap.isPresent()) {
            // with no swap on the host there is no such file; "max" then asks for nothing
            if (swap.getAsLong() != -1 || CgroupFiles.exists(dir, SWAP_MAX)) {
                CgroupFiles.write(dir, SWAP_MAX, max(swap.getAsLong()));
            }
        }
        r.memoryLimit().ifPresent(limit -> CgroupFiles.write(dir, "memory.max", max(limit)));
        r.memoryReservation().ifPresent(low -> CgroupFiles.write(dir, "memory.low", max(low)));
    }

    /**
     * v1's memsw is memory plus swap; v2's swap.max is swap alone. Unlimited memory with no
     * swap setting means unlimited swap too.
     */
    static OptionalLong swapMax(OptionalLong memorySwap, OptionalLong memoryLimit) {
        long memory = memoryLimit.orElse(0);
        if (memorySwap.isEmpty() || memorySwap.getAsLong() == 0) {
            return memory == -1 ? OptionalLong.of(-1) : OptionalLong.empty();
        }
        long swap = memorySwap.getAsLong();
        if (swap == -1) {
            return OptionalLong.of(-1);
        }
        if (memory == 0 || memory == -1) {
            throw new CgroupException("unable to set swap limit without memory limit");
        }
        if (swap < memory) {
            throw new CgroupException("memory+swap limit should be >= memory limit");
        }
        return OptionalLong.of(swap - memory);
    }

    private static void cpu(Path dir, CgroupResources r) {
        r.cpuShares().ifPresent(shares -> {
            if (shares != 0) {
                CgroupFiles.write(dir, "cpu.weight", Long.toString(weight(shares)));
            }
        });
        if (r.cpuQuota().isPresent() || r.cpuPeriod().isPresent()) {
            long quota = r.cpuQuota().orElse(0);
            String value = quota > 0 ? Long.toString(quota) : "max";
            if (r.cpuPeriod().isPresent() && r.cpuPeriod().getAsLong() != 0) {
                value += " " + r.cpuPeriod().getAsLong();
            }
            CgroupFiles.write(dir, "cpu.max", value);
        }
    }

    /** Shares 2..262144 map linearly onto weights 1..10000. */
    static long weight(long shares) {
        return 1 + ((shares - 2) * 9999) / 262142;
    }

    private static String max(long value) {
        return value == -1 ? "max" : Long.toString(value);
    }

    private static String unifiedFile(String key) {
        if (key.isEmpty() || key.contains("/") || key.equals(".") || key.equals("..")) {
            throw new CgroupException("invalid unified resource \"" + key + "\"");
        }
        return key;
    }
}
