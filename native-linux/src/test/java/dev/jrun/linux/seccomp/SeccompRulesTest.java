package dev.jrun.linux.seccomp;

import static dev.jrun.linux.seccomp.SeccompProfiles.arg;
import static dev.jrun.linux.seccomp.SeccompProfiles.errno;
import static dev.jrun.linux.seccomp.SeccompProfiles.profile;
import static dev.jrun.linux.seccomp.SeccompProfiles.rule;
import static dev.jrun.linux.seccomp.SeccompProfiles.withArgs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrun.linux.seccomp.SeccompRules.Condition;
import dev.jrun.linux.seccomp.SeccompRules.Rule;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Seccomp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation from profile names to libseccomp's numbers; no library is loaded. */
class SeccompRulesTest {

    private static final int ALLOW = SeccompRules.ACT_ALLOW;

    private static String error(Runnable translation) {
        return assertThrows(ConfigException.class, translation::run).getMessage();
    }

    @Test
    void actionsHaveLibseccompsValues() {
        assertEquals(0x00000000, SeccompRules.action("SCMP_ACT_KILL", null, "p"));
        assertEquals(0x00000000, SeccompRules.action("SCMP_ACT_KILL_THREAD", null, "p"));
        assertEquals(0x80000000, SeccompRules.action("SCMP_ACT_KILL_PROCESS", null, "p"));
        assertEquals(0x00030000, SeccompRules.action("SCMP_ACT_TRAP", null, "p"));
        assertEquals(0x7ffc0000, SeccompRules.action("SCMP_ACT_LOG", null, "p"));
        assertEquals(0x7fff0000, SeccompRules.action("SCMP_ACT_ALLOW", null, "p"));
        assertEquals(0x00050026, SeccompRules.action("SCMP_ACT_ERRNO", 38L, "p"));
        assertEquals(0x7ff00005, SeccompRules.action("SCMP_ACT_TRACE", 5L, "p"));
    }

    @Test
    void errnoAndTraceReturnEpermWithoutErrnoRet() {
        assertEquals(0x00050001, SeccompRules.action("SCMP_ACT_ERRNO", null, "p"));
        assertEquals(0x7ff00001, SeccompRules.action("SCMP_ACT_TRACE", null, "p"));
    }

    @Test
    void unknownAndMissingActionsNameTheirPath() {
        assertEquals("config.json: linux.seccomp.syscalls[3].action: unknown action \"SCMP_ACT_FOO\"",
                error(() -> SeccompRules.action("SCMP_ACT_FOO", null, "linux.seccomp.syscalls[3].action")));
        assertEquals("config.json: linux.seccomp.defaultAction: unknown action \"null\"",
                error(() -> SeccompRules.action(null, null, "linux.seccomp.defaultAction")));
    }

    @Test
    void notifyIsRefusedUntilThereIsAListener() {
        Seccomp profile = profile("SCMP_ACT_ALLOW", rule("SCMP_ACT_NOTIFY", "mkdir"));
        assertEquals("config.json: linux.seccomp.syscalls[0].action: unsupported action \"SCMP_ACT_NOTIFY\": "
                + "jrun has no seccomp listener yet", error(() -> SeccompRules.rules(profile, ALLOW)));
    }

    @Test
    void everyNameIsARuleAndTheDefaultActionIsSkipped() {
        Seccomp profile = profile("SCMP_ACT_ALLOW",
                errno(38, "mkdir", "mkdirat"),
                rule("SCMP_ACT_ALLOW", "getppid"),
                rule("SCMP_ACT_KILL_PROCESS", "no_such_syscall"));
        assertEquals(List.of(
                new Rule("mkdir", 0x00050026, List.of()),
                new Rule("mkdirat", 0x00050026, List.of()),
                new Rule("no_such_syscall", 0x80000000, List.of())), SeccompRules.rules(profile, ALLOW));
    }

    @Test
    void conditionsOnDistinctArgumentsStayInOneRule() {
        Seccomp profile = profile("SCMP_ACT_ALLOW", withArgs(errno(1, "socket"),
                arg(0, "SCMP_CMP_EQ", 16), new Seccomp.Arg(2, 0xff, 9, "SCMP_CMP_MASKED_EQ")));
        assertEquals(List.of(new Rule("socket", 0x00050001,
                        List.of(new Condition(0, 4, 16, 0), new Condition(2, 7, 0xff, 9)))),
                SeccompRules.rules(profile, ALLOW));
    }

    @Test
    void conditionsOnTheSameArgumentBecomeRulesOfTheirOwn() {
        Seccomp profile = profile("SCMP_ACT_ALLOW", withArgs(errno(1, "personality"),
                arg(0, "SCMP_CMP_EQ", 0), arg(1, "SCMP_CMP_NE", 3), arg(0, "SCMP_CMP_EQ", 8)));
        assertEquals(List.of(
                new Rule("personality", 0x00050001, List.of(new Condition(0, 4, 0, 0))),
                new Rule("personality", 0x00050001, List.of(new Condition(1, 1, 3, 0))),
                new Rule("personality", 0x00050001, List.of(new Condition(0, 4, 8, 0)))),
                SeccompRules.rules(profile, ALLOW));
    }

    @Test
    void operatorsHaveLibseccompsValues() {
        List<String> ops = List.of("SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE",
                "SCMP_CMP_GT", "SCMP_CMP_MASKED_EQ");
        for (int i = 0; i < ops.size(); i++) {
            Seccomp profile = profile("SCMP_ACT_ALLOW", withArgs(errno(1, "umask"), arg(0, ops.get(i), 0)));
            assertEquals(i + 1, SeccompRules.rules(profile, ALLOW).get(0).conditions().get(0).op());
        }
    }

    @Test
    void unknownOperatorAndBadIndexNameTheirPath() {
        Seccomp badOp = profile("SCMP_ACT_ALLOW", rule("SCMP_ACT_LOG", "read"),
                withArgs(errno(1, "umask"), arg(0, "SCMP_CMP_EQ", 0), arg(1, "SCMP_CMP_FOO", 0)));
        assertEquals("config.json: linux.seccomp.syscalls[1].args[1].op: unknown operator \"SCMP_CMP_FOO\"",
                error(() -> SeccompRules.rules(badOp, ALLOW)));
        Seccomp badIndex = profile("SCMP_ACT_ALLOW", withArgs(errno(1, "umask"), arg(6, "SCMP_CMP_EQ", 0)));
        assertEquals("config.json: linux.seccomp.syscalls[0].args[0].index: must be between 0 and 5",
                error(() -> SeccompRules.rules(badIndex, ALLOW)));
    }

    @Test
    void flagsAreSeccompBitsAndTsyncIsDropped() {
        assertEquals(0, SeccompRules.flags(List.of()));
        assertEquals(0, SeccompRules.flags(List.of("SECCOMP_FILTER_FLAG_TSYNC")));
        assertEquals(6, SeccompRules.flags(List.of("SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW")));
        assertEquals("config.json: linux.seccomp.flags[1]: unsupported flag \"SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV\"",
                error(() -> SeccompRules.flags(List.of("SECCOMP_FILTER_FLAG_LOG",
                        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"))));
    }
}
