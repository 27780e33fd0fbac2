package dev.jrun.spec;

import java.util.List;
import java.util.Optional;

/** Checks of {@code linux.uidMappings} and {@code gidMappings}, which the kernel takes as uid_map and gid_map. */
final class IdMappingChecks {

    /** The kernel's limit on lines in uid_map and gid_map (since Linux 4.15). */
    static final int MAX_LINES = 340;

    private IdMappingChecks() {
    }

    static void idMappings(Spec spec, HostFacts host, Findings out) {
        Linux linux = spec.linuxOrEmpty();
        Optional<Namespace> userns = linux.namespace(Namespace.USER);
        boolean ok = table(linux.uidMappings(), "linux.uidMappings", "uid", userns, out)
                & table(linux.gidMappings(), "linux.gidMappings", "gid", userns, out);
        if (!ok || !linux.createsNamespace(Namespace.USER) || spec.process() == null) {
            return;
        }
        User user = spec.process().user();
        mapped(linux.uidMappings(), user.uid(), "process.user.uid", "linux.uidMappings", out);
        mapped(linux.gidMappings(), user.gid(), "process.user.gid", "linux.gidMappings", out);
        for (int i = 0; i < user.additionalGids().size(); i++) {
            mapped(linux.gidMappings(), user.additionalGids().get(i), Check.at("process.user.additionalGids", i),
                    "linux.gidMappings", out);
        }
    }

    /** Whether one table is well formed for the user namespace configured; false after any error. */
    private static boolean table(List<IdMapping> maps, String path, String kind, Optional<Namespace> userns,
                                 Findings out) {
        if (userns.isEmpty() || userns.get().joins()) {
            if (!maps.isEmpty()) {
                out.error(path, userns.isEmpty() ? "needs a user namespace in linux.namespaces"
                        : "must be empty when joining an existing user namespace");
                return false;
            }
            return true;
        }
        if (maps.isEmpty()) {
            out.error(path, "a new user namespace needs " + kind + " mappings");
            return false;
        }
        int errors = 0;
        if (maps.size() > MAX_LINES) {
            out.error(path, maps.size() + " mappings exceed the kernel's limit of " + MAX_LINES);
            errors++;
        }
        for (int i = 0; i < maps.size(); i++) {
            errors += line(maps, i, path, out);
        }
        if (errors == 0 && !maps(maps, 0)) {
            out.error(path, "container " + kind + " 0 is not mapped: the container needs a root user");
            errors++;
        }
        return errors == 0;
    }

    private static int line(List<IdMapping> maps, int i, String path, Findings out) {
        IdMapping m = maps.get(i);
        String at = Check.at(path, i);
        if (m.size() <= 0) {
            out.error(at + ".size", "must be greater than zero");
            return 1;
        }
        if (!fits(m.containerId(), m.size()) || !fits(m.hostId(), m.size())) {
            out.error(at, "ids must lie between 0 and " + ProcessChecks.MAX_ID);
            return 1;
        }
        for (int j = 0; j < i; j++) {
            IdMapping other = maps.get(j);
            if (overlap(m.containerId(), other.containerId(), m.size(), other.size())) {
                out.error(at, "container ids overlap " + Check.at(path, j));
                return 1;
            }
            if (overlap(m.hostId(), other.hostId(), m.size(), other.size())) {
                out.error(at, "host ids overlap " + Check.at(path, j));
                return 1;
            }
        }
        return 0;
    }

    private static boolean fits(long start, long size) {
        return start >= 0 && size <= ProcessChecks.MAX_ID + 1 - start;
    }

    private static boolean overlap(long a, long b, long sizeA, long sizeB) {
        return a < b + sizeB && b < a + sizeA;
    }

    private static void mapped(List<IdMapping> maps, long id, String path, String table, Findings out) {
        if (!maps(maps, id)) {
            out.error(path, id + " is not mapped by " + table);
        }
    }

    static boolean maps(List<IdMapping> maps, long containerId) {
        return maps.stream().anyMatch(m -> m.containsContainerId(containerId));
    }
}
