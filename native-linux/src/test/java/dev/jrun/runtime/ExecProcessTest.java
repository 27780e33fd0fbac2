package dev.jrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.spec.CapabilitySets;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Process;
import dev.jrun.spec.Rlimit;
import dev.jrun.spec.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What exec runs: the container's process with the command line's overrides, or a process.json. */
class ExecProcessTest {

    private static final CapabilitySets CONTAINER_CAPS = new CapabilitySets(
            List.of("CAP_KILL", "CAP_CHOWN"), List.of("CAP_KILL"), List.of(), List.of("CAP_KILL"), List.of("CAP_KILL"));

    private static final Process CONTAINER = new Process(false, null, new User(1000, 1000, 022L, List.of(5L), null),
            List.of("sleep", "infinity"), List.of("PATH=/bin", "HOME=/root"), "/srv", CONTAINER_CAPS,
            List.of(new Rlimit("RLIMIT_NOFILE", 1024, 1024)), false, "jrun-default", 100, "system_u:system_r:c:s0");

    @TempDir
    Path tmp;

    /** exec's options with the command line's defaults; change one field at a time. */
    private static final class Exec {
        Optional<Path> processJson = Optional.empty();
        List<String> args = List.of("ps", "-ef");
        List<String> env = List.of();
        Optional<String> cwd = Optional.empty();
        Optional<String> user = Optional.empty();
        List<Integer> additionalGids = List.of();
        List<String> capAdd = List.of();
        boolean noNewPrivileges;
        boolean tty;

        Process of(Process container) {
            return ExecProcess.of(new ExecOptions("c1", processJson, args, env, cwd, user, additionalGids, capAdd,
                    noNewPrivileges, false, Optional.empty(), 0, tty, Optional.empty()), container);
        }
    }

    @Test
    void theArgsReplaceTheContainersAndTheRestIsKept() {
        Process process = new Exec().of(CONTAINER);
        assertEquals(List.of("ps", "-ef"), process.args());
        assertEquals(CONTAINER.env(), process.env());
        assertEquals("/srv", process.cwd());
        assertSame(CONTAINER.user(), process.user());
        assertEquals(CONTAINER_CAPS, process.capabilities());
        assertEquals(CONTAINER.rlimits(), process.rlimits());
        assertEquals("jrun-default", process.apparmorProfile());
        assertEquals("system_u:system_r:c:s0", process.selinuxLabel());
        assertFalse(process.noNewPrivileges());
        assertFalse(process.terminal());
    }

    @Test
    void theOomScoreIsTheInitsAndNotSetAgain() {
        assertNull(new Exec().of(CONTAINER).oomScoreAdj());
    }

    @Test
    void envIsAppendedToTheContainersEnvironment() {
        Exec exec = new Exec();
        exec.env = List.of("DEBUG=1", "HOME=/tmp");
        assertEquals(List.of("PATH=/bin", "HOME=/root", "DEBUG=1", "HOME=/tmp"), exec.of(CONTAINER).env());
    }

    @Test
    void cwdReplacesTheContainers() {
        Exec exec = new Exec();
        exec.cwd = Optional.of("/tmp");
        assertEquals("/tmp", exec.of(CONTAINER).cwd());
    }

    @Test
    void aUserAloneKeepsTheContainersGroupAndUmask() {
        Exec exec = new Exec();
        exec.user = Optional.of("0");
        User user = exec.of(CONTAINER).user();
        assertEquals(0, user.uid());
        assertEquals(1000, user.gid());
        assertEquals(022L, user.umask());
        assertEquals(List.of(5L), user.additionalGids());
    }

    @Test
    void aUserWithAGroupSetsBoth() {
        Exec exec = new Exec();
        exec.user = Optional.of("33:44");
        User user = exec.of(CONTAINER).user();
        assertEquals(33, user.uid());
        assertEquals(44, user.gid());
    }

    @Test
    void aUserThatIsNotNumericIsRefused() {
        for (String bad : List.of("www-data", "1000:staff", "1000:", ":1000")) {
            Exec exec = new Exec();
            exec.user = Optional.of(bad);
            ConfigException e = assertThrows(ConfigException.class, () -> exec.of(CONTAINER), bad);
            assertEquals("exec --user " + bad + ": expected UID[:GID] as numbers", e.getMessage());
        }
    }

