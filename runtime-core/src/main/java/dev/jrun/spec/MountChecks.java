package dev.jrun.spec;

import java.util.List;
import java.util.Set;

/** Checks of the file system the container sees: root, mounts, masked and read-only paths, devices. */
final class MountChecks {

    static final Set<String> PROPAGATIONS = Set.of(
            "shared", "slave", "private", "rshared", "rslave", "rprivate", "unbindable", "runbindable");

    static final String UNMASKED_PROC_WARNING = "/proc is unmasked for a container without a user namespace: "
            + "its root is real root (Kubernetes requires hostUsers: false for procMount: Unmasked)";

    private MountChecks() {
    }

    static void root(Spec spec, HostFacts host, Findings out) {
        if (spec.root() == null) {
            out.error("root", "must be present");
        } else if (spec.root().path() == null || spec.root().path().isEmpty()) {
            out.error("root.path", "must not be empty");
        }
    }

    static void mounts(Spec spec, HostFacts host, Findings out) {
        List<Mount> mounts = spec.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Mount m = mounts.get(i);
            String path = Check.at("mounts", i);
            if (!Check.isAbsolute(m.destination())) {
                out.error(path + ".destination", "must be an absolute path");
            }
            boolean uids = !m.uidMappings().isEmpty();
            if (uids != !m.gidMappings().isEmpty()) {
                out.error(path, "an id-mapped mount needs both uidMappings and gidMappings");
            } else if (uids && !m.options().contains("bind") && !m.options().contains("rbind")) {
                out.error(path, "id mappings need a bind mount");
            }
        }
    }

    /** runc's security check, and the paths themselves. */
    static void maskedPaths(Spec spec, HostFacts host, Findings out) {
        Linux linux = spec.linuxOrEmpty();
        paths(linux.maskedPaths(), "linux.maskedPaths", linux, out);
        paths(linux.readonlyPaths(), "linux.readonlyPaths", linux, out);
    }

    private static void paths(List<String> paths, String path, Linux linux, Findings out) {
        if (!paths.isEmpty() && !linux.hasNamespace(Namespace.MOUNT)) {
            out.error(path, "needs a mount namespace");
        }
        for (int i = 0; i < paths.size(); i++) {
            if (!Check.isAbsolute(paths.get(i))) {
                out.error(Check.at(path, i), "must be an absolute path");
            }
        }
    }

    static void rootfsPropagation(Spec spec, HostFacts host, Findings out) {
        String propagation = spec.linuxOrEmpty().rootfsPropagation();
        if (propagation != null && !propagation.isEmpty() && !PROPAGATIONS.contains(propagation)) {
            out.error("linux.rootfsPropagation", "unknown propagation " + Check.quote(propagation));
        }
    }

    static void devices(Spec spec, HostFacts host, Findings out) {
        List<Device> devices = spec.linuxOrEmpty().devices();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            String path = Check.at("linux.devices", i);
            if (!Check.isAbsolute(d.path())) {
                out.error(path + ".path", "must be an absolute path");
            }
            if (!Set.of("c", "b", "u", "p").contains(String.valueOf(d.type()))) {
                out.error(path + ".type", "unknown device type " + Check.quote(String.valueOf(d.type())));
            }
        }
    }

    /**
     * Empty masked and read-only lists are how procMount: Unmasked reaches the runtime; without a
     * user namespace that hands the host's /proc/sys and friends to a real root.
     */
    static void unmaskedProc(Spec spec, HostFacts host, Findings out) {
        Linux linux = spec.linuxOrEmpty();
        if (linux.maskedPaths().isEmpty() && linux.readonlyPaths().isEmpty() && !linux.hasNamespace(Namespace.USER)) {
            out.warn("linux.maskedPaths", UNMASKED_PROC_WARNING);
        }
    }
}
