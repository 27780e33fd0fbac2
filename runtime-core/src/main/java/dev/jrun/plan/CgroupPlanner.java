package dev.jrun.plan;

import dev.jrun.cgroups.CgroupResources;
import dev.jrun.cgroups.DeviceRule;
import dev.jrun.spec.Resources;
import java.util.List;

/** Turns linux.resources into the cgroup manager's terms. A pure function, like {@link Planner}. */
public final class CgroupPlanner {

    /**
     * runc's defaults, appended after the config's own rules so that the device nodes every
     * container gets (and its pseudo-terminals) stay usable under a "deny all" rule.
     */
    private static final List<DeviceRule> DEFAULT_ALLOWED = List.of(
            new DeviceRule(true, 'c', DeviceRule.ANY, DeviceRule.ANY, "m"),
            new DeviceRule(true, 'b', DeviceRule.ANY, DeviceRule.ANY, "m"),
            new DeviceRule(true, 'c', 1, 3, "rwm"),
            new DeviceRule(true, 'c', 1, 8, "rwm"),
            new DeviceRule(true, 'c', 1, 7, "rwm"),
            new DeviceRule(true, 'c', 5, 0, "rwm"),
            new DeviceRule(true, 'c', 1, 5, "rwm"),
            new DeviceRule(true, 'c', 1, 9, "rwm"),
            new DeviceRule(true, 'c', 5, 1, "rwm"),
            new DeviceRule(true, 'c', 136, DeviceRule.ANY, "rwm"),
            new DeviceRule(true, 'c', 5, 2, "rwm"),
            new DeviceRule(true, 'c', 10, 200, "rwm"));

    private CgroupPlanner() {
    }

    public static CgroupResources resources(Resources resources) {
        CgroupResources.Builder builder = CgroupResources.builder();
        if (resources == null) {
            return builder.build();
        }
        Resources.Memory memory = resources.memory();
        if (memory != null) {
            if (memory.limit() != null) builder.memoryLimit(memory.limit());
            if (memory.reservation() != null) builder.memoryReservation(memory.reservation());
            if (memory.swap() != null) builder.memorySwap(memory.swap());
            if (memory.swappiness() != null) builder.memorySwappiness(memory.swappiness());
        }
        Resources.Cpu cpu = resources.cpu();
        if (cpu != null) {
            if (cpu.shares() != null) builder.cpuShares(cpu.shares());
            if (cpu.quota() != null) builder.cpuQuota(cpu.quota());
            if (cpu.period() != null) builder.cpuPeriod(cpu.period());
            if (cpu.cpus() != null && !cpu.cpus().isEmpty()) builder.cpusetCpus(cpu.cpus());
            if (cpu.mems() != null && !cpu.mems().isEmpty()) builder.cpusetMems(cpu.mems());
        }
        if (resources.pids() != null) {
            builder.pidsLimit(resources.pids().limit());
        }
        if (!resources.devices().isEmpty()) {
            for (Resources.DeviceRule rule : resources.devices()) {
                builder.device(new DeviceRule(rule.allow(), deviceType(rule.type()),
                        rule.major() == null ? DeviceRule.ANY : rule.major(),
                        rule.minor() == null ? DeviceRule.ANY : rule.minor(),
                        rule.access() == null || rule.access().isEmpty() ? "rwm" : rule.access()));
            }
            DEFAULT_ALLOWED.forEach(builder::device);
        }
        resources.unified().forEach(builder::unified);
        return builder.build();
    }

    private static char deviceType(String type) {
        return type == null || type.isEmpty() ? 'a' : type.charAt(0);
    }
}
