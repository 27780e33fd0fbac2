package dev.jrun.plan;

import static dev.jrun.plan.MountFlags.*;

import dev.jrun.spec.Capabilities;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.CapabilitySets;
import dev.jrun.spec.Device;
import dev.jrun.spec.Linux;
import dev.jrun.spec.Mount;
import dev.jrun.spec.Namespace;
import dev.jrun.spec.Process;
import dev.jrun.spec.Rlimits;
import dev.jrun.spec.Seccomp;
import dev.jrun.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a validated spec into a {@link Plan}. A pure function: whatever it needs to know about the
 * host comes in as arguments, so that a plan can be pinned by a unit test.
 */
public final class Planner {

    /** runc's default device nodes, present in every container whose /dev is not bound from the host. */
    private static final List<DeviceNode> DEFAULT_DEVICES = List.of(
            device("/dev/null", 1, 3),
            device("/dev/zero", 1, 5),
            device("/dev/full", 1, 7),
            device("/dev/tty", 5, 0),
            device("/dev/random", 1, 8),
            device("/dev/urandom", 1, 9));

    private static final List<MountStep.Symlink> DEV_LINKS = List.of(
            new MountStep.Symlink("/proc/self/fd", ContainerPath.of("/dev/fd")),
            new MountStep.Symlink("/proc/self/fd/0", ContainerPath.of("/dev/stdin")),
            new MountStep.Symlink("/proc/self/fd/1", ContainerPath.of("/dev/stdout")),
            new MountStep.Symlink("/proc/self/fd/2", ContainerPath.of("/dev/stderr")),
            new MountStep.Symlink("pts/ptmx", ContainerPath.of("/dev/ptmx")));

    private Planner() {
    }

    /**
     * @param bundle the bundle directory, absolute: relative rootfs and bind sources are resolved against it
     * @param noPivot --no-pivot was given
     */
    public static Plan plan(Spec spec, Path bundle, boolean noPivot) {
        Linux linux = spec.linuxOrEmpty();
        boolean userNamespace = linux.createsNamespace(Namespace.USER);
        String rootfs = bundle.resolve(spec.root().path()).normalize().toString();
        InitPlan init = new InitPlan(rootfs, rootPropagation(linux), userNamespace,
                mountSteps(spec, linux, bundle, userNamespace), linux.sysctl(),
                Optional.ofNullable(spec.hostname()).filter(h -> !h.isEmpty()),
                Optional.ofNullable(spec.domainname()).filter(d -> !d.isEmpty()),
                spec.root().readonly(), noPivot);
        return new Plan(rootfs, cloneFlags(linux), joins(linux), linux.uidMappings(), linux.gidMappings(),
                linux.createsNamespace(Namespace.CGROUP), init, process(spec.process(), linux.seccomp()));
    }

    private static long cloneFlags(Linux linux) {
        long flags = 0;
        for (Namespace ns : linux.namespaces()) {
            if (!ns.joins() && !ns.type().equals(Namespace.CGROUP)) {
                flags |= NamespaceFlags.BY_TYPE.get(ns.type());
            }
        }
        return flags;
    }

    private static List<Plan.NamespaceJoin> joins(Linux linux) {
        return linux.namespaces().stream()
                .filter(Namespace::joins)
                .map(ns -> new Plan.NamespaceJoin(NamespaceFlags.BY_TYPE.get(ns.type()), ns.path()))
                .toList();
    }

    private static long rootPropagation(Linux linux) {
        String name = linux.rootfsPropagation();
        if (name == null || name.isEmpty()) {
            return MS_SLAVE | MS_REC;
        }
        return MountOptions.propagation(name).orElseThrow();
    }

