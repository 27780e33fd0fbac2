package dev.jrun.runtime;

import static dev.jrun.linux.helper.HelperProtocol.*;
import static dev.jrun.linux.helper.TlvRecords.all;
import static dev.jrun.linux.helper.TlvRecords.one;
import static dev.jrun.linux.helper.TlvRecords.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jrun.linux.helper.TlvRecords;
import dev.jrun.plan.InitPlan;
import dev.jrun.plan.NamespaceFlags;
import dev.jrun.plan.Plan;
import dev.jrun.plan.Planner;
import dev.jrun.plan.ProcessPlan;
import dev.jrun.spec.CapabilitySets;
import dev.jrun.spec.IdMapping;
import dev.jrun.spec.Process;
import dev.jrun.spec.Rlimit;
import dev.jrun.spec.User;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bootstrap and hand-off records of docs/protocol.md, read back the way jrun-nsexec reads them. */
class HelperMessagesTest {

    private static final List<String> JVM_ARGV = List.of("/usr/lib/jvm/bin/java", "-XX:-UsePerfData", "init");
    private static final List<String> JVM_ENV = List.of("JRUN_HOME=/opt/jrun", "LANG=C");
    private static final byte[] BPF = {0x20, 0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0, 0, 0, (byte) 0xff, 0x7f};

    private static Plan plan(long cloneFlags, List<Plan.NamespaceJoin> joins) {
        InitPlan init = new InitPlan("/r", 0, false, List.of(), Map.of(), Optional.empty(), Optional.empty(), false,
                false);
        return new Plan("/r", cloneFlags, joins, List.of(new IdMapping(0, 100000, 65536)), List.of(), false, init,
                simpleProcess());
    }

    private static ProcessPlan simpleProcess() {
        return Planner.process(new Process(false, null, new User(0, 0), List.of("sh"), List.of("PATH=/bin"), "/",
                null, List.of(), false, null, null, null), null);
    }

    /** Every field of the hand-off set. */
    private static ProcessPlan fullProcess() {
        CapabilitySets caps = new CapabilitySets(List.of("CAP_CHOWN", "CAP_KILL"), List.of("CAP_KILL"),
                List.of("CAP_SETUID"), List.of("CAP_KILL", "CAP_NET_RAW"), List.of("CAP_NET_BIND_SERVICE"));
        Process process = new Process(true, new Process.ConsoleSize(24, 80),
                new User(1000, 1001, 022L, List.of(10L, 4294967294L), null),
                List.of("sh", "-c", "echo hi"), List.of("PATH=/bin", "HOME=/home/app"), "/home/app", caps,
                List.of(new Rlimit("RLIMIT_NOFILE", 4096, 1024), new Rlimit("RLIMIT_CORE", -1, 0)),
                true, "jrun-default", 100, "system_u:system_r:container_t:s0");
        return Planner.process(process, null);
    }

    private static byte[] fullHandoff() {
        return HelperMessages.handoff(fullProcess(), Optional.of(new HelperMessages.CompiledSeccomp(BPF, 5)), 2, true,
                true, HelperMessages.Console.DEVICE);
    }

    private static byte[] minimalHandoff() {
        return HelperMessages.handoff(simpleProcess(), Optional.empty(), 0, false, false, HelperMessages.Console.NONE);
    }

    // bootstrap

    @Test
    void theBootstrapStartsWithTheVersionAndCarriesTheCloneFlags() {
        long flags = NamespaceFlags.CLONE_NEWUSER | NamespaceFlags.CLONE_NEWPID | NamespaceFlags.CLONE_NEWNS
                | NamespaceFlags.CLONE_NEWNET;
        byte[] bootstrap = HelperMessages.bootstrap(plan(flags, List.of()), JVM_ARGV, JVM_ENV);
        assertEquals(List.of(VERSION, CLONE_FLAGS, INIT_ARGV, INIT_ENV), types(bootstrap));
        assertEquals(PROTOCOL_VERSION, one(bootstrap, VERSION).u32());
        assertEquals(flags, one(bootstrap, CLONE_FLAGS).u32());
    }

