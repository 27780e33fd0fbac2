package dev.jrun.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

/**
 * A config.json, kept as a Jackson tree so that a test can also write what no model allows
 * (a missing field, an unknown namespace). The defaults are runc's `spec` defaults with
 * terminal false, minus the cgroup mount: the spec test covers that one, and leaving it out
 * keeps every other test about its own subject.
 */
public final class Config {
    public static final List<String> DEFAULT_CAPS = List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");
    public static final List<String> DEFAULT_MASKED = List.of(
            "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
            "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware",
            "/proc/scsi", "/sys/devices/virtual/powercap");
    public static final List<String> DEFAULT_READONLY = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
    public static final String HOSTNAME = "jrun-it";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CAPABILITY_SETS = List.of("bounding", "effective", "permitted");

    private final ObjectNode root;

    private Config(ObjectNode root) {
        this.root = root;
    }

    public static Config of(String... args) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ociVersion", "1.0.2");
        ObjectNode process = root.putObject("process");
        process.put("terminal", false);
        process.putObject("user").put("uid", 0).put("gid", 0);
        strings(process.putArray("args"), List.of(args));
        strings(process.putArray("env"), List.of("PATH=/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"));
        process.put("cwd", "/");
        ObjectNode caps = process.putObject("capabilities");
        CAPABILITY_SETS.forEach(set -> strings(caps.putArray(set), DEFAULT_CAPS));
        process.putArray("rlimits").addObject().put("type", "RLIMIT_NOFILE").put("hard", 1024).put("soft", 1024);
        process.put("noNewPrivileges", true);
        root.putObject("root").put("path", "rootfs").put("readonly", false);
        root.put("hostname", HOSTNAME);
        Config config = new Config(root);
        root.putArray("mounts");
        config.mount("/proc", "proc", "proc")
                .mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k")
                .mount("/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620")
                .mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k")
                .mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev")
                .mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
        ObjectNode linux = root.putObject("linux");
        config.namespaces("pid", "network", "ipc", "uts", "mount");
        strings(linux.putArray("maskedPaths"), DEFAULT_MASKED);
        strings(linux.putArray("readonlyPaths"), DEFAULT_READONLY);
        return config;
    }

    public static Config shell(String script) {
        return of("/bin/sh", "-c", script);
    }

    public static Config parse(String json) {
        return new Config((ObjectNode) RuntimeCli.parse(json));
    }

    /** The tree itself, for edits no method here names. */
    public ObjectNode json() {
        return root;
    }

    public Config copy() {
        return new Config(root.deepCopy());
    }

    public String toJson() {
        return root.toPrettyString();
    }

    public Config args(String... args) {
        strings(process().putArray("args"), List.of(args));
        return this;
    }

    public Config env(String entry) {
        ((ArrayNode) process().get("env")).add(entry);
        return this;
    }

    public Config cwd(String cwd) {
        process().put("cwd", cwd);
        return this;
    }

    public Config user(int uid, int gid, int... additionalGids) {
        ObjectNode user = process().putObject("user").put("uid", uid).put("gid", gid);
        if (additionalGids.length > 0) {
            ArrayNode gids = user.putArray("additionalGids");
            for (int g : additionalGids) {
                gids.add(g);
            }
        }
        return this;
    }

    /** Bounding, effective and permitted, as runc's spec sets them. */
    public Config capabilities(List<String> caps) {
        CAPABILITY_SETS.forEach(set -> capabilitySet(set, caps));
        return this;
    }

    public Config capabilitySet(String set, List<String> caps) {
        strings(((ObjectNode) process().get("capabilities")).putArray(set), caps);
        return this;
    }

    public Config noNewPrivileges(boolean on) {
        process().put("noNewPrivileges", on);
        return this;
    }

    public Config rlimit(String type, long soft, long hard) {
        ArrayNode rlimits = (ArrayNode) process().get("rlimits");
        for (int i = rlimits.size() - 1; i >= 0; i--) {
            if (type.equals(rlimits.get(i).path("type").asText())) {
                rlimits.remove(i);
            }
        }
        rlimits.addObject().put("type", type).put("hard", hard).put("soft", soft);
        return this;
    }

    public Config oomScoreAdj(int adj) {
        process().put("oomScoreAdj", adj);
        return this;
    }

    public Config readonlyRoot() {
        ((ObjectNode) root.get("root")).put("readonly", true);
        return this;
    }

    public Config rootPath(String path) {
        ((ObjectNode) root.get("root")).put("path", path);
        return this;
    }

    public Config mount(String destination, String type, String source, String... options) {
        ObjectNode mount = ((ArrayNode) root.get("mounts")).addObject()
                .put("destination", destination).put("type", type).put("source", source);
        if (options.length > 0) {
            strings(mount.putArray("options"), List.of(options));
        }
        return this;
    }

    public Config withoutMount(String destination) {
        ArrayNode mounts = (ArrayNode) root.get("mounts");
        for (int i = mounts.size() - 1; i >= 0; i--) {
            if (destination.equals(mounts.get(i).path("destination").asText())) {
                mounts.remove(i);
            }
        }
        return this;
    }

    public Config namespaces(String... types) {
        ArrayNode namespaces = linux().putArray("namespaces");
        for (String type : types) {
            namespaces.addObject().put("type", type);
        }
        return this;
    }

    public Config addNamespace(String type) {
        ((ArrayNode) linux().get("namespaces")).addObject().put("type", type);
        return this;
    }

    public Config withoutNamespace(String type) {
        ArrayNode namespaces = (ArrayNode) linux().get("namespaces");
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            if (type.equals(namespaces.get(i).path("type").asText())) {
                namespaces.remove(i);
            }
        }
        return this;
    }

    /**
     * A user namespace with the same uid and gid maps. A fresh sysfs needs a network namespace
     * owned by the user namespace on every kernel, so /sys becomes a read-only rbind, as
     * rootless runtimes do.
     */
    public Config userNamespace(IdMapping... mappings) {
        addNamespace("user");
        idMappings("uidMappings", mappings);
        idMappings("gidMappings", mappings);
        return withoutMount("/sys").mount("/sys", "none", "/sys", "rbind", "nosuid", "noexec", "nodev", "ro");
    }

    /** The host uid that container uid 0 maps to, if the config has a user namespace. */
    public OptionalLong hostRootId() {
        return StreamSupport.stream(linux().path("uidMappings").spliterator(), false)
                .filter(m -> m.path("containerID").asLong() == 0)
                .mapToLong(m -> m.path("hostID").asLong())
                .findFirst();
    }

    public Config maskedPaths(String... paths) {
        strings(linux().putArray("maskedPaths"), List.of(paths));
        return this;
    }

    public Config addMaskedPath(String path) {
        ((ArrayNode) linux().get("maskedPaths")).add(path);
        return this;
    }

    public Config readonlyPaths(String... paths) {
        strings(linux().putArray("readonlyPaths"), List.of(paths));
        return this;
    }

    /** Kubernetes' procMount: Unmasked, which reaches the runtime as two empty lists. */
    public Config unmasked() {
        return maskedPaths().readonlyPaths();
    }

    public Config sysctl(String key, String value) {
        JsonNode existing = linux().get("sysctl");
        ObjectNode sysctl = existing instanceof ObjectNode o ? o : linux().putObject("sysctl");
        sysctl.put(key, value);
        return this;
    }

    /** A profile that allows everything except the named syscalls, which fail with errnoRet. */
    public Config seccompErrno(int errnoRet, String... syscalls) {
        ObjectNode seccomp = linux().putObject("seccomp").put("defaultAction", "SCMP_ACT_ALLOW");
        ObjectNode rule = seccomp.putArray("syscalls").addObject();
        strings(rule.putArray("names"), List.of(syscalls));
        rule.put("action", "SCMP_ACT_ERRNO").put("errnoRet", errnoRet);
        return this;
    }

    private void idMappings(String field, IdMapping... mappings) {
        ArrayNode array = linux().putArray(field);
        for (IdMapping m : mappings) {
            array.addObject().put("containerID", m.containerId()).put("hostID", m.hostId()).put("size", m.size());
        }
    }

    private ObjectNode process() {
        return (ObjectNode) root.get("process");
    }

    private ObjectNode linux() {
        return (ObjectNode) root.get("linux");
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
