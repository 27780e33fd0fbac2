package dev.jrun.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void findsEveryV1HierarchyAndTheHybridUnifiedOne() throws IOException {
        FakeHost host = FakeHost.hybrid(tmp, "/process_api/7c1f");
        CgroupLayout layout = host.layout();
        assertFalse(layout.unified());
        assertEquals(List.of(List.of("cpu"), List.of("cpuacct"), List.of("cpuset"), List.of("memory"), List.of("devices"),
                List.of("freezer"), List.of("blkio"), List.of("pids"), List.of("name=systemd"), List.of("")),
                layout.hierarchies().stream().map(Hierarchy::keys).toList());
        Hierarchy memory = layout.hierarchy("memory").orElseThrow();
        assertEquals(host.root.resolve("memory"), memory.mountPoint());
        assertEquals(host.root.resolve("memory/process_api/7c1f"), memory.base());
        assertEquals(host.root.resolve("systemd"), layout.hierarchy("name=systemd").orElseThrow().mountPoint());
        assertTrue(layout.hierarchy("").orElseThrow().unified());
    }

    @Test
    void relativePathsStartAtTheOwnCgroupAbsoluteOnesAtTheRoot() throws IOException {
        FakeHost host = FakeHost.hybrid(tmp, "/process_api/7c1f");
        Map<String, Path> relative = new Cgroups(host.layout(), CgroupPath.resolve("", "abc", false), CgroupResources.NONE).paths();
        assertEquals(host.root.resolve("memory/process_api/7c1f/abc"), relative.get("memory"));
        assertEquals(host.root.resolve("pids/abc"), relative.get("pids"));
        assertEquals(host.root.resolve("unified/abc"), relative.get(""));
        Map<String, Path> absolute = new Cgroups(host.layout(), CgroupPath.resolve("/k8s/abc", "abc", false),
                CgroupResources.NONE).paths();
        assertEquals(host.root.resolve("memory/k8s/abc"), absolute.get("memory"));
        assertEquals(10, absolute.size());
    }

    @Test
    void combinedMountsServeEachOfTheirControllers() throws IOException {
        Path root = tmp.resolve("cg");
        Files.createDirectories(root);
        Files.writeString(tmp.resolve("mountinfo"),
                "1 0 0:1 / " + root + "/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct,xattr\n"
                + "2 0 0:2 / " + root + "/pids rw - cgroup cgroup rw,pids,clone_children\n"
                + "3 0 0:3 / /elsewhere/memory rw - cgroup cgroup rw,memory\n"
                + "4 0 0:4 / " + root + "/pids2 rw - cgroup cgroup rw,pids\n");
        Files.writeString(tmp.resolve("cgroup"), "3:memory:/\n2:pids:/p\n1:cpu,cpuacct:/c\n0::/\n");
        CgroupLayout layout = CgroupLayout.detect(root, tmp.resolve("mountinfo"), tmp.resolve("cgroup"));
        assertEquals(List.of(List.of("cpu", "cpuacct"), List.of("pids"), List.of("pids")),
                layout.hierarchies().stream().map(Hierarchy::keys).toList());
        assertEquals(root.resolve("cpu,cpuacct/c"), layout.hierarchy("cpuacct").orElseThrow().base());
        Map<String, Path> paths = new Cgroups(layout, new CgroupPath("x"), CgroupResources.NONE).paths();
        assertEquals(root.resolve("cpu,cpuacct/c/x"), paths.get("cpu"));
        assertEquals(paths.get("cpu"), paths.get("cpuacct"));
    }

    @Test
    void aMountOfASubtreeResolvesTheOwnCgroupInsideIt() throws IOException {
        Path root = tmp.resolve("cg");
        Files.createDirectories(root);
        Files.writeString(tmp.resolve("mountinfo"),
                "1 0 0:1 /docker/ctr " + root + "/mem\\040ory rw - cgroup cgroup rw,memory\n");
        Files.writeString(tmp.resolve("cgroup"), "3:memory:/docker/ctr/sub\n");
        Hierarchy memory = CgroupLayout.detect(root, tmp.resolve("mountinfo"), tmp.resolve("cgroup"))
                .hierarchy("memory").orElseThrow();
        assertEquals(root.resolve("mem ory"), memory.mountPoint());
        assertEquals(root.resolve("mem ory/sub"), memory.base());
    }

    @Test
    void detectsV2ByItsControllersFile() throws IOException {
        FakeHost host = FakeHost.unified(tmp, "/user.slice/session-1.scope", "cpu memory pids");
        CgroupLayout layout = host.layout();
        assertTrue(layout.unified());
        assertEquals(List.of(List.of("")), layout.hierarchies().stream().map(Hierarchy::keys).toList());
        Map<String, Path> paths = new Cgroups(layout, new CgroupPath("abc"), CgroupResources.NONE).paths();
        // v2: relative to the parent of the own cgroup, which has processes in it
        assertEquals(Map.of("", host.root.resolve("user.slice/abc")), paths);
        assertEquals(Map.of("", host.root.resolve("a/b")),
                new Cgroups(layout, new CgroupPath("/a/b"), CgroupResources.NONE).paths());
    }

    @Test
    void failsWithoutAnyHierarchy() throws IOException {
        Files.writeString(tmp.resolve("mountinfo"), "1 0 0:1 / / rw - ext4 /dev/sda1 rw\n");
        Files.writeString(tmp.resolve("cgroup"), "0::/\n");
        CgroupException e = assertThrows(CgroupException.class,
                () -> CgroupLayout.detect(tmp.resolve("cg"), tmp.resolve("mountinfo"), tmp.resolve("cgroup")));
        assertEquals("no cgroup hierarchy is mounted under " + tmp.resolve("cg"), e.getMessage());
    }

    @Test
    void readsThisHost() {
        Path root = Path.of("/sys/fs/cgroup");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(root), "no /sys/fs/cgroup");
        CgroupLayout layout = CgroupLayout.host();
        assertFalse(layout.hierarchies().isEmpty());
        for (Hierarchy h : layout.hierarchies()) {
            assertTrue(Files.isDirectory(h.base()), h.base().toString());
        }
    }
}
