package dev.jrun.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager on this machine's kernel, with a {@code sleep} child in the role of the container
 * init. Only the hierarchies named by each test are used (the others are filtered out of
 * mountinfo), so the test's own process and cgroups stay as they are.
 */
class RealCgroupTest {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    @TempDir
    Path tmp;

    private final String id = "jrun-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Process child;
    private Map<String, Path> joined = Map.of();

    @BeforeEach
    void needRoot() throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assumeTrue(uid == 0, "creating cgroups needs root; running as uid " + uid);
        assumeTrue(Files.isDirectory(ROOT), ROOT + " is not there");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (joined.containsKey("freezer")) {
            Freezer.thaw(joined);
        }
        if (!joined.isEmpty()) {
            Cgroups.destroy(joined);
        }
    }

    private static boolean unifiedHost() {
        return Files.exists(ROOT.resolve("cgroup.controllers"));
    }

    /** This host's layout with only the v1 hierarchies of {@code controllers}. */
    private CgroupLayout layout(Set<String> controllers) throws IOException {
        if (unifiedHost()) {
            return CgroupLayout.host();
        }
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(line -> line.contains(" - cgroup ") && controllers.stream().anyMatch(c -> line.endsWith("," + c)))
                .toList();
        Path mountinfo = Files.write(tmp.resolve("mountinfo"), mounts);
        return CgroupLayout.detect(ROOT, mountinfo, Path.of("/proc/self/cgroup"));
    }

    private int startChild() throws IOException {
        child = new ProcessBuilder("sleep", "60").start();
        return (int) child.pid();
    }

    @Test
    void joinsAndRemovesARealPidsCgroup() throws Exception {
        CgroupLayout layout = layout(Set.of("pids"));
        int pid = startChild();
        joined = new Cgroups(layout, new CgroupPath("/" + id), CgroupResources.builder().pidsLimit(10).build()).join(pid);

        Path dir = unifiedHost() ? ROOT.resolve(id) : ROOT.resolve("pids").resolve(id);
        assertEquals(unifiedHost() ? Map.of("", dir) : Map.of("pids", dir), joined);
        assertEquals("10", Files.readString(dir.resolve("pids.max")).strip());
        String expected = unifiedHost() ? "0::/" + id : ":pids:/" + id;
        assertTrue(Files.readAllLines(Path.of("/proc/" + pid + "/cgroup")).stream()
                .anyMatch(line -> line.endsWith(expected)), "/proc/" + pid + "/cgroup has no " + expected);

        child.destroyForcibly().waitFor();
        Cgroups.destroy(joined);
        assertFalse(Files.exists(dir));
        joined = Map.of();
    }

    @Test
    void aRefusedValueNamesTheFileAndUndoesTheJoin() throws Exception {
        assumeFalse(unifiedHost(), "cgroup v1 only");
        CgroupLayout layout = layout(Set.of("cpuset"));
        int pid = startChild();
        Cgroups cgroups = new Cgroups(layout, new CgroupPath("/" + id), CgroupResources.builder().cpusetCpus("x").build());
        CgroupException e = org.junit.jupiter.api.Assertions.assertThrows(CgroupException.class, () -> cgroups.join(pid));
        Path dir = ROOT.resolve("cpuset").resolve(id);
        assertEquals("write " + dir.resolve("cpuset.cpus") + ": invalid argument", e.getMessage());
        assertFalse(Files.exists(dir));
    }

    @Test
    void appliesV1DeviceCpusetAndCpuLimitsAndFreezes() throws Exception {
        assumeFalse(unifiedHost(), "cgroup v1 only");
        CgroupLayout layout = layout(Set.of("devices", "cpuset", "cpu", "freezer"));
        int pid = startChild();
        CgroupResources r = CgroupResources.builder()
                .cpuShares(512).cpuQuota(20000).cpuPeriod(100000)
                .cpusetCpus("0")
                .device(new DeviceRule(false, 'a', DeviceRule.ANY, DeviceRule.ANY, "rwm"))
                .device(new DeviceRule(true, 'c', 1, 3, "rwm"))
                .device(new DeviceRule(true, 'c', 1, 5, "rw"))
                .build();
        joined = new Cgroups(layout, new CgroupPath("/" + id), r).join(pid);

        assertEquals(Set.of("devices", "cpuset", "cpu", "freezer"), joined.keySet());
        assertEquals(List.of("c 1:3 rwm", "c 1:5 rw"), Files.readAllLines(joined.get("devices").resolve("devices.list")));
        assertEquals("0", Files.readString(joined.get("cpuset").resolve("cpuset.cpus")).strip());
        assertEquals(Files.readString(ROOT.resolve("cpuset/cpuset.mems")),
                Files.readString(joined.get("cpuset").resolve("cpuset.mems")));
        assertEquals("20000", Files.readString(joined.get("cpu").resolve("cpu.cfs_quota_us")).strip());
        assertEquals("512", Files.readString(joined.get("cpu").resolve("cpu.shares")).strip());

        Freezer.freeze(joined);
        assertTrue(Freezer.isFrozen(joined));
        Freezer.thaw(joined);
        assertFalse(Freezer.isFrozen(joined));

        child.destroyForcibly().waitFor();
        Cgroups.destroy(joined);
        for (Path dir : joined.values()) {
            assertFalse(Files.exists(dir), dir.toString());
        }
        joined = Map.of();
    }
}
