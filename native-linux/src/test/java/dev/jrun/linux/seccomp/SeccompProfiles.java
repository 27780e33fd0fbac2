package dev.jrun.linux.seccomp;

import dev.jrun.spec.Seccomp;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Small profiles for the tests, written the way config.json spells them. */
final class SeccompProfiles {

    private SeccompProfiles() {
    }

    static Seccomp profile(String defaultAction, Seccomp.Syscall... rules) {
        return new Seccomp(defaultAction, null, List.of(), List.of(), null, null, List.of(rules));
    }

    static Seccomp withArchitectures(Seccomp profile, String... architectures) {
        return new Seccomp(profile.defaultAction(), profile.defaultErrnoRet(), List.of(architectures),
                profile.flags(), null, null, profile.syscalls());
    }

    static Seccomp withFlags(Seccomp profile, String... flags) {
        return new Seccomp(profile.defaultAction(), profile.defaultErrnoRet(), profile.architectures(),
                List.of(flags), null, null, profile.syscalls());
    }

    static Seccomp.Syscall rule(String action, String... names) {
        return new Seccomp.Syscall(List.of(names), action, null, List.of());
    }

    static Seccomp.Syscall errno(long errnoRet, String... names) {
        return new Seccomp.Syscall(List.of(names), "SCMP_ACT_ERRNO", errnoRet, List.of());
    }

    static Seccomp.Syscall withArgs(Seccomp.Syscall rule, Seccomp.Arg... args) {
        return new Seccomp.Syscall(rule.names(), rule.action(), rule.errnoRet(), List.of(args));
    }

    static Seccomp.Arg arg(long index, String op, long value) {
        return new Seccomp.Arg(index, value, 0, op);
    }

    /** Skips the calling test, saying why, on a host without libseccomp. */
    static void assumeLibseccomp() {
        try {
            SeccompFilter.library();
        } catch (SeccompException e) {
            System.err.println("skipped: " + e.getMessage());
            Assumptions.abort(e.getMessage());
        }
    }
}
