package dev.jrun.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The config.json that {@code jrun spec} writes. With {@link Options#defaults()} it is the one
 * {@code runc spec} writes (the runc 1.1 template), with {@code rootless} the one of
 * {@code runc spec --rootless}. A pure function: whatever depends on the caller comes in as a value.
 */
public final class SpecTemplate {

    /** The runtime-spec version runc's template declares. */
    public static final String OCI_VERSION = "1.0.2-dev";

    static final List<String> DEFAULT_CAPS = List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");

    static final List<String> MASKED_PATHS = List.of(
            "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
            "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi");

    static final List<String> READONLY_PATHS = List.of(
            "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private static final String ALL = "CAP_ALL";

    /**
     * What {@code jrun spec} may change in the template. Each boolean is the value written, so
     * {@link #defaults()} has {@code noNewPrivileges} and {@code readOnly} true, as runc's template.
     *
     * @param rootless          as {@code runc spec --rootless}: a user namespace mapping the caller's
     *                          ids to root, no network namespace, no cgroup settings
     * @param noNewPrivileges   process.noNewPrivileges; false leaves the field out
     * @param userns            a user namespace mapping container ids 0..size-1 to this host range
     *                          (for uids and gids alike); with rootless it replaces the caller's ids
     * @param procMount         UNMASKED empties linux.maskedPaths and linux.readonlyPaths
     * @param uid               process.user.uid, 0 when empty
     * @param gid               process.user.gid, 0 when empty
     * @param capAdd            added to the bounding, effective and permitted sets; "ALL" adds every one
     * @param capDrop           removed from every set; "ALL" empties them before capAdd applies
     * @param readOnly          root.readonly
     */
    public record Options(boolean rootless, boolean noNewPrivileges, Optional<IdRange> userns, ProcMount procMount,
                          OptionalInt uid, OptionalInt gid, List<String> capAdd, List<String> capDrop,
                          boolean readOnly) {

        public Options {
            Objects.requireNonNull(userns, "userns");
            Objects.requireNonNull(procMount, "procMount");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(gid, "gid");
            capAdd = List.copyOf(capAdd);
            capDrop = List.copyOf(capDrop);
        }

        /** The options that reproduce {@code runc spec}. */
        public static Options defaults() {
            return new Options(false, true, Optional.empty(), ProcMount.DEFAULT, OptionalInt.empty(),
                    OptionalInt.empty(), List.of(), List.of(), true);
        }
    }

    /** The effective uid and gid of whoever runs {@code jrun spec}; only a rootless template uses them. */
    public record Caller(long uid, long gid) {

        public static final Caller ROOT = new Caller(0, 0);
    }

    /** The user namespace's two tables, when the template has one. */
    private record IdMaps(List<IdMapping> uids, List<IdMapping> gids) {
    }

    private SpecTemplate() {
    }

    /** The template as runc's template is for root: a rootless one then maps container root to host root. */
    public static String render(Options options) {
        return render(options, Caller.ROOT);
    }

    /** The pretty-printed config.json text, byte for byte as runc writes it for the same options. */
    public static String render(Options options, Caller caller) {
        return SpecWriter.write(spec(options, caller));
    }

    public static Spec spec(Options options, Caller caller) {
        Optional<IdMaps> maps = idMaps(options, caller);
        return new Spec(OCI_VERSION, process(options), new Root("rootfs", options.readOnly()), "runc", null,
                mounts(maps), null, Map.of(), linux(options, maps));
    }

    private static Optional<IdMaps> idMaps(Options o, Caller caller) {
        if (o.userns().isPresent()) {
            IdMapping range = new IdMapping(0, o.userns().get().hostId(), o.userns().get().size());
            return Optional.of(new IdMaps(List.of(range), List.of(range)));
        }
        if (o.rootless()) {
            return Optional.of(new IdMaps(List.of(new IdMapping(0, caller.uid(), 1)),
                    List.of(new IdMapping(0, caller.gid(), 1))));
        }
        return Optional.empty();
    }

    private static Process process(Options o) {
        List<String> kept = editCaps(DEFAULT_CAPS, o.capAdd(), o.capDrop());
        List<String> ambient = editCaps(DEFAULT_CAPS, List.of(), o.capDrop());
        CapabilitySets caps = new CapabilitySets(kept, kept, List.of(), kept, ambient);
        User user = new User(o.uid().orElse(0), o.gid().orElse(0));
        return new Process(true, null, user, List.of("sh"),
                List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"), "/",
                caps, List.of(new Rlimit("RLIMIT_NOFILE", 1024, 1024)), o.noNewPrivileges(), null, null, null);
    }

    /**
     * Docker's rule, so that "--cap-drop ALL --cap-add X" keeps only X: ALL in add starts from every
     * capability, ALL in drop from none, then the named ones are added, then the named ones dropped.
     */
    static List<String> editCaps(List<String> base, List<String> add, List<String> drop) {
        List<String> adds = canonical(add);
        List<String> drops = canonical(drop);
        Set<String> caps = new LinkedHashSet<>(adds.contains(ALL) ? Capabilities.NAMES : base);
        if (drops.contains(ALL)) {
            caps.clear();
        }
        adds.stream().filter(name -> !name.equals(ALL)).forEach(caps::add);
        drops.forEach(caps::remove);
        return List.copyOf(caps);
    }

    private static List<String> canonical(List<String> userNames) {
        List<String> names = new ArrayList<>();
        for (String userName : userNames) {
            String name = Capabilities.canonical(userName);
            if (!name.equals(ALL) && !Capabilities.isKnown(name)) {
                throw new ConfigException("unknown capability \"" + userName + "\"");
            }
            names.add(name);
        }
        return names;
    }

    private static List<Mount> mounts(Optional<IdMaps> maps) {
        List<Mount> mounts = new ArrayList<>(List.of(
                new Mount("/proc", "proc", "proc", List.of()),
                new Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new Mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new Mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
                new Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                new Mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("nosuid", "noexec", "nodev", "relatime", "ro"))));
        if (maps.isEmpty()) {
            return mounts;
        }
        // A fresh sysfs needs the user namespace to own the network namespace, which not every
        // kernel and set-up gives: bind the host's /sys read-only instead, as runc's rootless template.
        mounts.replaceAll(m -> m.destination().equals("/sys")
                ? new Mount("/sys", "none", "/sys", List.of("rbind", "nosuid", "noexec", "nodev", "ro"))
                : new Mount(m.destination(), m.type(), m.source(), mappedOptions(m.options(), maps.get())));
        return mounts;
    }

    /** Drops uid= and gid= options that name an id the user namespace does not map (devpts' gid=5 with one id). */
    private static List<String> mappedOptions(List<String> options, IdMaps maps) {
        return options.stream().filter(option -> {
            List<IdMapping> table = option.startsWith("uid=") ? maps.uids()
                    : option.startsWith("gid=") ? maps.gids() : null;
            return table == null || IdMappingChecks.maps(table, Long.parseLong(option.substring(4)));
        }).toList();
    }

    private static Linux linux(Options o, Optional<IdMaps> maps) {
        List<Namespace> namespaces = new ArrayList<>();
        for (String type : List.of(Namespace.PID, Namespace.NETWORK, Namespace.IPC, Namespace.UTS, Namespace.MOUNT)) {
            if (!(o.rootless() && type.equals(Namespace.NETWORK))) {
                namespaces.add(new Namespace(type));
            }
        }
        maps.ifPresent(m -> namespaces.add(new Namespace(Namespace.USER)));
        // A rootless caller usually cannot write cgroups, so runc's rootless template has no resources.
        Resources resources = o.rootless() ? null
                : new Resources(List.of(new Resources.DeviceRule(false, null, null, null, "rwm")), null, null, null,
                null, List.of(), Map.of());
        boolean masked = o.procMount() == ProcMount.DEFAULT;
        return new Linux(maps.map(IdMaps::uids).orElse(List.of()), maps.map(IdMaps::gids).orElse(List.of()),
                Map.of(), resources, null, namespaces, List.of(), null, null,
                masked ? MASKED_PATHS : List.of(), masked ? READONLY_PATHS : List.of(), null);
    }
}
