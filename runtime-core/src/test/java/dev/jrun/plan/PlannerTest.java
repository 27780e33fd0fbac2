package dev.jrun.plan;

import static dev.jrun.plan.MountFlags.*;
import static dev.jrun.plan.NamespaceFlags.*;
import static dev.jrun.plan.RuncConfig.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrun.spec.IdMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden plans: runc's default config.json and variations of it, planned for the bundle /bundles/c1. */
class PlannerTest {

    private static final long DEFAULT_NAMESPACES = CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNS;

    private static ContainerPath path(String value) {
        return ContainerPath.of(value);
    }

    private static DeviceNode charDevice(String path, long major, long minor) {
        return new DeviceNode(path(path), 'c', major, minor, 0666, 0, 0);
    }

    private static final List<DeviceNode> RUNC_DEVICES = List.of(
            charDevice("/dev/null", 1, 3),
            charDevice("/dev/zero", 1, 5),
            charDevice("/dev/full", 1, 7),
            charDevice("/dev/tty", 5, 0),
            charDevice("/dev/random", 1, 8),
            charDevice("/dev/urandom", 1, 9));

    private static final List<MountStep> DEV_LINKS = List.of(
            new MountStep.Symlink("/proc/self/fd", path("/dev/fd")),
            new MountStep.Symlink("/proc/self/fd/0", path("/dev/stdin")),
            new MountStep.Symlink("/proc/self/fd/1", path("/dev/stdout")),
            new MountStep.Symlink("/proc/self/fd/2", path("/dev/stderr")),
            new MountStep.Symlink("pts/ptmx", path("/dev/ptmx")));

    private static final List<MountStep> RUNC_MOUNTS = List.of(
            new MountStep.Mount("proc", path("/proc"), "proc", 0, 0, ""),
            new MountStep.Mount("tmpfs", path("/dev"), "tmpfs", MS_NOSUID | MS_STRICTATIME, 0, "mode=755,size=65536k"),
            new MountStep.Mount("devpts", path("/dev/pts"), "devpts", MS_NOSUID | MS_NOEXEC, 0,
                    "newinstance,ptmxmode=0666,mode=0620,gid=5"),
            new MountStep.Mount("shm", path("/dev/shm"), "tmpfs", MS_NOSUID | MS_NOEXEC | MS_NODEV, 0,
                    "mode=1777,size=65536k"),
            new MountStep.Mount("mqueue", path("/dev/mqueue"), "mqueue", MS_NOSUID | MS_NOEXEC | MS_NODEV, 0, ""),
            new MountStep.Mount("sysfs", path("/sys"), "sysfs", MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY, 0, ""),
            new MountStep.Mount("/sys/fs/cgroup", path("/sys/fs/cgroup"), "",
                    MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RELATIME | MS_RDONLY | MS_BIND | MS_REC, 0, ""));

    private static final List<MountStep> RUNC_READ_ONLY = Stream.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")
            .<MountStep>map(p -> new MountStep.ReadOnly(path(p))).toList();

    private static final List<MountStep> RUNC_MASKED = Stream.of(
            "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi")
            .<MountStep>map(p -> new MountStep.Mask(path(p))).toList();

