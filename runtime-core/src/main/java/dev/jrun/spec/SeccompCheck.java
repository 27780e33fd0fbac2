package dev.jrun.spec;

import java.util.List;
import java.util.Set;

/** Checks of {@code linux.seccomp}: every name must be one libseccomp (and so the filter builder) knows. */
final class SeccompCheck {

    static final Set<String> ACTIONS = Set.of(
            "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_TRAP", "SCMP_ACT_ERRNO",
            "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY");

    static final Set<String> OPERATORS = Set.of(
            "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT",
            "SCMP_CMP_MASKED_EQ");

    static final Set<String> ARCHITECTURES = Set.of(
            "SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64",
            "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64",
            "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390",
            "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64",
            "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB");

    static final Set<String> FLAGS = Set.of(
            "SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
            "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV");

    private static final String NOTIFY = "SCMP_ACT_NOTIFY";
    private static final String PATH = "linux.seccomp";

    private SeccompCheck() {
    }

    static void seccomp(Spec spec, HostFacts host, Findings out) {
        Seccomp seccomp = spec.linuxOrEmpty().seccomp();
        if (seccomp == null) {
            return;
        }
        action(seccomp.defaultAction(), PATH + ".defaultAction", out);
        if (NOTIFY.equals(seccomp.defaultAction())) {
            // The filter is installed before the helper hands its notify fd over with write(2).
            out.error(PATH + ".defaultAction", "SCMP_ACT_NOTIFY cannot be the default action");
        }
        known(seccomp.architectures(), ARCHITECTURES, PATH + ".architectures", "architecture", out);
        known(seccomp.flags(), FLAGS, PATH + ".flags", "flag", out);
        boolean notifies = false;
        for (int i = 0; i < seccomp.syscalls().size(); i++) {
            notifies |= syscall(seccomp.syscalls().get(i), Check.at(PATH + ".syscalls", i), out);
        }
        if (notifies && (seccomp.listenerPath() == null || seccomp.listenerPath().isEmpty())) {
            out.error(PATH + ".listenerPath", "must be set when SCMP_ACT_NOTIFY is used");
        }
    }

    /** Checks one rule; tells whether it notifies. */
    private static boolean syscall(Seccomp.Syscall rule, String path, Findings out) {
        if (rule.names().isEmpty()) {
            out.error(path + ".names", "must not be empty");
        }
        action(rule.action(), path + ".action", out);
        boolean notifies = NOTIFY.equals(rule.action());
        if (notifies && rule.names().contains("write")) {
            out.error(path, "SCMP_ACT_NOTIFY cannot be used for write");
        }
        List<Seccomp.Arg> args = rule.args();
        for (int j = 0; j < args.size(); j++) {
            String at = Check.at(path + ".args", j);
            if (args.get(j).index() < 0 || args.get(j).index() > 5) {
                out.error(at + ".index", "must be between 0 and 5");
            }
            if (!OPERATORS.contains(String.valueOf(args.get(j).op()))) {
                out.error(at + ".op", "unknown operator " + Check.quote(String.valueOf(args.get(j).op())));
            }
        }
        return notifies;
    }

    private static void action(String action, String path, Findings out) {
        if (!ACTIONS.contains(String.valueOf(action))) {
            out.error(path, "unknown action " + Check.quote(String.valueOf(action)));
        }
    }

    private static void known(List<String> values, Set<String> known, String path, String what, Findings out) {
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                out.error(Check.at(path, i), "unknown " + what + " " + Check.quote(values.get(i)));
            }
        }
    }
}
