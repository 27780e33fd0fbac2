package dev.jrun.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of {@code linux.namespaces} and of what needs a namespace of its own: hostname and sysctls. */
final class NamespaceChecks {

    private NamespaceChecks() {
    }

    static void namespaces(Spec spec, HostFacts host, Findings out) {
        List<Namespace> namespaces = spec.linuxOrEmpty().namespaces();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < namespaces.size(); i++) {
            Namespace ns = namespaces.get(i);
            String path = Check.at("linux.namespaces", i);
            String type = String.valueOf(ns.type());
            if (!Namespace.TYPES.contains(type)) {
                out.error(path + ".type", "unknown namespace type " + Check.quote(type));
            } else if (!seen.add(type)) {
                out.error(path + ".type", "namespace type " + Check.quote(type) + " is repeated");
            }
            if (ns.joins() && !Check.isAbsolute(ns.path())) {
                out.error(path + ".path", "must be an absolute path");
            }
        }
    }

    /** runc's rootlessEUIDCheck: without root on the host, only a user namespace makes a container root. */
    static void rootless(Spec spec, HostFacts host, Findings out) {
        if (host.callerIsRoot()) {
            return;
        }
        Linux linux = spec.linuxOrEmpty();
        if (!linux.hasNamespace(Namespace.USER)) {
            out.error("linux.namespaces", "a rootless container needs a user namespace");
            return;
        }
        if (!linux.createsNamespace(Namespace.USER)) {
            return; // the ids of a joined namespace are not known here
        }
        List<Mount> mounts = spec.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            List<String> options = mounts.get(i).options();
            for (int j = 0; j < options.size(); j++) {
                String option = options.get(j);
                List<IdMapping> maps = option.startsWith("uid=") ? linux.uidMappings()
                        : option.startsWith("gid=") ? linux.gidMappings() : null;
                Long id = maps == null ? null : parseId(option.substring(4));
                if (id != null && !IdMappingChecks.maps(maps, id)) {
                    out.error("mounts[" + i + "].options[" + j + "]",
                            option + " names an id that is not mapped into the container");
                }
            }
        }
    }

    private static Long parseId(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null; // not an id: left to the kernel, as runc does
        }
    }

    /**
     * runc's uts check. A joined uts namespace is accepted as runc accepts it (podman sets the pod's
     * hostname in containers that join the pod's namespace), with a warning.
     */
    static void uts(Spec spec, HostFacts host, Findings out) {
        Optional<Namespace> uts = spec.linuxOrEmpty().namespace(Namespace.UTS);
        for (String field : List.of("hostname", "domainname")) {
            String value = field.equals("hostname") ? spec.hostname() : spec.domainname();
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (uts.isEmpty()) {
                out.error(field, "needs a private uts namespace");
            } else if (uts.get().joins()) {
                out.warn(field, "is set in a joined uts namespace, for every process in it");
            }
        }
    }

    /** runc's sysctl check: a sysctl is allowed only where the kernel namespaces it, with that namespace. */
    static void sysctl(Spec spec, HostFacts host, Findings out) {
        Linux linux = spec.linuxOrEmpty();
        for (String key : linux.sysctl().keySet()) {
            String path = JsonPath.key("linux.sysctl", key);
            String name = dotted(key);
            if (isIpc(name)) {
                require(linux, Namespace.IPC, "needs an ipc namespace", path, out);
            } else if (name.startsWith("net.")) {
                require(linux, Namespace.NETWORK, "needs a network namespace", path, out);
            } else if (name.equals("kernel.domainname")) {
                require(linux, Namespace.UTS, "needs a uts namespace", path, out);
            } else if (name.equals("kernel.hostname")) {
                out.error(path, linux.hasNamespace(Namespace.UTS)
                        ? "conflicts with the hostname field" : "needs a uts namespace");
            } else {
                out.error(path, "is not namespaced: it would change the host");
            }
        }
    }

    private static boolean isIpc(String name) {
        return name.startsWith("kernel.shm") || name.startsWith("kernel.msg") || name.startsWith("kernel.sem")
                || name.startsWith("fs.mqueue.");
    }

    private static void require(Linux linux, String type, String message, String path, Findings out) {
        if (!linux.hasNamespace(type)) {
            out.error(path, message);
        }
    }

    /** sysctl(8) also accepts "net/ipv4/ip_forward"; there '.' and '/' swap roles. */
    static String dotted(String key) {
        int first = indexOfAny(key);
        if (first < 0 || key.charAt(first) == '.') {
            return key;
        }
        StringBuilder s = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            s.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return s.toString();
    }

    private static int indexOfAny(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == '.' || key.charAt(i) == '/') {
                return i;
            }
        }
        return -1;
    }
}
