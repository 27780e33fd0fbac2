package dev.jrun.linux.seccomp;

import static dev.jrun.linux.seccomp.SeccompProfiles.arg;
import static dev.jrun.linux.seccomp.SeccompProfiles.errno;
import static dev.jrun.linux.seccomp.SeccompProfiles.profile;
import static dev.jrun.linux.seccomp.SeccompProfiles.rule;
import static dev.jrun.linux.seccomp.SeccompProfiles.withArchitectures;
import static dev.jrun.linux.seccomp.SeccompProfiles.withArgs;
import static dev.jrun.linux.seccomp.SeccompProfiles.withFlags;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Seccomp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profiles compiled by the host's libseccomp; the programs are inspected, not run. */
class SeccompCompilerTest {

    private static final int BPF_RET_K = 0x06;

    @BeforeEach
    void needsLibseccomp() {
        SeccompProfiles.assumeLibseccomp();
    }

    private static byte[] bpf(Seccomp profile) {
        byte[] bpf = SeccompCompiler.compile(profile).bpf();
        assertTrue(bpf.length > 0 && bpf.length % 8 == 0, "struct sock_filter[] of " + bpf.length + " bytes");
        return bpf;
    }

    /** The values of the program's constant returns: the actions it can take. */
    private static Set<Long> returns(byte[] bpf) {
        ByteBuffer insns = ByteBuffer.wrap(bpf).order(ByteOrder.nativeOrder());
        Set<Long> actions = new TreeSet<>();
        for (int at = 0; at < bpf.length; at += 8) {
            if (insns.getShort(at) == BPF_RET_K) {
                actions.add(insns.getInt(at + 4) & 0xffffffffL);
            }
        }
        return actions;
    }

    private static String error(Seccomp profile) {
        return assertThrows(ConfigException.class, () -> SeccompCompiler.compile(profile)).getMessage();
    }

    @Test
    void compilesASmallProfile() {
        Seccomp profile = profile("SCMP_ACT_ALLOW", errno(38, "mkdir", "mkdirat"),
                rule("SCMP_ACT_KILL_PROCESS", "getppid"), rule("SCMP_ACT_LOG", "uname"));
        assertEquals(Set.of(0x0L, 0x80000000L, 0x00050026L, 0x7ffc0000L, 0x7fff0000L), returns(bpf(profile)));
        assertEquals(0, SeccompCompiler.compile(profile).flags());
    }

    @Test
    void defaultActionOnlyAllowsOrKillsAForeignAbi() {
        assertEquals(Set.of(0x0L, 0x7fff0000L), returns(bpf(profile("SCMP_ACT_ALLOW"))));
        Seccomp errno = new Seccomp("SCMP_ACT_ERRNO", 13L, List.of(), List.of(), null, null, List.of());
        assertEquals(Set.of(0x0L, 0x0005000dL), returns(bpf(errno)));
    }

    @Test
    void unknownSyscallsAreSkipped() {
        assertArrayEquals(bpf(profile("SCMP_ACT_ALLOW", errno(38, "mkdir"))),
                bpf(profile("SCMP_ACT_ALLOW", errno(38, "no_such_syscall", "mkdir"), errno(1, "nor_this_one"))));
    }

    @Test
    void rulesWithTheDefaultActionAreSkipped() {
        assertArrayEquals(bpf(profile("SCMP_ACT_ERRNO")),
                bpf(profile("SCMP_ACT_ERRNO", errno(1, "mkdir"), rule("SCMP_ACT_ERRNO", "rmdir"))));
    }

    @Test
    void architecturesAddAbisAndTheNativeOneMayBeRepeated() {
        Seccomp rules = profile("SCMP_ACT_ALLOW", errno(38, "mkdir"));
        byte[] nativeOnly = bpf(rules);
        byte[] three = bpf(withArchitectures(rules, "SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32",
                "SCMP_ARCH_X86_64"));
        assertTrue(three.length > nativeOnly.length, three.length + " > " + nativeOnly.length);
    }

