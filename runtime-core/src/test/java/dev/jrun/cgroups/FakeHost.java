package dev.jrun.cgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A host's cgroup tree in a temporary directory. What the kernel does by itself (control files
 * appear with a directory and vanish with it) the test does with {@link #cgroup} and
 * {@link #dropFiles}.
 */
final class FakeHost {

    static final String[] V1 = {"cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids", "name=systemd"};

    final Path root;
    final Path mountinfo;
    final Path selfCgroup;

    private FakeHost(Path dir) {
        this.root = dir.resolve("sys/fs/cgroup");
        this.mountinfo = dir.resolve("mountinfo");
        this.selfCgroup = dir.resolve("self-cgroup");
    }

    /** This VM's layout: one v1 hierarchy per controller, plus the empty unified one. */
    static FakeHost hybrid(Path dir, String memoryOwnCgroup) throws IOException {
        FakeHost host = new FakeHost(dir);
        StringBuilder mounts = new StringBuilder("31 23 0:28 / " + host.root + " rw,relatime - tmpfs tmpfs rw,mode=755\n");
        StringBuilder own = new StringBuilder();
        int id = 32;
        for (String controller : V1) {
            String name = controller.startsWith("name=") ? controller.substring(5) : controller;
            mounts.append(id++).append(" 31 0:").append(id).append(" / ").append(host.root.resolve(name))
                    .append(" rw,relatime shared:9 - cgroup cgroup rw,").append(controller).append('\n');
            own.insert(0, (id - 32) + ":" + controller + ":" + (controller.equals("memory") ? memoryOwnCgroup : "/") + "\n");
            Files.createDirectories(host.root.resolve(name));
            host.write(host.root.resolve(name), "cgroup.procs", "");
        }
        mounts.append("41 31 0:38 / ").append(host.root.resolve("unified")).append(" rw,relatime - cgroup2 cgroup2 rw\n");
        mounts.append("50 23 0:40 / /proc rw - proc proc rw\n");
        own.append("0::/\n");
        Files.createDirectories(host.root.resolve("unified"));
        host.write(host.root.resolve("cpuset"), "cpuset.cpus", "0-1\n");
        host.write(host.root.resolve("cpuset"), "cpuset.mems", "0\n");
        Files.writeString(host.mountinfo, mounts);
        Files.writeString(host.selfCgroup, own);
        return host;
    }

    /** A cgroup v2 host with the given controllers available at the root. */
    static FakeHost unified(Path dir, String ownCgroup, String controllers) throws IOException {
        FakeHost host = new FakeHost(dir);
        Files.createDirectories(host.root);
        host.write(host.root, "cgroup.controllers", controllers + "\n");
        host.write(host.root, "cgroup.subtree_control", "");
        Files.writeString(host.mountinfo, "30 23 0:26 / " + host.root + " rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
        Files.writeString(host.selfCgroup, "0::" + ownCgroup + "\n");
        return host;
    }

    CgroupLayout layout() {
        return CgroupLayout.detect(root, mountinfo, selfCgroup);
    }

    /** The directory as the kernel would make it, with (empty) control files. */
    Path cgroup(Path dir, String... files) {
        try {
            Files.createDirectories(dir);
            write(dir, "cgroup.procs", "");
            for (String file : files) {
                if (!Files.exists(dir.resolve(file))) {
                    write(dir, file, "");
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Path dir, String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What rmdir on cgroupfs does to the control files of a directory tree. */
    static void dropFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
