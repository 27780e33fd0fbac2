package dev.jrun.cgroups;

import static dev.jrun.cgroups.FakeHost.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsV2Test {

    private static final String[] FILES = {"cgroup.subtree_control", "memory.max", "memory.low", "memory.swap.max",
        "memory.high", "cpu.weight", "cpu.max", "cpuset.cpus", "cpuset.mems", "pids.max"};

    @TempDir
    Path tmp;

    private FakeHost host;

    @BeforeEach
    void host() throws IOException {
        host = FakeHost.unified(tmp, "/user.slice/session-1.scope", "cpuset cpu memory pids");
        host.cgroup(host.root.resolve("user.slice"), "cgroup.subtree_control");
    }

    @Test
    void joinEnablesControllersOnTheWayDownAndConvertsTheLimits() throws IOException {
        host.cgroup(host.root.resolve("user.slice/pod"), "cgroup.subtree_control");
        Path dir = host.cgroup(host.root.resolve("user.slice/pod/abc"), FILES);
        CgroupResources r = CgroupResources.builder()
                .memoryLimit(64 << 20).memorySwap(96 << 20).memoryReservation(32 << 20).memorySwappiness(60)
                .cpuShares(1024).cpuQuota(50000).cpuPeriod(100000)
                .cpusetCpus("0-1").cpusetMems("0")
                .pidsLimit(0)
                .unified("memory.high", "50M")
                .build();
        Map<String, Path> joined = new Cgroups(host.layout(), new CgroupPath("pod/abc"), r).join(4242);

        assertEquals(Map.of("", dir), joined);
        assertEquals("4242", read(dir, "cgroup.procs"));
        for (String level : new String[] {"", "user.slice", "user.slice/pod"}) {
            assertEquals("+cpuset +cpu +memory +pids", read(host.root.resolve(level), "cgroup.subtree_control"), level);
        }
        assertEquals(Long.toString(64 << 20), read(dir, "memory.max"));
        assertEquals(Long.toString(32 << 20), read(dir, "memory.swap.max"));
        assertEquals(Long.toString(32 << 20), read(dir, "memory.low"));
        assertEquals("39", read(dir, "cpu.weight"));
        assertEquals("50000 100000", read(dir, "cpu.max"));
        assertEquals("0-1", read(dir, "cpuset.cpus"));
        assertEquals("0", read(dir, "cpuset.mems"));
        assertEquals("max", read(dir, "pids.max"));
        assertEquals("50M", read(dir, "memory.high"));
    }

    @Test
    void unlimitedMemoryWithoutSwapOnTheHost() throws IOException {
        Path dir = host.cgroup(host.root.resolve("abc"), "memory.max", "cpu.max");
        new Cgroups(host.layout(), new CgroupPath("/abc"),
                CgroupResources.builder().memoryLimit(-1).cpuQuota(-1).build()).join(7);
        assertEquals("max", read(dir, "memory.max"));
        assertEquals("max", read(dir, "cpu.max"));
        assertFalse(Files.exists(dir.resolve("memory.swap.max")));
    }

    @Test
    void swapIsConvertedFromMemoryPlusSwap() {
        assertEquals(OptionalLong.empty(), V2Resources.swapMax(OptionalLong.empty(), OptionalLong.of(100)));
        assertEquals(OptionalLong.of(-1), V2Resources.swapMax(OptionalLong.empty(), OptionalLong.of(-1)));
        assertEquals(OptionalLong.of(-1), V2Resources.swapMax(OptionalLong.of(-1), OptionalLong.of(100)));
        assertEquals(OptionalLong.of(50), V2Resources.swapMax(OptionalLong.of(150), OptionalLong.of(100)));
        assertEquals(OptionalLong.of(0), V2Resources.swapMax(OptionalLong.of(100), OptionalLong.of(100)));
        assertEquals("memory+swap limit should be >= memory limit", assertThrows(CgroupException.class,
                () -> V2Resources.swapMax(OptionalLong.of(50), OptionalLong.of(100))).getMessage());
        assertEquals("unable to set swap limit without memory limit", assertThrows(CgroupException.class,
                () -> V2Resources.swapMax(OptionalLong.of(50), OptionalLong.empty())).getMessage());
    }

    @Test
    void sharesBecomeWeights() {
        assertEquals(1, V2Resources.weight(2));
        assertEquals(39, V2Resources.weight(1024));
        assertEquals(10000, V2Resources.weight(262144));
    }

    @Test
    void aMissingControllerFileIsNamed() throws IOException {
        host.cgroup(host.root.resolve("abc"));
        CgroupException e = assertThrows(CgroupException.class, () -> new Cgroups(host.layout(), new CgroupPath("/abc"),
                CgroupResources.builder().pidsLimit(5).build()).join(7));
        assertEquals("write " + host.root.resolve("abc/pids.max") + ": no such file or directory", e.getMessage());
    }

    @Test
    void unifiedKeysMustBeFileNames() throws IOException {
        host.cgroup(host.root.resolve("abc"));
        CgroupException e = assertThrows(CgroupException.class, () -> new Cgroups(host.layout(), new CgroupPath("/abc"),
                CgroupResources.builder().unified("../cgroup.procs", "1").build()).join(7));
        assertEquals("invalid unified resource \"../cgroup.procs\"", e.getMessage());
    }

    @Test
    void deviceRulesAreNotEnforcedByFiles() {
        assertFalse(new Cgroups(host.layout(), new CgroupPath("/abc"), CgroupResources.NONE).enforcesDeviceRules());
    }

    @Test
    void destroyRemovesTheCgroup() throws IOException {
        host.cgroup(host.root.resolve("user.slice/abc"));
        Map<String, Path> joined = new Cgroups(host.layout(), new CgroupPath("abc"), CgroupResources.NONE).join(7);
        FakeHost.dropFiles(host.root.resolve("user.slice/abc"));
        Cgroups.destroy(joined);
        assertFalse(Files.exists(host.root.resolve("user.slice/abc")));
    }
}
