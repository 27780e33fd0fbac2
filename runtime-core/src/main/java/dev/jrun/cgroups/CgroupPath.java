package dev.jrun.cgroups;

import java.nio.file.Path;

/**
 * Where a container's cgroup is, in every hierarchy alike: an absolute value ("/a/b") is under
 * the hierarchy's root; a relative one ("a/b") is under the cgroup of the jrun process itself
 * (cgroup v1, and the unified hierarchy of a hybrid host) or under that cgroup's parent (cgroup
 * v2, whose own cgroup holds processes and so cannot have controllers enabled for children).
 * That is runc's rule: it keeps a container inside the limits of whoever started jrun.
 *
 * @param value cleaned of "." and ".." components, so it never leaves its hierarchy
 */
public record CgroupPath(String value) {

    private static final String SLICE = ".slice";

    public boolean absolute() {
        return value.startsWith("/");
    }

    /**
     * The cgroup of a container from the config's {@code linux.cgroupsPath}.
     *
     * <p>cgroupfs (runc's default): the path as given, cleaned; without one, the container id,
     * relative. {@code --systemd-cgroup}: "slice:prefix:name" becomes the cgroupfs path runc's
     * systemd driver gets from systemd: the slice expanded into its parents
     * ("a-b.slice" is "/a.slice/a-b.slice"; default "system.slice") and the unit
     * "prefix-name.scope" (a name ending in ".slice" is itself the unit). Without a path:
     * "system.slice:runc:ID". jrun creates these directories itself: it does not ask systemd
     * over D-Bus to create a transient unit, so systemd does not know the scope.
     */
    public static CgroupPath resolve(String cgroupsPath, String id, boolean systemd) {
        String given = cgroupsPath == null ? "" : cgroupsPath;
        if (systemd) {
            return new CgroupPath(systemdPath(given.isEmpty() ? "system.slice:runc:" + id : given));
        }
        return new CgroupPath(given.isEmpty() ? clean(id) : clean(given));
    }

    /** runc's CleanPath: ".." cannot climb above the start of the path, absolute or not. */
    static String clean(String path) {
        boolean absolute = path.startsWith("/");
        String normal = Path.of("/").resolve(path).normalize().toString();
        if (absolute) {
            return normal;
        }
        return normal.substring(1);
    }

    private static String systemdPath(String cgroupsPath) {
        String[] parts = cgroupsPath.split(":", -1);
        if (parts.length != 3) {
            throw new CgroupException("expected cgroupsPath to be of format \"slice:prefix:name\" for systemd cgroups, got \""
                    + cgroupsPath + "\" instead");
        }
        String slice = parts[0].isEmpty() ? "system.slice" : parts[0];
        String name = parts[2];
        if (name.isEmpty() || name.contains("/")) {
            throw new CgroupException("invalid unit name \"" + name + "\" in cgroupsPath \"" + cgroupsPath + "\"");
        }
        String unit = name.endsWith(SLICE) ? name : unitName(parts[1], name);
        String parent = expandSlice(slice);
        return parent.equals("/") ? "/" + unit : parent + "/" + unit;
    }

    private static String unitName(String prefix, String name) {
        return (prefix.isEmpty() ? "" : prefix + "-") + name + ".scope";
    }

    /** "a-b-c.slice" is "/a.slice/a-b.slice/a-b-c.slice"; "-.slice" is the root slice. */
    static String expandSlice(String slice) {
        if (slice.length() <= SLICE.length() || !slice.endsWith(SLICE) || slice.contains("/")) {
            throw new CgroupException("invalid slice name \"" + slice + "\"");
        }
        String name = slice.substring(0, slice.length() - SLICE.length());
        if (name.equals("-")) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        StringBuilder prefix = new StringBuilder();
        for (String component : name.split("-", -1)) {
            if (component.isEmpty()) {
                // "a--b.slice", "-a.slice" and "a-.slice" name no slice
                throw new CgroupException("invalid slice name \"" + slice + "\"");
            }
            prefix.append(component);
            path.append('/').append(prefix).append(SLICE);
            prefix.append('-');
        }
        return path.toString();
    }
}
