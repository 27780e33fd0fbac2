package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** seccompProfile, sysctls and the OOM score: settings the kernel applies to the container's process. */
class KernelSettingsTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    @Test
    void seccompMakesTheListedSyscallsFailWithErrnoRet() {
        Config config = Config.shell("mkdir /tmp/x 2>&1; echo mkdir=$?; touch /tmp/y && echo touch=$?")
                .seccompErrno(1, "mkdir", "mkdirat");
        String out = containers.output(config);
        assertTrue(out.contains("Operation not permitted") && !out.contains("mkdir=0"), "mkdir was allowed: " + out);
        assertTrue(out.contains("touch=0"), "seccomp denied more than mkdir: " + out);
    }

    /** In the container's own network namespace: the host's value stays as it was. */
    @Test
    void sysctlIsSetInTheContainersNamespace() throws Exception {
        Path hostForward = Path.of("/proc/sys/net/ipv4/ip_forward");
        String before = Files.readString(hostForward);
        Config config = Config.shell("cat /proc/sys/net/ipv4/ip_forward").sysctl("net.ipv4.ip_forward", "1");
        assertEquals("1", containers.output(config).strip());
        assertEquals(before, Files.readString(hostForward), "the host's ip_forward changed");
    }

    @Test
    void oomScoreAdjIsSet() {
        assertEquals("500", containers.output(Config.shell("cat /proc/self/oom_score_adj").oomScoreAdj(500)).strip());
    }
}
