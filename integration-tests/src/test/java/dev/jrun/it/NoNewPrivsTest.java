package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrun.it.support.BaseRootfs;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Skip;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** allowPrivilegeEscalation: false, which reaches the runtime as process.noNewPrivileges. */
class NoNewPrivsTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    @Test
    void theFlagIsSetExactlyWhenAskedFor() {
        Config config = Config.shell("grep NoNewPrivs /proc/self/status");
        assertEquals(List.of("NoNewPrivs:", "1"), words(containers.output(config.noNewPrivileges(true))));
        assertEquals(List.of("NoNewPrivs:", "0"), words(containers.output(config.noNewPrivileges(false))));
    }

    @Test
    void aSetuidRootBinaryGainsNothingUnderNoNewPrivs() {
        Skip.unless(BaseRootfs.has(BaseRootfs.SETUID_PROBE), "no gcc to build the setuid probe");
        Config config = Config.of(BaseRootfs.SETUID_PROBE).user(1000, 1000);
        assertEquals("euid=0", containers.output(config.noNewPrivileges(false)).strip(), "the probe is not setuid root");
        assertEquals("euid=1000", containers.output(config.noNewPrivileges(true)).strip(), "setuid worked despite no_new_privs");
    }

    private static List<String> words(String out) {
        return List.of(out.strip().split("\\s+"));
    }
}
