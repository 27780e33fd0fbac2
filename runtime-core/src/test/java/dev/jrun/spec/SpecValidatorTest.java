package dev.jrun.spec;

import static dev.jrun.spec.Configs.linux;
import static dev.jrun.spec.Configs.mapping;
import static dev.jrun.spec.Configs.namespaces;
import static dev.jrun.spec.Configs.process;
import static dev.jrun.spec.Configs.runc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    /** The first error, as the user sees it. */
    private static String error(ObjectNode config) {
        return error(config, HostFacts.of(true));
    }

    private static String error(ObjectNode config, HostFacts host) {
        Spec spec = Configs.spec(config);
        return assertThrows(ConfigException.class, () -> SpecValidator.validate(spec, host)).getMessage();
    }

    private static void assertValid(ObjectNode config) {
        Validation v = Configs.check(config);
        assertEquals(List.of(), v.errors());
    }

    private static List<String> warnings(ObjectNode config) {
        return Configs.check(config).warnings().stream().map(Finding::toString).toList();
    }

    @Test
    void runcTemplatesAreValidWithoutWarnings() {
        assertEquals(new Validation(List.of(), List.of()), Configs.check(runc()));
        Spec rootless = Configs.spec(Configs.tree(Configs.resource("runc-spec-rootless-nobody.json")));
        assertEquals(List.of(), SpecValidator.validate(rootless, HostFacts.of(false)));
    }

    @Test
    void checksRunInRuncsOrder() {
        assertEquals(List.of("ociVersion", "rootfs", "process", "user", "capabilities", "rlimits", "namespaces",
                "idMappings", "rootlessEUID", "uts", "sysctl", "mounts", "security", "rootfsPropagation", "devices",
                "deviceRules", "seccomp", "hooks", "unmaskedProc"), SpecValidator.checkNames());
    }

    @Test
    void reportsTheFirstErrorAndKeepsTheOthers() {
        ObjectNode config = runc();
        config.put("ociVersion", "");
        process(config).putArray("args");
        Validation v = Configs.check(config);
        assertEquals(List.of(new Finding("ociVersion", "must not be empty"),
                new Finding("process.args", "must not be empty")), v.errors());
        assertEquals("config.json: ociVersion: must not be empty", error(config));
    }

    @Test
    void ociVersion() {
        ObjectNode config = runc();
        config.remove("ociVersion");
        assertEquals("config.json: ociVersion: must not be empty", error(config));
    }

    @Test
    void root() {
        ObjectNode config = runc();
        config.remove("root");
        assertEquals("config.json: root: must be present", error(config));
        config.putObject("root").put("path", "");
        assertEquals("config.json: root.path: must not be empty", error(config));
    }

    @Test
    void processMustBePresent() {
        ObjectNode config = runc();
        config.remove("process");
        assertEquals("config.json: process: must be present", error(config));
    }

    @Test
    void argsMustNotBeEmpty() {
        ObjectNode config = runc();
        process(config).putArray("args");
        assertEquals("config.json: process.args: must not be empty", error(config));
    }

    @Test
    void cwdMustBeAbsolute() {
        ObjectNode config = runc();
        process(config).put("cwd", "home");
        assertEquals("config.json: process.cwd: must be an absolute path", error(config));
        process(config).remove("cwd");
        assertEquals("config.json: process.cwd: must be an absolute path", error(config));
    }

    @Test
    void envEntriesAreKeyValue() {
        ObjectNode config = runc();
        ((ArrayNode) process(config).get("env")).add("NOEQUALS").add("=x");
        assertEquals(List.of(new Finding("process.env[2]", "must be KEY=value"),
                new Finding("process.env[3]", "must be KEY=value")), Configs.check(config).errors());
    }

    @Test
    void oomScoreAdjRange() {
        ObjectNode config = runc();
        process(config).put("oomScoreAdj", -1000);
        assertValid(config);
        process(config).put("oomScoreAdj", 1001);
        assertEquals("config.json: process.oomScoreAdj: must be between -1000 and 1000", error(config));
    }

    @Test
    void userIdsAre32Bit() {
        ObjectNode config = runc();
        ObjectNode user = (ObjectNode) process(config).get("user");
        user.put("uid", 4294967295L);
        assertValid(config);
        user.put("uid", 4294967296L);
        assertEquals("config.json: process.user.uid: must be between 0 and 4294967295", error(config));
        user.put("uid", 0).put("gid", -1);
        assertEquals("config.json: process.user.gid: must be between 0 and 4294967295", error(config));
        user.put("gid", 0).putArray("additionalGids").add(1).add(-2);
        assertEquals("config.json: process.user.additionalGids[1]: must be between 0 and 4294967295",
                error(config));
        user.remove("additionalGids");
        user.put("umask", 01000);
        assertEquals("config.json: process.user.umask: must be between 0 and 0777", error(config));
    }

    @Test
    void capabilityNamesMustBeKnown() {
        ObjectNode config = runc();
        ((ArrayNode) ((ObjectNode) process(config).get("capabilities")).get("bounding")).set(2, "CAP_FOO");
        assertEquals("config.json: process.capabilities.bounding[2]: unknown capability \"CAP_FOO\"",
                error(config));
        ((ObjectNode) process(config).get("capabilities")).putArray("inheritable").add("cap_kill");
        assertTrue(Configs.check(config).errors().contains(
                new Finding("process.capabilities.inheritable[0]", "unknown capability \"cap_kill\"")));
    }

    @Test
    void capabilitiesNewerThanTheKernelAreAWarningOnce() {
        ObjectNode config = runc();
        ObjectNode caps = ((ObjectNode) process(config).get("capabilities"));
        ((ArrayNode) caps.get("bounding")).add("CAP_CHECKPOINT_RESTORE");
        ((ArrayNode) caps.get("permitted")).add("CAP_CHECKPOINT_RESTORE");
        Validation v = SpecValidator.check(Configs.spec(config), new HostFacts(true, 39));
        assertEquals(List.of(), v.errors());
        assertEquals(List.of(new Finding("process.capabilities.bounding[3]",
                "CAP_CHECKPOINT_RESTORE is not known to this kernel and is ignored")), v.warnings());
        assertEquals(List.of(), SpecValidator.check(Configs.spec(config), HostFacts.of(true)).warnings());
    }

    @Test
    void rlimits() {
        ObjectNode config = runc();
        ArrayNode rlimits = (ArrayNode) process(config).get("rlimits");
        rlimits.addObject().put("type", "RLIMIT_CORE").put("hard", 10).put("soft", 20);
        assertEquals("config.json: process.rlimits[1]: soft limit 20 exceeds hard limit 10", error(config));
        rlimits.remove(1);
        rlimits.addObject().put("type", "RLIMIT_FOO").put("hard", 1).put("soft", 1);
        assertEquals("config.json: process.rlimits[1].type: unknown rlimit \"RLIMIT_FOO\"", error(config));
        rlimits.remove(1);
        rlimits.addObject().put("type", "RLIMIT_NOFILE").put("hard", 1).put("soft", 1);
        assertEquals("config.json: process.rlimits[1].type: \"RLIMIT_NOFILE\" is repeated", error(config));
    }

    @Test
    void rlimitsCompareUnsigned() {
        ObjectNode config = runc();
        ArrayNode rlimits = (ArrayNode) process(config).get("rlimits");
        rlimits.addObject().put("type", "RLIMIT_CORE")
                .put("hard", new java.math.BigInteger("18446744073709551615")).put("soft", 1024);
        assertValid(config);
    }

    @Test
    void namespaceTypesMustBeKnown() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "bogus");
        assertEquals("config.json: linux.namespaces[5].type: unknown namespace type \"bogus\"", error(config));
    }

    @Test
    void namespaceTypesMustNotRepeat() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "pid").put("path", "/proc/1/ns/pid");
        assertEquals("config.json: linux.namespaces[5].type: namespace type \"pid\" is repeated", error(config));
    }

    @Test
    void namespacePathsAreAbsolute() {
        ObjectNode config = runc();
        ((ObjectNode) namespaces(config).get(1)).put("path", "run/netns/x");
        assertEquals("config.json: linux.namespaces[1].path: must be an absolute path", error(config));
    }

    @Test
    void allKnownNamespaceTypesAreAccepted() {
        ObjectNode config = Configs.withUserNamespace(runc());
        namespaces(config).addObject().put("type", "cgroup");
        namespaces(config).addObject().put("type", "time");
        assertValid(config);
    }

    @Test
    void mappingsNeedAUserNamespace() {
        ObjectNode config = runc();
        linux(config).putArray("uidMappings").add(mapping(0, 1000, 1));
        assertEquals("config.json: linux.uidMappings: needs a user namespace in linux.namespaces", error(config));
    }

    @Test
    void mappingsMustBeEmptyWhenJoiningAUserNamespace() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ObjectNode) namespaces(config).get(5)).put("path", "/proc/1234/ns/user");
        assertEquals("config.json: linux.uidMappings: must be empty when joining an existing user namespace",
                error(config));
        linux(config).remove("uidMappings");
        linux(config).remove("gidMappings");
        assertValid(config);
    }

    @Test
    void aNewUserNamespaceNeedsMappings() {
        ObjectNode config = Configs.withUserNamespace(runc());
        linux(config).remove("gidMappings");
        assertEquals("config.json: linux.gidMappings: a new user namespace needs gid mappings", error(config));
    }

    @Test
    void mappingSizeMustBePositive() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ArrayNode) linux(config).get("uidMappings")).add(mapping(70000, 200000, 0));
        assertEquals("config.json: linux.uidMappings[1].size: must be greater than zero", error(config));
    }

    @Test
    void mappingsMustNotOverlapInTheContainer() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ArrayNode) linux(config).get("uidMappings")).add(mapping(65535, 300000, 10));
        assertEquals("config.json: linux.uidMappings[1]: container ids overlap linux.uidMappings[0]",
                error(config));
    }

    @Test
    void mappingsMustNotOverlapOnTheHost() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ArrayNode) linux(config).get("gidMappings")).add(mapping(70000, 165535, 10));
        assertEquals("config.json: linux.gidMappings[1]: host ids overlap linux.gidMappings[0]", error(config));
    }

    @Test
    void adjacentMappingsAreFine() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ArrayNode) linux(config).get("uidMappings")).add(mapping(65536, 165536, 10));
        assertValid(config);
    }

    @Test
    void mappingsMustFitIn32Bits() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ((ArrayNode) linux(config).get("uidMappings")).add(mapping(70000, 4294967290L, 10));
        assertEquals("config.json: linux.uidMappings[1]: ids must lie between 0 and 4294967295", error(config));
    }

    @Test
    void atMost340MappingLines() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ArrayNode uids = linux(config).putArray("uidMappings");
        for (int i = 0; i < 341; i++) {
            uids.add(mapping(i, 100000 + i, 1));
        }
        assertEquals("config.json: linux.uidMappings: 341 mappings exceed the kernel's limit of 340", error(config));
        uids.remove(340);
        assertValid(config);
    }

    @Test
    void containerRootMustBeMapped() {
        ObjectNode config = Configs.withUserNamespace(runc());
        linux(config).putArray("uidMappings").add(mapping(1, 100000, 65535));
        assertEquals("config.json: linux.uidMappings: container uid 0 is not mapped: the container needs a root user",
                error(config));
    }

    @Test
    void processUserMustBeMapped() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ObjectNode user = (ObjectNode) process(config).get("user");
        user.put("uid", 70000);
        assertEquals("config.json: process.user.uid: 70000 is not mapped by linux.uidMappings", error(config));
        user.put("uid", 1000).put("gid", 65536);
        assertEquals("config.json: process.user.gid: 65536 is not mapped by linux.gidMappings", error(config));
        user.put("gid", 1000).putArray("additionalGids").add(5).add(100000);
        assertEquals("config.json: process.user.additionalGids[1]: 100000 is not mapped by linux.gidMappings",
                error(config));
        ((ArrayNode) user.get("additionalGids")).remove(1);
        assertValid(config);
    }

    @Test
    void rootlessNeedsAUserNamespace() {
        HostFacts user = HostFacts.of(false);
        assertEquals("config.json: linux.namespaces: a rootless container needs a user namespace",
                error(runc(), user));
    }

    @Test
    void rootlessMountIdsMustBeMapped() {
        ObjectNode config = runc();
        namespaces(config).addObject().put("type", "user");
        linux(config).putArray("uidMappings").add(mapping(0, 1000, 1));
        linux(config).putArray("gidMappings").add(mapping(0, 1000, 1));
        assertEquals("config.json: mounts[2].options[5]: gid=5 names an id that is not mapped into the container",
                error(config, HostFacts.of(false)));
        assertValid(config); // root may map any ids: the kernel decides
    }

    @Test
    void hostnameNeedsAUtsNamespace() {
        ObjectNode config = runc();
        namespaces(config).remove(3);
        assertEquals("config.json: hostname: needs a private uts namespace", error(config));
        config.remove("hostname");
        config.put("domainname", "example.org");
        assertEquals("config.json: domainname: needs a private uts namespace", error(config));
    }

    @Test
    void hostnameInAJoinedUtsNamespaceIsAWarning() {
        ObjectNode config = runc();
        ((ObjectNode) namespaces(config).get(3)).put("path", "/proc/1/ns/uts");
        assertEquals(List.of("hostname: is set in a joined uts namespace, for every process in it"),
                warnings(config));
        assertValid(config);
    }

    @Test
    void sysctlsNeedTheirNamespace() {
        ObjectNode config = runc();
        ObjectNode sysctl = linux(config).putObject("sysctl");
        sysctl.put("net.ipv4.ip_forward", "1").put("kernel.shmmax", "1").put("fs.mqueue.msg_max", "1")
                .put("kernel.msgmax", "1").put("kernel.sem", "1 2 3 4").put("kernel.domainname", "x");
        assertValid(config);
        namespaces(config).remove(1); // network
        assertEquals("config.json: linux.sysctl[\"net.ipv4.ip_forward\"]: needs a network namespace", error(config));
        sysctl.remove("net.ipv4.ip_forward");
        namespaces(config).remove(1); // ipc
        assertEquals(List.of(
                new Finding("linux.sysctl[\"fs.mqueue.msg_max\"]", "needs an ipc namespace"),
                new Finding("linux.sysctl[\"kernel.msgmax\"]", "needs an ipc namespace"),
                new Finding("linux.sysctl[\"kernel.sem\"]", "needs an ipc namespace"),
                new Finding("linux.sysctl[\"kernel.shmmax\"]", "needs an ipc namespace")),
                Configs.check(config).errors());
    }

    @Test
    void sysctlInSlashForm() {
        ObjectNode config = runc();
        namespaces(config).remove(1);
        linux(config).putObject("sysctl").put("net/ipv4/conf/eth0.100/rp_filter", "1");
        assertEquals("config.json: linux.sysctl[\"net/ipv4/conf/eth0.100/rp_filter\"]: needs a network namespace",
                error(config));
        assertEquals("net.ipv4.conf.eth0/100.rp_filter", NamespaceChecks.dotted("net/ipv4/conf/eth0.100/rp_filter"));
    }

    @Test
    void sysctlHostnameConflictsWithTheHostnameField() {
        ObjectNode config = runc();
        linux(config).putObject("sysctl").put("kernel.hostname", "x");
        assertEquals("config.json: linux.sysctl[\"kernel.hostname\"]: conflicts with the hostname field",
                error(config));
        namespaces(config).remove(3);
        config.remove("hostname");
        assertEquals("config.json: linux.sysctl[\"kernel.hostname\"]: needs a uts namespace", error(config));
    }

    @Test
    void sysctlsThatAreNotNamespacedAreRefused() {
        ObjectNode config = runc();
        linux(config).putObject("sysctl").put("vm.swappiness", "10");
        assertEquals("config.json: linux.sysctl[\"vm.swappiness\"]: is not namespaced: it would change the host",
                error(config));
    }

    @Test
    void mountDestinationsAreAbsolute() {
        ObjectNode config = runc();
        ((ObjectNode) config.get("mounts").get(3)).put("destination", "dev/shm");
        assertEquals("config.json: mounts[3].destination: must be an absolute path", error(config));
    }

    @Test
    void idMappedMounts() {
        ObjectNode config = Configs.withUserNamespace(runc());
        ObjectNode mount = ((ArrayNode) config.get("mounts")).addObject()
                .put("destination", "/data").put("type", "bind").put("source", "/srv");
        mount.putArray("uidMappings").add(mapping(0, 100000, 65536));
        assertEquals("config.json: mounts[7]: an id-mapped mount needs both uidMappings and gidMappings",
                error(config));
        mount.putArray("gidMappings").add(mapping(0, 100000, 65536));
        assertEquals("config.json: mounts[7]: id mappings need a bind mount", error(config));
        mount.putArray("options").add("rbind");
        assertValid(config);
    }

    @Test
    void maskedAndReadonlyPathsAreAbsolute() {
        ObjectNode config = runc();
        ((ArrayNode) linux(config).get("maskedPaths")).add("proc/kcore");
        ((ArrayNode) linux(config).get("readonlyPaths")).add("sys");
        assertEquals(List.of(new Finding("linux.maskedPaths[10]", "must be an absolute path"),
                new Finding("linux.readonlyPaths[5]", "must be an absolute path")), Configs.check(config).errors());
    }

    @Test
    void maskingNeedsAMountNamespace() {
        ObjectNode config = runc();
        namespaces(config).remove(4);
        assertEquals("config.json: linux.maskedPaths: needs a mount namespace", error(config));
    }

    @Test
    void rootfsPropagation() {
        ObjectNode config = runc();
        for (String mode : List.of("", "shared", "slave", "private", "rshared", "rslave", "rprivate", "unbindable",
                "runbindable")) {
            linux(config).put("rootfsPropagation", mode);
            assertValid(config);
        }
        linux(config).put("rootfsPropagation", "recursive");
        assertEquals("config.json: linux.rootfsPropagation: unknown propagation \"recursive\"", error(config));
    }

    @Test
    void devices() {
        ObjectNode config = runc();
        ArrayNode devices = linux(config).putArray("devices");
        devices.addObject().put("path", "/dev/fuse").put("type", "c").put("major", 10).put("minor", 229);
        devices.addObject().put("path", "/dev/fifo").put("type", "p");
        assertValid(config);
        devices.addObject().put("path", "dev/x").put("type", "z");
        assertEquals(List.of(new Finding("linux.devices[2].path", "must be an absolute path"),
                new Finding("linux.devices[2].type", "unknown device type \"z\"")), Configs.check(config).errors());
    }

    @Test
    void deviceRules() {
        ObjectNode config = runc();
        ArrayNode rules = (ArrayNode) ((ObjectNode) linux(config).get("resources")).get("devices");
        rules.addObject().put("allow", true).put("type", "c").put("major", 1).put("minor", 3).put("access", "rwm");
        assertValid(config);
        rules.addObject().put("allow", true).put("type", "x").put("access", "rwx");
        assertEquals(List.of(new Finding("linux.resources.devices[2].type", "unknown device type \"x\""),
                new Finding("linux.resources.devices[2].access", "must be made of r, w and m")),
                Configs.check(config).errors());
    }

    private static ObjectNode seccomp(ObjectNode config) {
        ObjectNode seccomp = linux(config).putObject("seccomp").put("defaultAction", "SCMP_ACT_ERRNO");
        seccomp.putArray("architectures").add("SCMP_ARCH_X86_64").add("SCMP_ARCH_X86").add("SCMP_ARCH_X32");
        ObjectNode rule = seccomp.putArray("syscalls").addObject().put("action", "SCMP_ACT_ALLOW");
        rule.putArray("names").add("read").add("personality");
        rule.putArray("args").addObject().put("index", 0).put("value", 8).put("op", "SCMP_CMP_EQ");
        return seccomp;
    }

    @Test
    void seccompProfileIsValid() {
        ObjectNode config = runc();
        seccomp(config).putArray("flags").add("SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        assertValid(config);
    }

    @Test
    void seccompDefaultAction() {
        ObjectNode config = runc();
        seccomp(config).put("defaultAction", "SCMP_ACT_DENY");
        assertEquals("config.json: linux.seccomp.defaultAction: unknown action \"SCMP_ACT_DENY\"", error(config));
        seccomp(config).put("defaultAction", "SCMP_ACT_NOTIFY").put("listenerPath", "/run/a.sock");
        assertEquals("config.json: linux.seccomp.defaultAction: SCMP_ACT_NOTIFY cannot be the default action",
                error(config));
    }

    @Test
    void seccompArchitecturesAndFlags() {
        ObjectNode config = runc();
        ObjectNode seccomp = seccomp(config);
        ((ArrayNode) seccomp.get("architectures")).add("SCMP_ARCH_Z80");
        seccomp.putArray("flags").add("SECCOMP_FILTER_FLAG_FAST");
        assertEquals(List.of(new Finding("linux.seccomp.architectures[3]", "unknown architecture \"SCMP_ARCH_Z80\""),
                new Finding("linux.seccomp.flags[0]", "unknown flag \"SECCOMP_FILTER_FLAG_FAST\"")),
                Configs.check(config).errors());
    }

    @Test
    void seccompRules() {
        ObjectNode config = runc();
        ArrayNode rules = (ArrayNode) seccomp(config).get("syscalls");
        ObjectNode rule = rules.addObject().put("action", "SCMP_ACT_STOP");
        rule.putArray("names");
        rule.putArray("args").addObject().put("index", 6).put("value", 1).put("op", "SCMP_CMP_LIKE");
        assertEquals(List.of(new Finding("linux.seccomp.syscalls[1].names", "must not be empty"),
                new Finding("linux.seccomp.syscalls[1].action", "unknown action \"SCMP_ACT_STOP\""),
                new Finding("linux.seccomp.syscalls[1].args[0].index", "must be between 0 and 5"),
                new Finding("linux.seccomp.syscalls[1].args[0].op", "unknown operator \"SCMP_CMP_LIKE\"")),
                Configs.check(config).errors());
    }

    @Test
    void seccompNotify() {
        ObjectNode config = runc();
        ObjectNode seccomp = seccomp(config);
        ObjectNode rule = ((ArrayNode) seccomp.get("syscalls")).addObject().put("action", "SCMP_ACT_NOTIFY");
        rule.putArray("names").add("mount");
        assertEquals("config.json: linux.seccomp.listenerPath: must be set when SCMP_ACT_NOTIFY is used",
                error(config));
        seccomp.put("listenerPath", "/run/agent.sock");
        assertValid(config);
        ((ArrayNode) rule.get("names")).add("write");
        assertEquals("config.json: linux.seccomp.syscalls[1]: SCMP_ACT_NOTIFY cannot be used for write",
                error(config));
    }

    @Test
    void hooks() {
        ObjectNode config = runc();
        ObjectNode hooks = config.putObject("hooks");
        hooks.putArray("createRuntime").addObject().put("path", "/usr/bin/hook").put("timeout", 5);
        assertValid(config);
        hooks.putArray("poststop").addObject().put("path", "hook").put("timeout", 0);
        assertEquals(List.of(new Finding("hooks.poststop[0].path", "must be an absolute path"),
                new Finding("hooks.poststop[0].timeout", "must be greater than zero")),
                Configs.check(config).errors());
    }

    @Test
    void unmaskedProcWithoutUserNamespaceIsAWarning() {
        ObjectNode config = runc();
        linux(config).remove("maskedPaths");
        linux(config).remove("readonlyPaths");
        Validation v = Configs.check(config);
        assertEquals(List.of(), v.errors());
        assertEquals(List.of(new Finding("linux.maskedPaths", "/proc is unmasked for a container without a user "
                + "namespace: its root is real root (Kubernetes requires hostUsers: false for procMount: Unmasked)")),
                v.warnings());
        assertEquals(v.warnings(), SpecValidator.validate(Configs.spec(config), HostFacts.of(true)));
    }

    @Test
    void unmaskedProcWithAUserNamespaceIsFine() {
        ObjectNode config = Configs.withUserNamespace(runc());
        linux(config).remove("maskedPaths");
        linux(config).remove("readonlyPaths");
        assertEquals(new Validation(List.of(), List.of()), Configs.check(config));
    }

    @Test
    void aConfigWithoutLinuxIsCheckedWithoutFailing() {
        ObjectNode config = runc();
        config.remove("linux");
        config.remove("hostname");
        assertValid(config);
        assertEquals(1, Configs.check(config).warnings().size());
    }
}
