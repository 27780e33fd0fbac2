package dev.jrun.plan;

import dev.jrun.spec.Seccomp;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the hand-off stage does to become the container process: credentials, capability
 * masks, limits, no_new_privs, seccomp, labels, and what to execute.
 *
 * @param oomScoreAdj written by the CLI to /proc/PID/oom_score_adj of the init, from the host
 * @param terminal    the process gets a pty as its stdio (process.terminal)
 */
public record ProcessPlan(List<String> args, List<String> env, String cwd, long uid, long gid,
                          List<Long> additionalGids, CapabilityMasks capabilities, List<ResourceLimit> rlimits,
                          boolean noNewPrivileges, Optional<String> apparmorProfile, Optional<String> selinuxLabel,
                          OptionalInt umask, OptionalInt oomScoreAdj, Optional<Seccomp> seccomp,
                          boolean terminal, Optional<ConsoleSize> consoleSize) {

    public ProcessPlan {
        args = List.copyOf(args);
        env = List.copyOf(env);
        additionalGids = List.copyOf(additionalGids);
        rlimits = List.copyOf(rlimits);
    }

    /** The five capability sets as bit masks (bit n is capability n). */
    public record CapabilityMasks(long bounding, long effective, long permitted, long inheritable, long ambient) {
    }

    /** The pty's initial size. */
    public record ConsoleSize(long height, long width) {
    }

    /** setrlimit(resource, soft, hard); RLIM_INFINITY is -1. */
    public record ResourceLimit(int resource, long soft, long hard) {
    }
}
