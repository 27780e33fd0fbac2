package dev.jrun.linux.seccomp;

import static dev.jrun.linux.seccomp.SeccompProfiles.arg;
import static dev.jrun.linux.seccomp.SeccompProfiles.errno;
import static dev.jrun.linux.seccomp.SeccompProfiles.profile;
import static dev.jrun.linux.seccomp.SeccompProfiles.rule;
import static dev.jrun.linux.seccomp.SeccompProfiles.withArchitectures;
import static dev.jrun.linux.seccomp.SeccompProfiles.withArgs;
import static dev.jrun.linux.seccomp.SeccompProfiles.withFlags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrun.spec.Seccomp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled filters run by the real kernel: a small C probe, built here with cc, loads the BPF as
 * jrun-nsexec does and makes one call. Skipped where cc or libseccomp is missing.
 */
class SeccompKernelTest {

    private static final String PROBE_C = """
            /*
             * probe BPF_FILE FLAGS CALL [ARG]: installs a struct sock_filter[] read from BPF_FILE the way
             * jrun-nsexec does (no_new_privs, then seccomp(SECCOMP_SET_MODE_FILTER, FLAGS)), makes one call
             * and prints "ok" or "errno N". Exit 3: the kernel refused the filter.
             */
            #define _GNU_SOURCE
            #include <errno.h>
            #include <linux/filter.h>
            #include <linux/seccomp.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/prctl.h>
            #include <sys/stat.h>
            #include <sys/syscall.h>
            #include <unistd.h>

            static struct sock_filter insns[BPF_MAXINSNS];

            int main(int argc, char **argv)
            {
                if (argc < 4)
                    return 2;
                FILE *f = fopen(argv[1], "rb");
                if (f == NULL)
                    return 2;
                size_t n = fread(insns, sizeof(insns[0]), BPF_MAXINSNS, f);
                fclose(f);
                struct sock_fprog prog = { .len = (unsigned short)n, .filter = insns };
                if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
                    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, strtoul(argv[2], NULL, 0), &prog) != 0) {
                    printf("load errno %d\\n", errno);
                    return 3;
                }
                const char *arg = argc > 4 ? argv[4] : "";
                long r;
                if (strcmp(argv[3], "mkdir") == 0)
                    r = mkdir(arg, 0700);
                else if (strcmp(argv[3], "umask") == 0)
                    r = syscall(SYS_umask, strtoul(arg, NULL, 0));
                else if (strcmp(argv[3], "getppid") == 0)
                    r = syscall(SYS_getppid);
                else
                    return 2;
                if (r < 0)
                    printf("errno %d\\n", errno);
                else
                    printf("ok\\n");
                return 0;
            }
            """;

    /** What Process reports for a child killed by SIGSYS (128 + 31). */
    private static final int KILLED_BY_SIGSYS = 159;

    @TempDir
    static Path dir;

    private static Path probe;

    @BeforeAll
    static void buildProbe() throws Exception {
        Path source = Files.writeString(dir.resolve("probe.c"), PROBE_C);
        probe = dir.resolve("probe");
        Result cc;
        try {
            cc = run(List.of("cc", "-O2", "-Wall", "-o", probe.toString(), source.toString()));
        } catch (IOException e) {
            System.err.println("skipped: no C compiler: " + e.getMessage());
            Assumptions.abort("no C compiler: " + e.getMessage());
            return;
        }
        assertEquals(0, cc.exit(), cc.output());
    }

    @BeforeEach
    void needsLibseccomp() {
        SeccompProfiles.assumeLibseccomp();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running: " + command);
        return new Result(process.exitValue(), output);
    }

    private static Result probe(Seccomp profile, String... call) throws Exception {
        SeccompCompiler.Compiled compiled = SeccompCompiler.compile(profile);
        Path bpf = Files.write(Files.createTempFile(dir, "filter", ".bpf"), compiled.bpf());
        List<String> command = new ArrayList<>(List.of(probe.toString(), bpf.toString(),
                Integer.toString(compiled.flags())));
        command.addAll(List.of(call));
        return run(command);
    }

    @Test
    void mkdirFailsWithTheProfilesErrno() throws Exception {
        Path target = dir.resolve("denied");
        Seccomp profile = profile("SCMP_ACT_ALLOW", errno(38, "mkdir", "mkdirat"));
        assertEquals(new Result(0, "errno 38"), probe(profile, "mkdir", target.toString()));
        assertFalse(Files.exists(target));
        assertEquals(new Result(0, "ok"), probe(profile("SCMP_ACT_ALLOW"), "mkdir", target.toString()));
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void errnoWithoutErrnoRetIsEperm() throws Exception {
        Seccomp profile = profile("SCMP_ACT_ALLOW", rule("SCMP_ACT_ERRNO", "getppid"));
        assertEquals(new Result(0, "errno 1"), probe(profile, "getppid"));
    }

    @Test
    void killProcessEndsTheProbeWithSigsys() throws Exception {
        Seccomp profile = profile("SCMP_ACT_ALLOW", rule("SCMP_ACT_KILL_PROCESS", "getppid"));
        assertEquals(new Result(KILLED_BY_SIGSYS, ""), probe(profile, "getppid"));
    }

    @Test
    void conditionsOnTheSameArgumentAreEachEnough() throws Exception {
        Seccomp profile = profile("SCMP_ACT_ALLOW", withArgs(errno(13, "umask"),
                arg(0, "SCMP_CMP_EQ", 022), arg(0, "SCMP_CMP_EQ", 077)));
        assertEquals("errno 13", probe(profile, "umask", "022").output());
        assertEquals("errno 13", probe(profile, "umask", "077").output());
        assertEquals("ok", probe(profile, "umask", "027").output());
    }

    @Test
    void maskedEqualTakesTheMaskFirst() throws Exception {
        Seccomp profile = profile("SCMP_ACT_ALLOW", withArgs(errno(13, "umask"),
                new Seccomp.Arg(0, 07, 02, "SCMP_CMP_MASKED_EQ")));
        assertEquals("errno 13", probe(profile, "umask", "0772").output());
        assertEquals("ok", probe(profile, "umask", "027").output());
    }

    @Test
    void theKernelTakesTheFlagsAndExtraArchitectures() throws Exception {
        Seccomp profile = withFlags(withArchitectures(profile("SCMP_ACT_ALLOW", errno(38, "getppid")),
                "SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"),
                "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        assertEquals(new Result(0, "errno 38"), probe(profile, "getppid"));
    }
}
