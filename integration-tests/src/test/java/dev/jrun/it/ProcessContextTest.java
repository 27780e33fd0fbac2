package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Command;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the configured process gets: environment, identity, limits, file systems, devices, namespaces, fds. */
class ProcessContextTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    @Test
    void envCwdAndHostname() {
        Config config = Config.shell("echo \"$FOO\"; pwd; hostname").env("FOO=bar baz").cwd("/tmp");
        assertEquals(List.of("bar baz", "/tmp", Config.HOSTNAME), lines(containers.output(config)));
    }

    @Test
    void rlimitsAreSet() {
        Config config = Config.shell("ulimit -Sn; ulimit -Hn").rlimit("RLIMIT_NOFILE", 777, 888);
        assertEquals(List.of("777", "888"), lines(containers.output(config)));
    }

    @Test
    void userGroupAndAdditionalGroups() {
        Config config = Config.shell("id -u; id -g; id -G").user(1000, 3000, 2000, 4000);
        List<String> out = lines(containers.output(config));
        assertEquals(List.of("1000", "3000"), out.subList(0, 2));
        assertEquals(List.of(2000, 3000, 4000), Arrays.stream(out.get(2).split(" ")).map(Integer::valueOf).sorted().toList());
    }

    @Test
    void readonlyRootfsRefusesWrites() {
        String out = containers.output(Config.shell("touch /probe 2>&1; echo rc=$?").readonlyRoot());
        assertTrue(out.contains("Read-only") && !out.contains("rc=0"), out);
    }

    @Test
    void tmpfsMountWithItsOptions() {
        Config config = Config.shell("grep ' /scratch ' /proc/self/mountinfo; echo x > /scratch/f && echo written")
                .mount("/scratch", "tmpfs", "tmpfs", "nosuid", "size=1m", "mode=755");
        String out = containers.output(config);
        assertTrue(out.contains(" tmpfs ") && out.contains("size=1024k") && out.contains("mode=755"), out);
        assertTrue(out.contains("written"), out);
    }

    @Test
    void bindMountsReadWriteAndReadOnly() throws Exception {
        Path shared = Workspace.newDir("shared-");
        try {
            Files.writeString(shared.resolve("from-host"), "host says hi\n");
            Config config = Config.shell(
                    "cat /data/from-host; echo from-container > /data/out; (echo x > /ro/denied) 2>&1; echo ro-rc=$?")
                    .mount("/data", "bind", shared.toString(), "rbind", "rw")
                    .mount("/ro", "bind", shared.toString(), "rbind", "ro");
            String out = containers.output(config);
            assertTrue(out.startsWith("host says hi\n"), out);
            assertEquals("from-container\n", Files.readString(shared.resolve("out")), "write through the bind mount");
            assertTrue(out.contains("Read-only") && !out.contains("ro-rc=0"), "ro bind took a write: " + out);
            assertFalse(Files.exists(shared.resolve("denied")), "ro bind took a write");
        } finally {
            Workspace.remove(shared);
        }
    }

    @Test
    void defaultDevices() {
        String out = containers.output(Config.shell(String.join("; ",
                "stat -c '%F %t:%T' /dev/null",
                "echo x > /dev/null && echo null-writable",
                "head -c 4 /dev/zero | wc -c",
                "head -c 16 /dev/urandom | wc -c",
                "readlink /dev/fd")));
        assertEquals(List.of("character special file 1:3", "null-writable", "4", "16", "/proc/self/fd"), lines(out));
    }

    /** Compared by inode, the number in "pid:[4026531836]": the link text alone proves nothing across namespaces. */
    @Test
    void namespacesAreNewExceptTheUserNamespace() {
        List<String> types = List.of("pid", "net", "ipc", "uts", "mnt", "user");
        String script = types.stream().map(t -> "echo " + t + "=$(readlink /proc/self/ns/" + t + ")").collect(Collectors.joining("; "));
        Map<String, Long> inside = new HashMap<>();
        for (String line : lines(containers.output(Config.shell(script)))) {
            String[] kv = line.split("=", 2);
            inside.put(kv[0], Host.parseNamespaceInode(kv[1]));
        }
        for (String type : types.subList(0, 5)) {
            assertNotEquals(Host.namespaceInode("/proc/self/ns/" + type), inside.get(type), type + " namespace is the host's");
        }
        assertEquals(Host.namespaceInode("/proc/self/ns/user"), inside.get("user"), "a user namespace nobody asked for");
    }

    /** Only 0, 1, 2 and the directory ls itself opened: the runtime's descriptors stay outside (CVE-2024-21626). */
    @Test
    void noDescriptorLeaksIntoTheContainer() {
        String out = containers.output(Config.shell("ls -l /proc/self/fd"));
        assertEquals(List.of(), descriptorsBeyond(2, out), "descriptors beyond stdio:\n" + out);
    }

    /** The lines of `ls -l /proc/self/fd` for fds above the last one expected, ls's own directory left out. */
    private static List<String> descriptorsBeyond(int last, String lsOutput) {
        return lines(lsOutput).stream()
                .filter(l -> l.contains(" -> "))
                .filter(l -> !l.matches(".* \\d+ -> /proc/\\d+/fd"))
                .filter(l -> Integer.parseInt(l.replaceAll(".* (\\d+) -> .*", "$1")) > last)
                .toList();
    }

    /** Java cannot hand a child fd 3, so a host shell opens it and execs the runtime. */
    @Test
    void preserveFdsPassesDescriptorThree() throws Exception {
        Path marker = Workspace.dir().resolve("fd3-" + ProcessHandle.current().pid());
        Files.writeString(marker, "through fd 3\n");
        String id = containers.newId("fds");
        try (Bundle bundle = Bundle.of(Config.shell("cat <&3; ls -l /proc/self/fd"))) {
            List<String> argv = containers.runtime().argv("run", "--preserve-fds", "1", "--bundle", bundle.dir().toString(), id);
            Result run = Command.sh("exec 3<" + quote(marker.toString()) + "; exec "
                    + argv.stream().map(ProcessContextTest::quote).collect(Collectors.joining(" "))).ok();
            assertEquals("through fd 3", run.outLines().get(0), run.describe());
            assertEquals(List.of(), descriptorsBeyond(3, run.out()), "fds beyond 3 were not asked for:\n" + run.out());
        } finally {
            containers.runtime().deleteForce(id);
            Files.deleteIfExists(marker);
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<String> lines(String out) {
        return out.strip().lines().toList();
    }
}
