package dev.jrun.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.it.support.BaseRootfs;
import dev.jrun.it.support.Config;
import dev.jrun.it.support.Containers;
import dev.jrun.it.support.Host;
import dev.jrun.it.support.IdMapping;
import dev.jrun.it.support.Skip;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * procMount: Unmasked with a user namespace lets a container mount a fresh proc in a nested
 * user + PID namespace (bubblewrap, rootless BuildKit); any masking makes the kernel refuse it.
 */
class NestedSandboxTest {
    @RegisterExtension
    static final Containers containers = new Containers();

    private static final String UNSHARE = "unshare -r -p -f --mount-proc sh -c 'echo nested-pid=$$' 2>&1; echo rc=$?";
    private static final String BWRAP = BaseRootfs.BWRAP
            + " --ro-bind / / --proc /proc --dev /dev --unshare-all --new-session ps -o pid,args 2>&1; echo rc=$?";

    /** The Zuul executor's sandbox, as the issue reports it: only what it runs bound in, everything unshared. */
    private static final String BWRAP_SEED = BaseRootfs.BWRAP
            + " --ro-bind /usr /usr --ro-bind /bin /bin --ro-bind-try /lib /lib --ro-bind-try /lib64 /lib64"
            + " --proc /proc --dev /dev --unshare-all --new-session ps afx 2>&1; echo rc=$?";

    @BeforeAll
    static void needsUserNamespaces() {
        Skip.unless(Host.hasUserNamespaces(), "this kernel does not allow user namespaces");
    }

    @Test
    void unmaskedAllowsANestedProc() {
        String out = containers.output(nested(UNSHARE).unmasked());
        assertTrue(out.contains("nested-pid=1") && out.contains("rc=0"), out);
    }

    @Test
    void defaultMasksForbidANestedProc() {
        String out = containers.output(nested(UNSHARE));
        assertFalse(out.contains("nested-pid=1") || out.contains("rc=0"), out);
    }

    @Test
    void bubblewrapWorksOnlyUnmasked() {
        Skip.unless(BaseRootfs.has(BaseRootfs.BWRAP), "bubblewrap is not installed");
        String unmasked = containers.output(nested(BWRAP).unmasked());
        // ps is PID 2 under bwrap's init in a PID namespace of its own, where the container's shell is not
        assertTrue(unmasked.contains("rc=0") && Pattern.compile("(?m)^\\s*2 ps -o pid,args$").matcher(unmasked).find(), unmasked);
        assertFalse(unmasked.contains("/bin/sh"), "bwrap's PID namespace shows the container's processes: " + unmasked);

        String masked = containers.output(nested(BWRAP));
        assertTrue(masked.contains("Can't mount proc") && !masked.contains("rc=0"), masked);
    }

    @Test
    void bubblewrapSeedScenarioWorksOnlyUnmasked() {
        Skip.unless(BaseRootfs.has(BaseRootfs.BWRAP), "bubblewrap is not installed");
        String unmasked = containers.output(nested(BWRAP_SEED).unmasked());
        assertTrue(unmasked.contains("rc=0") && Pattern.compile("(?m)^\\s*2 .*ps afx$").matcher(unmasked).find(), unmasked);

        String masked = containers.output(nested(BWRAP_SEED));
        assertTrue(masked.contains("bwrap: Can't mount proc on /newroot/proc: Operation not permitted")
                && !masked.contains("rc=0"), masked);
    }

    /** What bwrap needs as root of a user namespace: CAP_SETFCAP to write a full uid map, SETUID and SETGID. */
    private static Config nested(String script) {
        return Config.shell(script)
                .userNamespace(new IdMapping(0, UserNamespaceTest.HOST_ID, 65536))
                .capabilities(Stream.concat(Config.DEFAULT_CAPS.stream(),
                        Stream.of("CAP_SETFCAP", "CAP_SETUID", "CAP_SETGID")).toList())
                .noNewPrivileges(true);
    }
}
