package dev.jrun.cgroups;

import static dev.jrun.cgroups.FakeHost.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsV1Test {

    @TempDir
    Path tmp;

    private FakeHost host;

    @BeforeEach
    void host() throws IOException {
        host = FakeHost.hybrid(tmp, "/process_api/7c1f");
    }

    private Path in(String hierarchy, String path) {
        return host.root.resolve(hierarchy).resolve(path);
    }

    /** Every hierarchy's cgroup, as the kernel would have made it on mkdir. */
    private void kernelMakes(String path) throws IOException {
        for (String h : new String[] {"cpu", "cpuacct", "blkio", "systemd", "unified", "freezer"}) {
            host.cgroup(in(h, path), "cpu.shares", "cpu.cfs_period_us", "cpu.cfs_quota_us");
        }
        host.cgroup(in("memory", path), "memory.memsw.limit_in_bytes", "memory.soft_limit_in_bytes", "memory.swappiness");
        host.write(in("memory", path), "memory.limit_in_bytes", "9223372036854771712\n");
        host.cgroup(in("pids", path), "pids.max");
        host.cgroup(in("devices", path), "devices.allow", "devices.deny");
        Path cpuset = host.root.resolve("cpuset");
        for (Path name : Path.of(path)) {
            cpuset = host.cgroup(cpuset.resolve(name), "cpuset.cpus", "cpuset.mems");
        }
    }

    @Test
    void joinWritesTheLimitsAndThenThePidInEveryHierarchy() throws IOException {
        kernelMakes("k8s/abc");
        CgroupResources r = CgroupResources.builder()
                .memoryLimit(64 << 20).memorySwap(128 << 20).memoryReservation(32 << 20).memorySwappiness(10)
                .cpuShares(512).cpuQuota(50000).cpuPeriod(100000)
                .cpusetCpus("1")
                .pidsLimit(100)
                .device(new DeviceRule(false, 'a', DeviceRule.ANY, DeviceRule.ANY, "rwm"))
                .device(new DeviceRule(true, 'c', 1, 3, "rwm"))
                .device(new DeviceRule(true, 'c', 136, DeviceRule.ANY, "rw"))
                .build();
        Map<String, Path> joined = new Cgroups(host.layout(), new CgroupPath("/k8s/abc"), r).join(4242);

        assertEquals(10, joined.size());
        assertEquals(in("memory", "k8s/abc"), joined.get("memory"));
        assertEquals(in("systemd", "k8s/abc"), joined.get("name=systemd"));
        assertEquals(in("unified", "k8s/abc"), joined.get(""));
        for (Path dir : joined.values()) {
            assertEquals("4242", read(dir, "cgroup.procs"), dir.toString());
        }
        Path memory = joined.get("memory");
        assertEquals(Long.toString(64 << 20), read(memory, "memory.limit_in_bytes"));
        assertEquals(Long.toString(128 << 20), read(memory, "memory.memsw.limit_in_bytes"));
        assertEquals(Long.toString(32 << 20), read(memory, "memory.soft_limit_in_bytes"));
        assertEquals("10", read(memory, "memory.swappiness"));
        Path cpu = joined.get("cpu");
        assertEquals("512", read(cpu, "cpu.shares"));
        assertEquals("50000", read(cpu, "cpu.cfs_quota_us"));
        assertEquals("100000", read(cpu, "cpu.cfs_period_us"));
        assertEquals("", read(joined.get("cpuacct"), "cpu.shares"));
        assertEquals("1", read(joined.get("cpuset"), "cpuset.cpus"));
        assertEquals("100", read(joined.get("pids"), "pids.max"));
        // the last rule written to each file (the kernel keeps them all)
        assertEquals("a *:* rwm", read(joined.get("devices"), "devices.deny"));
        assertEquals("c 136:* rw", read(joined.get("devices"), "devices.allow"));
    }

    @Test
    void aRelativePathIsUnderTheOwnCgroupOfEachHierarchy() throws IOException {
        kernelMakes("abc");
        host.cgroup(in("memory", "process_api/7c1f/abc"));
        Map<String, Path> joined = new Cgroups(host.layout(), CgroupPath.resolve("", "abc", false),
                CgroupResources.NONE).join(7);
        assertEquals(in("memory", "process_api/7c1f/abc"), joined.get("memory"));
        assertEquals(in("pids", "abc"), joined.get("pids"));
    }

    @Test
    void newCpusetsInheritTheirParentsCpusAndMems() throws IOException {
        kernelMakes("a/b");
        host.write(in("cpuset", "a"), "cpuset.cpus", "1\n");
        new Cgroups(host.layout(), new CgroupPath("/a/b"), CgroupResources.NONE).join(7);
        assertEquals("1\n", read(in("cpuset", "a"), "cpuset.cpus"));
        assertEquals("0", read(in("cpuset", "a"), "cpuset.mems"));
        assertEquals("1", read(in("cpuset", "a/b"), "cpuset.cpus"));
        assertEquals("0", read(in("cpuset", "a/b"), "cpuset.mems"));
    }

    @Test
    void unlimitedMemoryMeansUnlimitedSwapToo() throws IOException {
        kernelMakes("abc");
        new Cgroups(host.layout(), new CgroupPath("/abc"), CgroupResources.builder().memoryLimit(-1).build()).join(7);
        assertEquals("-1", read(in("memory", "abc"), "memory.limit_in_bytes"));
        assertEquals("-1", read(in("memory", "abc"), "memory.memsw.limit_in_bytes"));
    }

    @Test
    void aPidsLimitOfZeroOrLessIsMax() throws IOException {
        kernelMakes("abc");
        new Cgroups(host.layout(), new CgroupPath("/abc"), CgroupResources.builder().pidsLimit(-1).build()).join(7);
        assertEquals("max", read(in("pids", "abc"), "pids.max"));
    }

    @Test
    void anErrorNamesTheFile() throws IOException {
        kernelMakes("abc");
        Files.delete(in("memory", "abc").resolve("memory.memsw.limit_in_bytes"));
        CgroupResources r = CgroupResources.builder().memoryLimit(1 << 20).memorySwap(2 << 20).build();
        CgroupException e = assertThrows(CgroupException.class,
                () -> new Cgroups(host.layout(), new CgroupPath("/abc"), r).join(7));
        assertEquals("write " + in("memory", "abc/memory.memsw.limit_in_bytes") + ": no such file or directory",
                e.getMessage());
    }

    @Test
    void aFailedJoinRemovesTheDirectoriesItCreated() {
        // nothing plays the kernel here, so cgroup.procs is missing in the new directory
        CgroupException e = assertThrows(CgroupException.class,
                () -> new Cgroups(host.layout(), new CgroupPath("/new/abc"), CgroupResources.NONE).join(7));
        assertEquals("write " + in("cpu", "new/abc/cgroup.procs") + ": no such file or directory", e.getMessage());
        assertFalse(Files.exists(in("cpu", "new")));
    }

    @Test
    void limitsWithoutTheirControllerAreAnError() throws IOException {
        Files.writeString(host.mountinfo, Files.readString(host.mountinfo).replaceAll("(?m)^.*rw,memory\n", ""));
        CgroupException e = assertThrows(CgroupException.class, () -> new Cgroups(host.layout(), new CgroupPath("/abc"),
                CgroupResources.builder().memoryLimit(1 << 20).build()).join(7));
        assertEquals("cannot set memory limits: no memory cgroup hierarchy is mounted", e.getMessage());
        assertFalse(Files.exists(in("cpu", "abc")));
    }

    @Test
    void unifiedResourcesNeedV2() {
        CgroupException e = assertThrows(CgroupException.class, () -> new Cgroups(host.layout(), new CgroupPath("/abc"),
                CgroupResources.builder().unified("memory.high", "1M").build()).join(7));
        assertEquals("unified resources need cgroup v2, this host has cgroup v1", e.getMessage());
    }

    @Test
    void enforcesDeviceRules() throws IOException {
        assertTrue(new Cgroups(host.layout(), new CgroupPath("/abc"), CgroupResources.NONE).enforcesDeviceRules());
    }

    @Test
    void destroyRemovesEveryCgroupAndItsChildren() throws IOException {
        kernelMakes("abc");
        Map<String, Path> joined = new Cgroups(host.layout(), new CgroupPath("/abc"), CgroupResources.NONE).join(7);
        host.cgroup(in("systemd", "abc/init.scope"));
        FakeHost.dropFiles(host.root);
        Cgroups.destroy(joined);
        for (Path dir : joined.values()) {
            assertFalse(Files.exists(dir), dir.toString());
        }
        Cgroups.destroy(joined);
    }

    @Test
    void destroyTriesEveryPathAndReportsTheFirstFailure() throws IOException {
        Path stuck = Files.createDirectories(in("pids", "abc"));
        Files.writeString(stuck.resolve("leftover"), "");
        Path fine = Files.createDirectories(in("cpu", "abc"));
        CgroupException e = assertThrows(CgroupException.class,
                () -> Cgroups.destroy(new java.util.TreeMap<>(Map.of("cpu", fine, "pids", stuck))));
        assertEquals("rmdir " + stuck + ": directory not empty", e.getMessage());
        assertFalse(Files.exists(fine));
    }

    @Test
    void deviceRulesInTheKernelsWords() {
        assertEquals("a *:* rwm", new DeviceRule(false, 'a', -1, -1, "rwm").v1Line());
        assertEquals("b 8:0 r", new DeviceRule(true, 'b', 8, 0, "r").v1Line());
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(true, 'x', 1, 1, "r"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(true, 'c', 1, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(true, 'c', 1, 1, "rx"));
    }
}