    private static List<MountStep> concat(List<MountStep> first, List<MountStep> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static <T extends MountStep> List<T> steps(Plan plan, Class<T> type) {
        return plan.init().steps().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static MountStep.Mount mountAt(Plan plan, String target) {
        return steps(plan, MountStep.Mount.class).stream().filter(m -> m.target().equals(path(target))).findFirst()
                .orElseThrow(() -> new AssertionError("no mount at " + target + " in " + plan.init().steps()));
    }

    // the default config, whole

    @Test
    void runcDefaultsCreateFiveNamespacesAndJoinNone() {
        Plan plan = plan(runc());
        assertEquals(DEFAULT_NAMESPACES, plan.cloneFlags());
        assertEquals(List.of(), plan.joins());
        assertFalse(plan.createsUserNamespace());
        assertFalse(plan.newCgroupNamespace());
        assertEquals(List.of(), plan.uidMappings());
        assertEquals(List.of(), plan.gidMappings());
    }

    @Test
    void runcDefaultsResolveTheRootfsAgainstTheBundle() {
        Plan plan = plan(runc());
        assertEquals("/bundles/c1/rootfs", plan.rootfs());
        assertEquals("/bundles/c1/rootfs", plan.init().rootfs());
    }

    @Test
    void runcDefaultsInitPlan() {
        InitPlan init = plan(runc()).init();
        assertEquals(MS_SLAVE | MS_REC, init.rootPropagation());
        assertFalse(init.userNamespace());
        assertEquals(Map.of(), init.sysctl());
        assertEquals(Optional.of("runc"), init.hostname());
        assertEquals(Optional.empty(), init.domainname());
        assertTrue(init.readonlyRoot());
        assertFalse(init.noPivot());
    }

    @Test
    void runcDefaultsMountStepsInOrder() {
        List<MountStep> expected = Stream.of(
                RUNC_MOUNTS,
                List.<MountStep>of(new MountStep.Devices(RUNC_DEVICES, false)),
                DEV_LINKS,
                RUNC_READ_ONLY,
                RUNC_MASKED).flatMap(List::stream).toList();
        assertEquals(expected, plan(runc()).init().steps());
    }

    @Test
    void runcDefaultsProcess() {
        ProcessPlan process = plan(runc()).process();
        assertEquals(List.of("sh"), process.args());
        assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"),
                process.env());
        assertEquals("/", process.cwd());
        assertEquals(0, process.uid());
        assertEquals(0, process.gid());
        assertEquals(List.of(), process.additionalGids());
        long auditWriteKillNetBind = (1L << 29) | (1L << 5) | (1L << 10);
        assertEquals(new ProcessPlan.CapabilityMasks(auditWriteKillNetBind, auditWriteKillNetBind,
                auditWriteKillNetBind, 0, auditWriteKillNetBind), process.capabilities());
        assertEquals(List.of(new ProcessPlan.ResourceLimit(7, 1024, 1024)), process.rlimits());
        assertTrue(process.noNewPrivileges());
        assertEquals(Optional.empty(), process.apparmorProfile());
        assertEquals(Optional.empty(), process.selinuxLabel());
        assertTrue(process.umask().isEmpty());
        assertTrue(process.oomScoreAdj().isEmpty());
        assertEquals(Optional.empty(), process.seccomp());
    }

    @Test
    void noPivotIsCarriedToTheInit() {
        assertTrue(Planner.plan(spec(runc()), BUNDLE, true).init().noPivot());
    }

    // namespaces

    @Test
    void aNamespaceWithAPathIsJoinedNotCreated() {
        ObjectNode config = runc();
        namespaces(config).forEach(ns -> {
            if (ns.get("type").asText().equals("network")) {
                ((ObjectNode) ns).put("path", "/var/run/netns/blue");
            }
            if (ns.get("type").asText().equals("ipc")) {
                ((ObjectNode) ns).put("path", "/proc/4242/ns/ipc");
            }
        });
        Plan plan = plan(config);
        assertEquals(CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWNS, plan.cloneFlags());
        assertEquals(List.of(new Plan.NamespaceJoin(CLONE_NEWNET, "/var/run/netns/blue"),
                new Plan.NamespaceJoin(CLONE_NEWIPC, "/proc/4242/ns/ipc")), plan.joins());
    }

    @Test
    void aNewCgroupNamespaceIsLeftToTheHandoffStage() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "cgroup");
        Plan plan = plan(config);
        assertEquals(DEFAULT_NAMESPACES, plan.cloneFlags());
        assertTrue(plan.newCgroupNamespace());
        assertEquals(List.of(), plan.joins());
    }

    @Test
    void aJoinedCgroupNamespaceIsJoinedByTheHelper() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "cgroup").put("path", "/proc/1/ns/cgroup");
        Plan plan = plan(config);
        assertEquals(DEFAULT_NAMESPACES, plan.cloneFlags());
        assertFalse(plan.newCgroupNamespace());
        assertEquals(List.of(new Plan.NamespaceJoin(CLONE_NEWCGROUP, "/proc/1/ns/cgroup")), plan.joins());
    }

    @Test
    void aUserNamespaceIsCreatedWithItsMapsAndDevicesBindFromTheHost() {
        Plan plan = plan(withUserNamespace(runc()));
        assertEquals(DEFAULT_NAMESPACES | CLONE_NEWUSER, plan.cloneFlags());
        assertTrue(plan.createsUserNamespace());
        assertEquals(List.of(new IdMapping(0, 100000, 65536)), plan.uidMappings());
        assertEquals(List.of(new IdMapping(0, 200000, 65536)), plan.gidMappings());
        assertTrue(plan.init().userNamespace());
        assertEquals(List.of(new MountStep.Devices(RUNC_DEVICES, true)), steps(plan, MountStep.Devices.class));
    }

    @Test
    void aTimeNamespaceIsCreatedLikeTheOthers() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "time");
        assertEquals(DEFAULT_NAMESPACES | CLONE_NEWTIME, plan(config).cloneFlags());
    }

    // the root

    @Test
    void anAbsoluteRootIsKeptAndARelativeOneNormalised() {
        ObjectNode config = runc();
        ((ObjectNode) config.get("root")).put("path", "/srv/images/alpine");
        assertEquals("/srv/images/alpine", plan(config).rootfs());
        ((ObjectNode) config.get("root")).put("path", "../shared/./rootfs");
        assertEquals("/bundles/shared/rootfs", plan(config).init().rootfs());
    }

    static Stream<Arguments> rootfsPropagations() {
        return Stream.of(
                Arguments.of("private", MS_PRIVATE),
                Arguments.of("rprivate", MS_PRIVATE | MS_REC),
                Arguments.of("shared", MS_SHARED),
                Arguments.of("rshared", MS_SHARED | MS_REC),
                Arguments.of("slave", MS_SLAVE),
                Arguments.of("rslave", MS_SLAVE | MS_REC),
                Arguments.of("unbindable", MS_UNBINDABLE),
                Arguments.of("runbindable", MS_UNBINDABLE | MS_REC),
                Arguments.of("", MS_SLAVE | MS_REC));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("rootfsPropagations")
    void rootfsPropagationNamesTheFlagsSetOnTheNewRoot(String name, long flags) {
        ObjectNode config = runc();
        linux(config).put("rootfsPropagation", name);
        assertEquals(flags, plan(config).init().rootPropagation());
    }

    // mounts

    @Test
    void aBindMountOfARelativeSourceResolvesAgainstTheBundle() {
        ObjectNode config = runc();
        mounts(config).add(mount("/data", "bind", "data/../volumes/data", "rbind", "ro", "rprivate"));
        assertEquals(new MountStep.Mount("/bundles/c1/volumes/data", path("/data"), "", MS_BIND | MS_REC | MS_RDONLY,
                MS_PRIVATE | MS_REC, ""), mountAt(plan(config), "/data"));
    }

    @Test
    void aBindOptionMakesABindWhateverTheTypeAndDropsTheType() {
        ObjectNode config = runc();
        mounts(config).add(mount("/etc/hosts", "none", "/var/lib/c1/hosts", "bind", "nosuid"));
        assertEquals(new MountStep.Mount("/var/lib/c1/hosts", path("/etc/hosts"), "", MS_BIND | MS_NOSUID, 0, ""),
                mountAt(plan(config), "/etc/hosts"));
    }

    @Test
    void theBindTypeAloneMakesABind() {
        ObjectNode config = runc();
        mounts(config).add(mount("/opt", "bind", "/srv/opt"));
        assertEquals(new MountStep.Mount("/srv/opt", path("/opt"), "", MS_BIND, 0, ""), mountAt(plan(config), "/opt"));
    }

    @Test
    void aFilesystemKeepsItsRelativeSourceAndItsData() {
        ObjectNode config = runc();
        mounts(config).add(mount("/run", "tmpfs", "tmpfs", "nosuid", "nodev", "mode=755", "tmpcopyup"));
        assertEquals(new MountStep.Mount("tmpfs", path("/run"), "tmpfs", MS_NOSUID | MS_NODEV, 0, "mode=755"),
                mountAt(plan(config), "/run"));
    }

    @Test
    void aMountTargetIsAContainerPath() {
        ObjectNode config = runc();
        mounts(config).add(mount("/../../host/etc/../tmp", "tmpfs", "tmpfs"));
        assertEquals(path("/host/tmp"), mountAt(plan(config), "/host/tmp").target());
    }

    @Test
    void mountsKeepTheConfigsOrder() {
        ObjectNode config = runc();
        mounts(config).add(mount("/b", "tmpfs", "tmpfs"));
        mounts(config).add(mount("/a", "tmpfs", "tmpfs"));
        List<ContainerPath> targets = steps(plan(config), MountStep.Mount.class).stream()
                .map(MountStep.Mount::target).toList();
        assertEquals(List.of(path("/proc"), path("/dev"), path("/dev/pts"), path("/dev/shm"), path("/dev/mqueue"),
                path("/sys"), path("/sys/fs/cgroup"), path("/b"), path("/a")), targets);
    }

    @Test
    void aBindMountOfDevReplacesTheDeviceNodesAndLinks() {
        ObjectNode config = replaceMount(runc(), mount("/dev", "bind", "/dev", "rbind", "nosuid"));
        Plan plan = plan(config);
        assertEquals(List.of(), steps(plan, MountStep.Devices.class));
        assertEquals(List.of(), steps(plan, MountStep.Symlink.class));
        assertEquals(new MountStep.Mount("/dev", path("/dev"), "", MS_BIND | MS_REC | MS_NOSUID, 0, ""),
                mountAt(plan, "/dev"));
        assertEquals(RUNC_READ_ONLY.size() + RUNC_MASKED.size(), steps(plan, MountStep.ReadOnly.class).size()
                + steps(plan, MountStep.Mask.class).size());
    }

    @Test
    void aBindMountBelowDevKeepsTheDeviceNodes() {
        ObjectNode config = runc();
        mounts(config).add(mount("/dev/fuse", "bind", "/dev/fuse", "bind"));
        assertEquals(1, steps(plan(config), MountStep.Devices.class).size());
    }

    @Test
    void aTmpfsOnDevKeepsTheDeviceNodes() {
        assertEquals(1, steps(plan(runc()), MountStep.Devices.class).size());
    }

    @Test
    void aCgroupMountBecomesAReadOnlyRecursiveBindOfTheHostsHierarchy() {
        ObjectNode config = replaceMount(runc(), mount("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "ro", "mode=755"));
        assertEquals(new MountStep.Mount("/sys/fs/cgroup", path("/sys/fs/cgroup"), "", MS_NOSUID | MS_RDONLY | MS_BIND | MS_REC,
                0, ""), mountAt(plan(config), "/sys/fs/cgroup"));
    }

    @Test
    void aCgroup2MountIsBoundTheSameWay() {
        ObjectNode config = replaceMount(runc(), mount("/sys/fs/cgroup", "cgroup2", "cgroup2", "ro", "rslave"));
        assertEquals(new MountStep.Mount("/sys/fs/cgroup", path("/sys/fs/cgroup"), "", MS_RDONLY | MS_BIND | MS_REC,
                MS_SLAVE | MS_REC, ""), mountAt(plan(config), "/sys/fs/cgroup"));
    }

    @Test
    void aCgroupMountWithoutReadOnlyIsStillReadOnly() {
        ObjectNode config = replaceMount(runc(), mount("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "nodev"));
        assertEquals(MS_NOSUID | MS_NODEV | MS_RDONLY | MS_BIND | MS_REC, mountAt(plan(config), "/sys/fs/cgroup").flags());
    }

    @Test
    void aCgroupMountAskedToBeWritableIsWritable() {
        ObjectNode config = replaceMount(runc(), mount("/sys/fs/cgroup", "cgroup2", "cgroup", "nosuid", "rw"));
        assertEquals(MS_NOSUID | MS_BIND | MS_REC, mountAt(plan(config), "/sys/fs/cgroup").flags());
    }

    // devices, masked and read-only paths

    @Test
    void configDevicesFollowRuncsDefaults() {
        ObjectNode config = runc();
        linux(config).putArray("devices").addObject()
                .put("path", "/dev/fuse").put("type", "c").put("major", 10).put("minor", 229)
                .put("fileMode", 0600).put("uid", 1000).put("gid", 1001);
        linux(config).withArray("devices").addObject().put("path", "/dev/sda").put("type", "b").put("major", 8)
                .put("minor", 0);
        MountStep.Devices devices = steps(plan(config), MountStep.Devices.class).get(0);
        assertEquals(Stream.concat(RUNC_DEVICES.stream(), Stream.of(
                new DeviceNode(path("/dev/fuse"), 'c', 10, 229, 0600, 1000, 1001),
                new DeviceNode(path("/dev/sda"), 'b', 8, 0, 0666, 0, 0))).toList(), devices.nodes());
    }

    @Test
    void aConfigDeviceReplacesTheDefaultAtItsPath() {
        ObjectNode config = runc();
        linux(config).putArray("devices").addObject()
                .put("path", "/dev/null").put("type", "c").put("major", 1).put("minor", 3)
                .put("fileMode", 0600).put("uid", 1000).put("gid", 1000);
        List<DeviceNode> nodes = steps(plan(config), MountStep.Devices.class).get(0).nodes();
        assertEquals(List.of(new DeviceNode(path("/dev/null"), 'c', 1, 3, 0600, 1000, 1000)),
                nodes.stream().filter(n -> n.path().equals(path("/dev/null"))).toList());
        assertEquals(RUNC_DEVICES.size(), nodes.size());
    }

    @Test
    void readOnlyPathsComeBeforeMaskedPathsWhateverTheirOrderInTheConfig() {
        ObjectNode config = runc();
        linux(config).set("maskedPaths", strings("/proc/kcore"));
        linux(config).set("readonlyPaths", strings("/proc/sys"));
        List<MountStep> steps = plan(config).init().steps();
        assertEquals(List.of(new MountStep.ReadOnly(path("/proc/sys")), new MountStep.Mask(path("/proc/kcore"))),
                steps.subList(steps.size() - 2, steps.size()));
    }

    @Test
    void unmaskedProcHasNoMaskedOrReadOnlyStep() {
        ObjectNode config = runc();
        linux(config).set("maskedPaths", strings());
        linux(config).set("readonlyPaths", strings());
        List<MountStep> steps = plan(config).init().steps();
        assertEquals(concat(concat(RUNC_MOUNTS, List.of(new MountStep.Devices(RUNC_DEVICES, false))), DEV_LINKS), steps);
    }

    @Test
    void withoutLinuxSectionsThereIsNothingToMaskOrMakeReadOnly() {
        ObjectNode config = runc();
        linux(config).remove("maskedPaths");
        linux(config).remove("readonlyPaths");
        Plan plan = plan(config);
        assertEquals(List.of(), steps(plan, MountStep.Mask.class));
        assertEquals(List.of(), steps(plan, MountStep.ReadOnly.class));
    }

    // the rest of the init plan

    @Test
    void sysctlHostnameAndDomainnameAreCarried() {
        ObjectNode config = runc();
        linux(config).putObject("sysctl").put("net.ipv4.ip_forward", "1").put("kernel.msgmax", "8192");
        config.put("hostname", "");
        config.put("domainname", "example.org");
        ((ObjectNode) config.get("root")).put("readonly", false);
        InitPlan init = plan(config).init();
        assertEquals(Map.of("net.ipv4.ip_forward", "1", "kernel.msgmax", "8192"), init.sysctl());
        assertEquals(Optional.empty(), init.hostname());
        assertEquals(Optional.of("example.org"), init.domainname());
        assertFalse(init.readonlyRoot());
    }

    // the process

    @Test
    void eachCapabilitySetBecomesItsOwnMask() {
        ObjectNode config = runc();
        ObjectNode caps = process(config).putObject("capabilities");
        caps.set("bounding", strings("CAP_CHOWN", "CAP_SYS_ADMIN", "CAP_CHECKPOINT_RESTORE"));
        caps.set("effective", strings("CAP_KILL"));
        caps.set("permitted", strings("CAP_NET_RAW"));
        caps.set("inheritable", strings("CAP_SETUID"));
        caps.set("ambient", strings("CAP_SETGID", "CAP_DAC_OVERRIDE"));
        assertEquals(new ProcessPlan.CapabilityMasks((1L << 0) | (1L << 21) | (1L << 40), 1L << 5, 1L << 13,
                1L << 7, (1L << 6) | (1L << 1)), plan(config).process().capabilities());
    }

    @Test
    void noCapabilitiesMeansEveryMaskEmpty() {
        ObjectNode config = runc();
        process(config).remove("capabilities");
        assertEquals(new ProcessPlan.CapabilityMasks(0, 0, 0, 0, 0), plan(config).process().capabilities());
    }

    @Test
    void rlimitsAreNumberedForSetrlimitAndKeepUnlimited() {
        ObjectNode config = runc();
        process(config).putArray("rlimits")
                .add(rlimit("RLIMIT_CORE", "0", "18446744073709551615"))
                .add(rlimit("RLIMIT_NPROC", "512", "1024"))
                .add(rlimit("RLIMIT_RTTIME", "18446744073709551615", "18446744073709551615"));
        assertEquals(List.of(new ProcessPlan.ResourceLimit(4, 0, -1), new ProcessPlan.ResourceLimit(6, 512, 1024),
                new ProcessPlan.ResourceLimit(15, -1, -1)), plan(config).process().rlimits());
    }

    private static ObjectNode rlimit(String type, String soft, String hard) {
        ObjectNode rlimit = object().put("type", type);
        rlimit.put("soft", new java.math.BigInteger(soft));
        rlimit.put("hard", new java.math.BigInteger(hard));
        return rlimit;
    }

    @Test
    void userUmaskOomScoreLabelsAndCwdAreCarried() {
        ObjectNode config = runc();
        ObjectNode user = process(config).putObject("user").put("uid", 1000).put("gid", 1001).put("umask", 027);
        user.putArray("additionalGids").add(10).add(20);
        process(config).put("oomScoreAdj", -500).put("cwd", "/home/app").put("noNewPrivileges", false)
                .put("apparmorProfile", "jrun-default").put("selinuxLabel", "system_u:system_r:container_t:s0");
        ProcessPlan process = plan(config).process();
        assertEquals(1000, process.uid());
        assertEquals(1001, process.gid());
        assertEquals(List.of(10L, 20L), process.additionalGids());
        assertEquals(027, process.umask().getAsInt());
        assertEquals(-500, process.oomScoreAdj().getAsInt());
        assertEquals("/home/app", process.cwd());
        assertFalse(process.noNewPrivileges());
        assertEquals(Optional.of("jrun-default"), process.apparmorProfile());
        assertEquals(Optional.of("system_u:system_r:container_t:s0"), process.selinuxLabel());
    }

    @Test
    void anEmptyCwdIsTheRootAndEmptyLabelsAreAbsent() {
        ObjectNode config = runc();
        process(config).put("cwd", "").put("apparmorProfile", "").put("selinuxLabel", "");
        ProcessPlan process = plan(config).process();
        assertEquals("/", process.cwd());
        assertEquals(Optional.empty(), process.apparmorProfile());
        assertEquals(Optional.empty(), process.selinuxLabel());
    }

    @Test
    void theSeccompProfileIsCarriedAsItIs() {
        ObjectNode config = runc();
        ObjectNode seccomp = linux(config).putObject("seccomp").put("defaultAction", "SCMP_ACT_ALLOW");
        seccomp.set("architectures", strings("SCMP_ARCH_X86_64"));
        ObjectNode rule = seccomp.putArray("syscalls").addObject().put("action", "SCMP_ACT_ERRNO").put("errnoRet", 1);
        rule.set("names", strings("mkdir", "mkdirat"));
        Plan plan = plan(config);
        assertEquals(Optional.of(spec(config).linux().seccomp()), plan.process().seccomp());
        assertEquals(List.of("mkdir", "mkdirat"), plan.process().seccomp().orElseThrow().syscalls().get(0).names());
    }

    @Test
    void theProcessAloneIsPlannedTheSameWayForExec() {
        ObjectNode config = runc();
        assertEquals(plan(config).process(), Planner.process(spec(config).process(), null));
    }

    @Test
    void theBundleIsTheOnlyHostFactThatChangesThePlan() {
        Plan here = Planner.plan(spec(runc()), Path.of("/a"), false);
        Plan there = Planner.plan(spec(runc()), Path.of("/b"), false);
        assertEquals("/a/rootfs", here.rootfs());
        assertEquals(here.init().steps(), there.init().steps());
        assertEquals(here.process(), there.process());
    }
}