    @Test
    void additionalGidsAreAddedToTheContainersAsRuncDoes() {
        Exec exec = new Exec();
        exec.additionalGids = List.of(10, 20);
        User user = exec.of(CONTAINER).user();
        assertEquals(List.of(5L, 10L, 20L), user.additionalGids());
        assertEquals(1000, user.uid());
    }

    @Test
    void capAddsToEverySetButAmbientOnceEach() {
        Exec exec = new Exec();
        exec.capAdd = List.of("net_admin", "CAP_KILL", "cap_sys_ptrace");
        CapabilitySets caps = exec.of(CONTAINER).capabilities();
        assertEquals(List.of("CAP_KILL", "CAP_CHOWN", "CAP_NET_ADMIN", "CAP_SYS_PTRACE"), caps.bounding());
        assertEquals(List.of("CAP_KILL", "CAP_NET_ADMIN", "CAP_SYS_PTRACE"), caps.effective());
        assertEquals(List.of("CAP_NET_ADMIN", "CAP_KILL", "CAP_SYS_PTRACE"), caps.inheritable());
        assertEquals(List.of("CAP_KILL", "CAP_NET_ADMIN", "CAP_SYS_PTRACE"), caps.permitted());
        assertEquals(List.of("CAP_KILL"), caps.ambient());
    }

    @Test
    void capOnAContainerWithoutCapabilitiesStartsFromNone() {
        Process bare = new Process(false, null, null, List.of("sh"), List.of(), "/", null, List.of(), false, null,
                null, null);
        Exec exec = new Exec();
        exec.capAdd = List.of("CAP_NET_RAW");
        CapabilitySets caps = exec.of(bare).capabilities();
        assertEquals(new CapabilitySets(List.of("CAP_NET_RAW"), List.of("CAP_NET_RAW"), List.of("CAP_NET_RAW"),
                List.of("CAP_NET_RAW"), List.of()), caps);
    }

    @Test
    void anUnknownCapabilityIsRefused() {
        Exec exec = new Exec();
        exec.capAdd = List.of("CAP_KILL", "fly");
        assertEquals("exec --cap CAP_FLY: unknown capability",
                assertThrows(ConfigException.class, () -> exec.of(CONTAINER)).getMessage());
    }

    @Test
    void noNewPrivilegesIsSetByEitherSide() {
        Exec exec = new Exec();
        exec.noNewPrivileges = true;
        assertTrue(exec.of(CONTAINER).noNewPrivileges());
        Process strict = new Process(false, null, null, List.of("sh"), List.of(), "/", null, List.of(), true, null,
                null, null);
        assertTrue(new Exec().of(strict).noNewPrivileges());
    }

    @Test
    void ttyAsksForATerminal() {
        Exec exec = new Exec();
        exec.tty = true;
        assertTrue(exec.of(CONTAINER).terminal());
    }

    @Test
    void aProcessFileIsTakenAsItIsWithoutOverrides() throws IOException {
        Path file = tmp.resolve("process.json");
        Files.writeString(file, "{\"user\":{\"uid\":7,\"gid\":8},\"args\":[\"/bin/true\"],\"cwd\":\"/\","
                + "\"env\":[\"A=1\"]}");
        Exec exec = new Exec();
        exec.processJson = Optional.of(file);
        exec.env = List.of("IGNORED=1");
        Process process = exec.of(CONTAINER);
        assertEquals(List.of("/bin/true"), process.args());
        assertEquals(List.of("A=1"), process.env());
        assertEquals(new User(7, 8), process.user());
        assertNull(process.capabilities());
    }

    @Test
    void aMissingProcessFileIsAFailureThatNamesIt() {
        Path file = tmp.resolve("nope.json");
        Exec exec = new Exec();
        exec.processJson = Optional.of(file);
        assertEquals("read " + file + ": no such file or directory",
                assertThrows(RuntimeFailure.class, () -> exec.of(CONTAINER)).getMessage());
    }
}
