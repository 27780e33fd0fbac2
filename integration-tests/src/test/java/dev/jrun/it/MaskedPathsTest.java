package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.Bundle;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Leftovers;
import dev.jrun.it.support.Result;
import dev.jrun.it.support.RuntimeCli;
import dev.jrun.it.support.Skip;
import dev.jrun.it.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default procMount: masked files read as /dev/null, masked directories as an empty
 * read-only tmpfs, read-only paths refuse writes; and the hardening around them.
 */
class MaskedPathsTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final List<String> CAPS_WITH_SYS_ADMIN =
            Stream.concat(Config.DEFAULT_CAPS.stream(), Stream.of("CAP_SYS_ADMIN")).toList();

    /** A masked file this kernel has and that has something to hide (kcore is absent on some kernels). */
    @Test
    void aMaskedFileIsDevNull() {
        String file = hostPath(p -> Files.isRegularFile(p) && readable(p), "/proc/kcore", "/proc/timer_list", "/proc/keys", "/proc/sched_debug");
        String out = containers.output(Config.shell("stat -c '%F %t:%T' " + file + "; wc -c < " + file));
        assertEquals(List.of("character special file 1:3", "0"), out.strip().lines().toList(), file + " is not masked");
    }

    @Test
    void aMaskedDirectoryListsEmpty() {
        String dir = hostPath(p -> Files.isDirectory(p) && !list(p).isEmpty(), "/proc/acpi", "/sys/firmware");
        String out = containers.output(Config.shell("ls -A " + dir + " | wc -l; (touch " + dir + "/x) 2>&1; echo rc=$?"));
        assertTrue(out.startsWith("0\n"), dir + " lists entries: " + out);
        assertFalse(out.contains("rc=0"), "a masked directory took a write: " + out);
    }

    @Test
    void aMissingMaskedPathIsSkipped() {
        Config config = Config.shell("echo ran").addMaskedPath("/proc/no-such-file").addMaskedPath("/no/such/dir");
        assertEquals("ran\n", containers.output(config));
    }

    /**
     * A masked or read-only path that is a symlink in the rootfs to a host file must be resolved
     * inside the rootfs: the host file is neither masked, nor changed, nor exposed.
     */
    @Test
    void aSymlinkToAHostFileIsNotFollowed() throws Exception {
        Path secret = Workspace.dir().resolve("host-secret");
        Files.writeString(secret, "host data\n");
        Config config = Config.shell("cat /proc/self/mountinfo; cat /etc/evil /etc/evil-ro 2>&1")
                .addMaskedPath("/etc/evil").readonlyPaths(
                        Stream.concat(Config.DEFAULT_READONLY.stream(), Stream.of("/etc/evil-ro")).toArray(String[]::new));
        try (Bundle bundle = Bundle.of(config)) {
            Files.createSymbolicLink(bundle.inside("/etc/evil"), secret);
            Files.createSymbolicLink(bundle.inside("/etc/evil-ro"), secret);
            Result run = containers.run(bundle);
            assertEquals("host data\n", Files.readString(secret), "the host file changed or is masked");
            assertFalse(run.out().contains(secret.toString()), "a host path is mounted in the container:\n" + run.out());
            assertFalse(run.out().contains("host data"), "the host file is readable in the container:\n" + run.out());
        }
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(secret.toString()), "a host path was mounted on the host");
    }

    /** A regular file bound over /dev/null would unmask what it is bound over (CVE-2025-31133). */
    @Test
    void aFakeDevNullFromAMountIsRefused() throws Exception {
        Path fake = Workspace.dir().resolve("fake-null-" + ProcessHandle.current().pid());
        Files.writeString(fake, "not a device\n");
        try (Bundle bundle = Bundle.of(Config.of("/bin/true").mount("/dev/null", "bind", fake.toString(), "bind"))) {
            assertFakeDevNullRefused(bundle);
            assertEquals("not a device\n", Files.readString(fake), "the fake /dev/null changed");
        } finally {
            Files.deleteIfExists(fake);
        }
    }

    /** The same without the /dev tmpfs: the rootfs's own /dev/null is a regular file. */
    @Test
    void aFakeDevNullInTheRootfsIsRefused() throws Exception {
        try (Bundle bundle = Bundle.of(Config.of("/bin/true").withoutMount("/dev"))) {
            Files.writeString(bundle.inside("/dev/null"), "not a device\n");
            assertFakeDevNullRefused(bundle);
        }
    }

    private static void assertFakeDevNullRefused(Bundle bundle) {
        RuntimeCli runtime = containers.runtime();
        String id = containers.newId("fakenull");
        Leftovers leftovers = Leftovers.watch(runtime, bundle.dir(), id);
        Result create = runtime.exec("create", "--bundle", bundle.dir().toString(), id);
        try {
            if (create.exit() != 0) {
                assertFalse(create.err().isBlank(), "refused without a message");
            } else {
                Skip.jrunOnly(runtime, "refusing a fake /dev/null (runc does since 1.2.8)",
                        () -> assertNotEquals(0, create.exit(), "create accepted a fake /dev/null: " + create.describe()));
            }
        } finally {
            runtime.deleteForce(id);
        }
        leftovers.assertNothingNew(create.exit() == 0 ? "delete" : "a refused create");
    }

    /** Even a root holding CAP_SYS_ADMIN cannot write them; read from the mount flags, so nothing is written. */
    @Test
    void readonlyPathsRefuseWrites() {
        Config config = Config.shell("(echo x > /proc/sys/kernel/domainname) 2>&1; echo rc=$?; cat /proc/self/mountinfo")
                .capabilities(CAPS_WITH_SYS_ADMIN);
        String out = containers.output(config);
        assertTrue(out.contains("Read-only") && !out.contains("rc=0"), "/proc/sys took a write: " + out);
        for (String path : Config.DEFAULT_READONLY) {
            if (Files.exists(Path.of(path))) {
                String options = out.lines().map(l -> l.split(" "))
                        .filter(f -> f.length > 5 && f[4].equals(path))
                        .reduce((first, last) -> last)
                        .map(f -> f[5])
                        .orElseThrow(() -> new AssertionError(path + " is not a mount point:\n" + out));
                assertTrue(List.of(options.split(",")).contains("ro"), path + " is mounted " + options);
            }
        }
    }

    private static String hostPath(Predicate<Path> usable, String... candidates) {
        Optional<String> found = Stream.of(candidates).filter(c -> Config.DEFAULT_MASKED.contains(c))
                .filter(c -> usable.test(Path.of(c))).findFirst();
        Skip.unless(found.isPresent(), "this host has none of " + List.of(candidates) + " to mask");
        return found.get();
    }

    private static boolean readable(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
