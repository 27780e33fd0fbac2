package dev.jrun.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.cgroups.CgroupResources;
import dev.jrun.cgroups.DeviceRule;
import dev.jrun.spec.Resources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CgroupPlannerTest {

    /** runc's allowed devices, in the order the planner appends them. */
    private static final List<String> DEFAULT_RULES = List.of(
            "c *:* m", "b *:* m", "c 1:3 rwm", "c 1:8 rwm", "c 1:7 rwm", "c 5:0 rwm", "c 1:5 rwm", "c 1:9 rwm",
            "c 5:1 rwm", "c 136:* rwm", "c 5:2 rwm", "c 10:200 rwm");

    private static Resources resources(List<Resources.DeviceRule> devices, Resources.Memory memory, Resources.Cpu cpu,
                                       Resources.Pids pids, Map<String, String> unified) {
        return new Resources(devices, memory, cpu, pids, null, null, unified);
    }

    private static List<String> lines(CgroupResources resources) {
        return resources.devices().stream().map(DeviceRule::v1Line).toList();
    }

    @Test
    void noResourcesLeaveEveryControllerAlone() {
        assertEquals(CgroupResources.NONE, CgroupPlanner.resources(null));
        assertEquals(CgroupResources.NONE, CgroupPlanner.resources(resources(null, null, null, null, null)));
    }

    @Test
    void memoryLimitsAreMappedOneToOne() {
        CgroupResources r = CgroupPlanner.resources(resources(null,
                new Resources.Memory(64L << 20, 32L << 20, -1L, 1L << 20, 1L << 20, 60L, true), null, null, null));
        assertEquals(OptionalLong.of(64L << 20), r.memoryLimit());
        assertEquals(OptionalLong.of(32L << 20), r.memoryReservation());
        assertEquals(OptionalLong.of(-1), r.memorySwap());
        assertEquals(OptionalLong.of(60), r.memorySwappiness());
        assertEquals(OptionalLong.empty(), r.cpuShares());
        assertEquals(OptionalLong.empty(), r.pidsLimit());
    }

    @Test
    void absentMemoryFieldsStayEmpty() {
        CgroupResources r = CgroupPlanner.resources(resources(null,
                new Resources.Memory(1L << 30, null, null, null, null, null, null), null, null, null));
        assertEquals(OptionalLong.of(1L << 30), r.memoryLimit());
        assertEquals(OptionalLong.empty(), r.memoryReservation());
        assertEquals(OptionalLong.empty(), r.memorySwap());
        assertEquals(OptionalLong.empty(), r.memorySwappiness());
    }

    @Test
    void cpuSharesQuotaPeriodAndCpusetAreMapped() {
        CgroupResources r = CgroupPlanner.resources(resources(null, null,
                new Resources.Cpu(512L, 50000L, 100000L, null, null, "0-1", "0"), null, null));
        assertEquals(OptionalLong.of(512), r.cpuShares());
        assertEquals(OptionalLong.of(50000), r.cpuQuota());
        assertEquals(OptionalLong.of(100000), r.cpuPeriod());
        assertEquals(Optional.of("0-1"), r.cpusetCpus());
        assertEquals(Optional.of("0"), r.cpusetMems());
    }

    @Test
    void emptyCpusetStringsAreNotWritten() {
        CgroupResources r = CgroupPlanner.resources(resources(null, null,
                new Resources.Cpu(null, null, null, null, null, "", ""), null, null));
        assertEquals(Optional.empty(), r.cpusetCpus());
        assertEquals(Optional.empty(), r.cpusetMems());
        assertEquals(OptionalLong.empty(), r.cpuShares());
    }

    @Test
    void thePidsLimitIsMappedEvenWhenUnlimited() {
        assertEquals(OptionalLong.of(100),
                CgroupPlanner.resources(resources(null, null, null, new Resources.Pids(100), null)).pidsLimit());
        assertEquals(OptionalLong.of(-1),
                CgroupPlanner.resources(resources(null, null, null, new Resources.Pids(-1), null)).pidsLimit());
    }

    @Test
    void unifiedFilesAreCarried() {
        CgroupResources r = CgroupPlanner.resources(resources(null, null, null, null,
                Map.of("memory.high", "50M", "io.weight", "default 100")));
        assertEquals(Map.of("memory.high", "50M", "io.weight", "default 100"), r.unified());
    }

    @Test
    void runcsDefaultDevicesAreAllowedAfterTheConfigsOwnRules() {
        CgroupResources r = CgroupPlanner.resources(resources(List.of(
                new Resources.DeviceRule(false, null, null, null, "rwm"),
                new Resources.DeviceRule(true, "c", 10L, 229L, "rw"),
                new Resources.DeviceRule(false, "b", 8L, null, "w")), null, null, null, null));
        assertEquals(List.of(
                new DeviceRule(false, 'a', DeviceRule.ANY, DeviceRule.ANY, "rwm"),
                new DeviceRule(true, 'c', 10, 229, "rw"),
                new DeviceRule(false, 'b', 8, DeviceRule.ANY, "w")), r.devices().subList(0, 3));
        assertEquals(DEFAULT_RULES, lines(r).subList(3, r.devices().size()));
        r.devices().subList(3, r.devices().size()).forEach(rule -> assertTrue(rule.allow(), rule.v1Line()));
    }

    @Test
    void aRuleWithoutTypeOrAccessCoversAllDevicesAndAllAccess() {
        CgroupResources r = CgroupPlanner.resources(resources(List.of(
                new Resources.DeviceRule(false, "", null, null, null),
                new Resources.DeviceRule(true, "c", 1L, 3L, "")), null, null, null, null));
        assertEquals(List.of("a *:* rwm", "c 1:3 rwm"), lines(r).subList(0, 2));
    }

    @Test
    void withoutDeviceRulesTheDeviceControllerIsLeftAlone() {
        CgroupResources r = CgroupPlanner.resources(resources(List.of(), null, null, new Resources.Pids(10), null));
        assertEquals(List.of(), r.devices());
    }

    @Test
    void runcsDefaultConfigDeniesEverythingButTheDefaults() {
        CgroupResources r = CgroupPlanner.resources(RuncConfig.spec(RuncConfig.runc()).linux().resources());
        assertEquals("a *:* rwm", lines(r).get(0));
        assertFalse(r.devices().get(0).allow());
        assertEquals(DEFAULT_RULES, lines(r).subList(1, r.devices().size()));
    }
}
