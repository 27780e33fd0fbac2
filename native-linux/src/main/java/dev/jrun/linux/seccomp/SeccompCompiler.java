package dev.jrun.linux.seccomp;

import dev.jrun.spec.Seccomp;
import java.util.List;
import java.util.Locale;

/**
 * Compiles {@code linux.seccomp} into the BPF program and flags that the helper loads with
 * seccomp(SECCOMP_SET_MODE_FILTER) right before execve (hand-off records SECCOMP_BPF and
 * SECCOMP_FLAGS). libseccomp builds the program; this class only feeds it, as runc does.
 */
public final class SeccompCompiler {

    /** The kernel's BPF_MAXINSNS: a longer program is refused by seccomp(2). */
    static final int MAX_INSTRUCTIONS = 4096;

    private static final int INSTRUCTION_SIZE = 8;
    private static final String ARCH_PREFIX = "SCMP_ARCH_";
    // runc's threshold: libseccomp up to 2.5.4 misbehaves with a binary tree and no rules.
    private static final int BINARY_TREE_FROM = 33;

    /**
     * A compiled profile.
     *
     * @param bpf   {@code struct sock_filter[]} in native byte order, 8 bytes per instruction
     * @param flags the flags argument of seccomp(SECCOMP_SET_MODE_FILTER)
     */
    public record Compiled(byte[] bpf, int flags) {
    }

    private SeccompCompiler() {
    }

    /**
     * Syscall names this libseccomp does not know are skipped, so that one profile serves old and
     * new kernels (runc does the same). Throws {@link dev.jrun.spec.ConfigException} for a profile
     * error and {@link SeccompException} when libseccomp is missing or refuses a call.
     */
    public static Compiled compile(Seccomp profile) {
        int defaultAction = SeccompRules.action(profile.defaultAction(), profile.defaultErrnoRet(),
                SeccompRules.PATH + ".defaultAction");
        int flags = SeccompRules.flags(profile.flags());
        List<SeccompRules.Rule> rules = SeccompRules.rules(profile, defaultAction);
        byte[] bpf;
        try (SeccompFilter filter = SeccompFilter.create(defaultAction)) {
            configure(filter, profile.syscalls().size());
            addArchitectures(filter, profile.architectures());
            for (SeccompRules.Rule rule : rules) {
                int number = SeccompFilter.syscallNumber(rule.name());
                if (number != LibSeccomp.NR_SCMP_ERROR) {
                    filter.addRule(rule.action(), number, rule.conditions(), rule.name());
                }
            }
            bpf = filter.exportBpf();
        }
        int instructions = bpf.length / INSTRUCTION_SIZE;
        if (instructions > MAX_INSTRUCTIONS) {
            throw SeccompRules.error(SeccompRules.PATH, "compiles to " + instructions
                    + " bpf instructions, more than the kernel's " + MAX_INSTRUCTIONS);
        }
        return new Compiled(bpf, flags);
    }

    private static void configure(SeccompFilter filter, int syscallEntries) {
        // The helper sets no_new_privs itself, only when process.noNewPrivileges asks for it.
        filter.attribute(LibSeccomp.SCMP_FLTATR_CTL_NNP, 0);
        // A syscall of an ABI the profile does not list never runs (libseccomp's default, said aloud).
        filter.attribute(LibSeccomp.SCMP_FLTATR_ACT_BADARCH, SeccompRules.ACT_KILL_THREAD);
        if (syscallEntries >= BINARY_TREE_FROM) {
            try {
                filter.attribute(LibSeccomp.SCMP_FLTATR_CTL_OPTIMIZE, 2);
            } catch (SeccompException olderLibseccomp) {
                // A linear filter is slower per syscall, never wrong.
            }
        }
    }

    /** Adds the listed ABIs to the native one; libseccomp spells them in lower case ("x86_64"). */
    private static void addArchitectures(SeccompFilter filter, List<String> architectures) {
        for (int i = 0; i < architectures.size(); i++) {
            String name = architectures.get(i);
            int token = name != null && name.startsWith(ARCH_PREFIX)
                    ? SeccompFilter.archToken(name.substring(ARCH_PREFIX.length()).toLowerCase(Locale.ROOT))
                    : 0;
            if (token == 0) {
                throw SeccompRules.error(SeccompRules.PATH + ".architectures[" + i + "]",
                        "unknown architecture \"" + name + "\"");
            }
            filter.addArch(token, name);
        }
    }
}