    private static List<MountStep> mountSteps(Spec spec, Linux linux, Path bundle, boolean userNamespace) {
        List<MountStep> steps = new ArrayList<>();
        boolean devFromHost = false;
        for (int i = 0; i < spec.mounts().size(); i++) {
            Mount mount = spec.mounts().get(i);
            if (!mount.uidMappings().isEmpty() || !mount.gidMappings().isEmpty()) {
                // refused rather than bound without the mapping, which would expose the host's ids
                throw new ConfigException("config.json: mounts[" + i + "].uidMappings: id-mapped mounts are not supported yet");
            }
            MountStep.Mount step = mount(mount, bundle);
            devFromHost |= step.isBind() && step.target().value().equals("/dev");
            steps.add(step);
        }
        if (!devFromHost) {
            // Like runc, a config device at the path of a default one replaces it.
            List<DeviceNode> configured = linux.devices().stream().map(Planner::device).toList();
            List<DeviceNode> nodes = new ArrayList<>();
            DEFAULT_DEVICES.stream()
                    .filter(node -> configured.stream().noneMatch(c -> c.path().equals(node.path())))
                    .forEach(nodes::add);
            nodes.addAll(configured);
            steps.add(new MountStep.Devices(nodes, userNamespace));
            steps.addAll(DEV_LINKS);
        }
        linux.readonlyPaths().forEach(path -> steps.add(new MountStep.ReadOnly(ContainerPath.of(path))));
        linux.maskedPaths().forEach(path -> steps.add(new MountStep.Mask(ContainerPath.of(path))));
        return steps;
    }

    private static MountStep.Mount mount(Mount mount, Path bundle) {
        MountOptions options = MountOptions.parse(mount.options());
        String type = mount.type() == null ? "" : mount.type();
        String source = mount.source() == null ? "" : mount.source();
        ContainerPath target = ContainerPath.of(mount.destination());
        long flags = options.flags();
        if (type.equals("bind")) {
            flags |= MS_BIND;
        }
        if (type.equals("cgroup") || type.equals("cgroup2")) {
            // The host's hierarchy, read-only unless asked otherwise: jrun does not build a
            // per-container cgroup view yet.
            long readOnly = mount.options().contains("rw") ? 0 : MS_RDONLY;
            return new MountStep.Mount("/sys/fs/cgroup", target, "", flags | readOnly | MS_BIND | MS_REC,
                    options.propagation(), "");
        }
        if ((flags & MS_BIND) != 0) {
            source = bundle.resolve(source).normalize().toString();
            type = "";
        }
        return new MountStep.Mount(source, target, type, flags, options.propagation(), options.data());
    }

    private static DeviceNode device(Device device) {
        return new DeviceNode(ContainerPath.of(device.path()), device.type().charAt(0), device.major(),
                device.minor(), device.fileMode() == null ? 0666 : device.fileMode(),
                device.uid() == null ? 0 : device.uid().intValue(), device.gid() == null ? 0 : device.gid().intValue());
    }

    private static DeviceNode device(String path, long major, long minor) {
        return new DeviceNode(ContainerPath.of(path), 'c', major, minor, 0666, 0, 0);
    }

    /** The process part alone: what {@code exec} runs in an existing container. */
    public static ProcessPlan process(Process process, Seccomp seccomp) {
        CapabilitySets caps = process.capabilities() == null
                ? new CapabilitySets(List.of(), List.of(), List.of(), List.of(), List.of())
                : process.capabilities();
        return new ProcessPlan(process.args(), process.env(),
                process.cwd() == null || process.cwd().isEmpty() ? "/" : process.cwd(),
                process.user().uid(), process.user().gid(), process.user().additionalGids(),
                new ProcessPlan.CapabilityMasks(Capabilities.mask(caps.bounding()), Capabilities.mask(caps.effective()),
                        Capabilities.mask(caps.permitted()), Capabilities.mask(caps.inheritable()),
                        Capabilities.mask(caps.ambient())),
                process.rlimits().stream()
                        .map(r -> new ProcessPlan.ResourceLimit(Rlimits.number(r.type()), r.soft(), r.hard()))
                        .toList(),
                process.noNewPrivileges(),
                Optional.ofNullable(process.apparmorProfile()).filter(p -> !p.isEmpty()),
                Optional.ofNullable(process.selinuxLabel()).filter(l -> !l.isEmpty()),
                process.user().umask() == null ? OptionalInt.empty() : OptionalInt.of(process.user().umask().intValue()),
                process.oomScoreAdj() == null ? OptionalInt.empty() : OptionalInt.of(process.oomScoreAdj()),
                Optional.ofNullable(seccomp), process.terminal(),
                Optional.ofNullable(process.consoleSize())
                        .map(size -> new ProcessPlan.ConsoleSize(size.height(), size.width())));
    }
}