    @Test
    void theBootstrapCarriesOneNamespacePathPerJoinInOrder() {
        byte[] bootstrap = HelperMessages.bootstrap(plan(NamespaceFlags.CLONE_NEWPID, List.of(
                new Plan.NamespaceJoin(NamespaceFlags.CLONE_NEWNET, "/var/run/netns/blue"),
                new Plan.NamespaceJoin(NamespaceFlags.CLONE_NEWIPC, "/proc/4242/ns/ipc"))), JVM_ARGV, JVM_ENV);
        List<TlvRecords.Record> paths = all(bootstrap, NS_PATH);
        assertEquals(2, paths.size());
        assertNamespacePath(NamespaceFlags.CLONE_NEWNET, "/var/run/netns/blue", paths.get(0));
        assertNamespacePath(NamespaceFlags.CLONE_NEWIPC, "/proc/4242/ns/ipc", paths.get(1));
    }

    private static void assertNamespacePath(long flag, String path, TlvRecords.Record record) {
        ByteBuffer value = record.buffer();
        assertEquals(flag, Integer.toUnsignedLong(value.getInt()));
        byte[] rest = new byte[value.remaining()];
        value.get(rest);
        assertEquals(path, new String(rest, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theBootstrapCarriesTheInitsArgvAndEnvironment() {
        byte[] bootstrap = HelperMessages.bootstrap(plan(0, List.of()), JVM_ARGV, JVM_ENV);
        assertEquals(JVM_ARGV, one(bootstrap, INIT_ARGV).strings());
        assertEquals(JVM_ENV, one(bootstrap, INIT_ENV).strings());
    }

    @Test
    void execJoinsWithoutCreatingAnythingOrStartingAnInit() {
        byte[] bootstrap = HelperMessages.joinOnly(List.of(
                new Plan.NamespaceJoin(NamespaceFlags.CLONE_NEWUSER, "/proc/7/ns/user"),
                new Plan.NamespaceJoin(NamespaceFlags.CLONE_NEWNS, "/proc/7/ns/mnt")));
        assertEquals(List.of(VERSION, CLONE_FLAGS, NS_PATH, NS_PATH), types(bootstrap));
        assertEquals(0, one(bootstrap, CLONE_FLAGS).u32());
        assertNamespacePath(NamespaceFlags.CLONE_NEWUSER, "/proc/7/ns/user", all(bootstrap, NS_PATH).get(0));
        assertNamespacePath(NamespaceFlags.CLONE_NEWNS, "/proc/7/ns/mnt", all(bootstrap, NS_PATH).get(1));
    }

    // hand-off

    @Test
    void theHandoffStartsWithTheVersion() {
        assertEquals(VERSION, types(fullHandoff()).get(0));
        assertEquals(VERSION, types(minimalHandoff()).get(0));
    }

    @Test
    void theHandoffCarriesTheCommandItsEnvironmentAndDirectory() {
        byte[] handoff = fullHandoff();
        assertEquals(List.of("sh", "-c", "echo hi"), one(handoff, ARGS).strings());
        assertEquals(List.of("PATH=/bin", "HOME=/home/app"), one(handoff, ENV).strings());
        assertArrayEquals("/home/app".getBytes(), one(handoff, CWD).value(), "a string without NUL");
    }

    @Test
    void theHandoffCarriesTheCredentials() {
        byte[] handoff = fullHandoff();
        assertEquals(1000, one(handoff, UID).u32());
        assertEquals(1001, one(handoff, GID).u32());
        assertEquals(List.of(10L, 4294967294L), one(handoff, ADDITIONAL_GIDS).u32s());
    }

    @Test
    void theCapabilitySetsGoInTheProtocolsOrder() {
        long chown = 1L << 0;
        long kill = 1L << 5;
        long setuid = 1L << 7;
        long netBind = 1L << 10;
        long netRaw = 1L << 13;
        assertEquals(List.of(chown | kill, kill, kill | netRaw, setuid, netBind), one(fullHandoff(), CAPS).u64s(),
                "bounding, effective, permitted, inheritable, ambient");
    }

    @Test
    void theHandoffCarriesTheFlagsOfTheStage() {
        byte[] full = fullHandoff();
        assertEquals(1, one(full, NO_NEW_PRIVS).u32());
        assertEquals(2, one(full, PRESERVE_FDS).u32());
        assertEquals(1, one(full, UNSHARE_CGROUP).u32());
        assertEquals(1, one(full, WAIT_FIFO).u32());
        assertEquals(022, one(full, UMASK).u32());
        byte[] minimal = minimalHandoff();
        assertEquals(0, one(minimal, NO_NEW_PRIVS).u32());
        assertEquals(0, one(minimal, PRESERVE_FDS).u32());
        assertEquals(0, one(minimal, UNSHARE_CGROUP).u32());
        assertEquals(0, one(minimal, WAIT_FIFO).u32());
    }

    @Test
    void eachRlimitIsARecordOfItsOwn() {
        List<TlvRecords.Record> rlimits = all(fullHandoff(), RLIMIT);
        assertEquals(2, rlimits.size());
        ByteBuffer nofile = rlimits.get(0).buffer();
        assertEquals(List.of(7, 0), List.of(nofile.getInt(), nofile.getInt()));
        assertEquals(List.of(1024L, 4096L), List.of(nofile.getLong(), nofile.getLong()), "soft, then hard");
        ByteBuffer core = rlimits.get(1).buffer();
        assertEquals(List.of(4, 0), List.of(core.getInt(), core.getInt()));
        assertEquals(List.of(0L, -1L), List.of(core.getLong(), core.getLong()));
    }

    @Test
    void theLabelsAreCarriedAsStrings() {
        byte[] handoff = fullHandoff();
        assertEquals("jrun-default", one(handoff, APPARMOR).string());
        assertEquals("system_u:system_r:container_t:s0", one(handoff, SELINUX).string());
    }

    @Test
    void aCompiledSeccompFilterIsCarriedWithItsFlags() {
        byte[] handoff = fullHandoff();
        assertArrayEquals(BPF, one(handoff, SECCOMP_BPF).value());
        assertEquals(5, one(handoff, SECCOMP_FLAGS).u32());
    }

    @Test
    void theConsoleOfTheInitIsADeviceWithItsSize() {
        byte[] handoff = fullHandoff();
        assertEquals(CONSOLE_DEVICE, one(handoff, CONSOLE).u32());
        assertEquals(List.of(24L, 80L), one(handoff, CONSOLE_SIZE).u32s(), "height, then width");
    }

    @Test
    void anExecConsoleIsAPty() {
        byte[] handoff = HelperMessages.handoff(fullProcess(), Optional.empty(), 0, false, false,
                HelperMessages.Console.PTY);
        assertEquals(CONSOLE_PTY, one(handoff, CONSOLE).u32());
    }

    @Test
    void withoutAConsoleItsSizeIsLeftOut() {
        byte[] handoff = HelperMessages.handoff(fullProcess(), Optional.empty(), 0, false, false,
                HelperMessages.Console.NONE);
        assertEquals(List.of(), all(handoff, CONSOLE));
        assertEquals(List.of(), all(handoff, CONSOLE_SIZE));
    }

    @Test
    void optionalRecordsAreAbsentWhenTheirFieldIs() {
        List<Integer> types = types(minimalHandoff());
        for (int absent : List.of(SECCOMP_BPF, SECCOMP_FLAGS, APPARMOR, SELINUX, UMASK, RLIMIT, CONSOLE, CONSOLE_SIZE)) {
            assertFalse(types.contains(absent), "record " + absent + " in " + types);
        }
    }

    @Test
    void capabilitiesAndGroupsAreSentEvenWhenEmpty() {
        byte[] minimal = minimalHandoff();
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), one(minimal, CAPS).u64s());
        assertEquals(List.of(), one(minimal, ADDITIONAL_GIDS).u32s());
        assertEquals(0, one(minimal, UID).u32());
        assertEquals(0, one(minimal, GID).u32());
    }
}