    @Test
    void unknownArchitectureNamesItsPath() {
        Seccomp rules = profile("SCMP_ACT_ALLOW");
        assertEquals("config.json: linux.seccomp.architectures[1]: unknown architecture \"SCMP_ARCH_FOO\"",
                error(withArchitectures(rules, "SCMP_ARCH_X86_64", "SCMP_ARCH_FOO")));
        assertEquals("config.json: linux.seccomp.architectures[0]: unknown architecture \"x86_64\"",
                error(withArchitectures(rules, "x86_64")));
    }

    @Test
    void unknownActionOperatorAndFlagNameTheirPath() {
        assertEquals("config.json: linux.seccomp.defaultAction: unknown action \"SCMP_ACT_FOO\"",
                error(profile("SCMP_ACT_FOO")));
        assertEquals("config.json: linux.seccomp.syscalls[3].action: unknown action \"SCMP_ACT_FOO\"",
                error(profile("SCMP_ACT_ALLOW", errno(1, "a"), errno(1, "b"), errno(1, "c"),
                        rule("SCMP_ACT_FOO", "mkdir"))));
        assertEquals("config.json: linux.seccomp.syscalls[0].args[0].op: unknown operator \"SCMP_CMP_FOO\"",
                error(profile("SCMP_ACT_ALLOW", withArgs(errno(1, "umask"), arg(0, "SCMP_CMP_FOO", 0)))));
        assertEquals("config.json: linux.seccomp.flags[0]: unsupported flag \"SECCOMP_FILTER_FLAG_FOO\"",
                error(withFlags(profile("SCMP_ACT_ALLOW"), "SECCOMP_FILTER_FLAG_FOO")));
    }

    @Test
    void flagsComeBackAsSeccompBits() {
        Seccomp profile = withFlags(profile("SCMP_ACT_ALLOW"), "SECCOMP_FILTER_FLAG_TSYNC",
                "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        assertEquals(6, SeccompCompiler.compile(profile).flags());
    }

    @Test
    void libseccompRefusesTwoConditionsOnOneArgumentSoTheyAreSplit() {
        List<SeccompRules.Condition> sameArgument = List.of(new SeccompRules.Condition(0, 4, 1, 0),
                new SeccompRules.Condition(0, 4, 2, 0));
        try (SeccompFilter filter = SeccompFilter.create(SeccompRules.ACT_ALLOW)) {
            SeccompException refused = assertThrows(SeccompException.class, () -> filter.addRule(0x00050001,
                    SeccompFilter.syscallNumber("umask"), sameArgument, "umask"));
            assertEquals("seccomp_rule_add_array umask: invalid argument", refused.getMessage());
        }
        Seccomp split = profile("SCMP_ACT_ALLOW",
                withArgs(errno(1, "umask"), arg(0, "SCMP_CMP_EQ", 1), arg(0, "SCMP_CMP_EQ", 2)));
        assertEquals(Set.of(0x0L, 0x00050001L, 0x7fff0000L), returns(bpf(split)));
    }

    @Test
    void aLongProfileCompilesAsABinaryTree() {
        List<String> names = List.of("read", "write", "open", "close", "stat", "fstat", "lstat", "poll", "lseek",
                "mmap", "mprotect", "munmap", "brk", "rt_sigaction", "rt_sigprocmask", "ioctl", "pread64",
                "pwrite64", "readv", "writev", "access", "pipe", "select", "sched_yield", "mremap", "msync",
                "mincore", "madvise", "shmget", "shmat", "shmctl", "dup", "dup2", "pause", "nanosleep");
        List<Seccomp.Syscall> rules = new ArrayList<>();
        for (String name : names) {
            rules.add(rule("SCMP_ACT_ALLOW", name));
        }
        byte[] bpf = bpf(profile("SCMP_ACT_ERRNO", rules.toArray(Seccomp.Syscall[]::new)));
        assertTrue(bpf.length / 8 <= SeccompCompiler.MAX_INSTRUCTIONS);
        assertEquals(Set.of(0x0L, 0x00050001L, 0x7fff0000L), returns(bpf));
    }
}
