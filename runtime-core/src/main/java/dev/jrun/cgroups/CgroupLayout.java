package dev.jrun.cgroups;

import dev.jrun.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which cgroup hierarchies this host has and where jrun's own cgroup is in each. cgroup v2 is
 * detected by {@code <root>/cgroup.controllers}. Otherwise every cgroup v1 hierarchy mounted
 * under the root is used, plus the unified hierarchy of a hybrid host (it has no controllers,
 * but runc joins it too, as systemd expects), each found in /proc/self/mountinfo. The root and
 * both /proc files are passed in so that tests can describe any host.
 */
public final class CgroupLayout {

    private final boolean unified;
    private final List<Hierarchy> hierarchies;

    private CgroupLayout(boolean unified, List<Hierarchy> hierarchies) {
        this.unified = unified;
        this.hierarchies = List.copyOf(hierarchies);
    }

    public static CgroupLayout host() {
        return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));
    }

    /**
     * @param mountinfo  a file in /proc/PID/mountinfo's format
     * @param selfCgroup a file in /proc/PID/cgroup's format: "ID:CONTROLLERS:PATH" per line
     */
    public static CgroupLayout detect(Path root, Path mountinfo, Path selfCgroup) {
        Map<String, String> own = ownCgroups(read(selfCgroup));
        if (Files.exists(root.resolve("cgroup.controllers"), LinkOption.NOFOLLOW_LINKS)) {
            // the unified hierarchy mounted at the root itself; jrun's own cgroup has processes
            // (jrun's), so no controller could be enabled below it: start at its parent
            Path ownParent = Path.of(own.getOrDefault("", "/")).getParent();
            Path base = under(root, "/", ownParent == null ? "/" : ownParent.toString());
            return new CgroupLayout(true, List.of(new Hierarchy(List.of(""), root, base)));
        }
        List<Hierarchy> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String line : read(mountinfo).split("\n")) {
            Mount m = Mount.parse(line);
            if (m == null || !m.point().startsWith(root) || m.point().equals(root) || !seen.add(m.point())) {
                continue;
            }
            if (m.type().equals("cgroup2")) {
                found.add(new Hierarchy(List.of(""), m.point(), under(m.point(), m.root(), own.getOrDefault("", "/"))));
            } else if (m.type().equals("cgroup")) {
                List<String> keys = controllers(m.superOptions(), own.keySet());
                if (!keys.isEmpty()) {
                    String ownPath = own.getOrDefault(String.join(",", keys), "/");
                    found.add(new Hierarchy(keys, m.point(), under(m.point(), m.root(), ownPath)));
                }
            }
        }
        if (found.isEmpty()) {
            throw new CgroupException("no cgroup hierarchy is mounted under " + root);
        }
        return new CgroupLayout(false, found);
    }

    /** True on a cgroup v2 host: one hierarchy, key "". */
    public boolean unified() {
        return unified;
    }

    public List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    /** The hierarchy that has a controller ("memory", "freezer", or "" for the unified one). */
    public Optional<Hierarchy> hierarchy(String key) {
        return hierarchies.stream().filter(h -> h.has(key)).findFirst();
    }

    /**
     * The keys of a v1 mount are the controller groups of /proc/self/cgroup whose controllers
     * are all among its super options ("rw,cpu,cpuacct" holds "cpu,cpuacct"), so that mount
     * options such as "xattr" or "clone_children" are never taken for controllers.
     */
    private static List<String> controllers(String superOptions, Set<String> groups) {
        Set<String> options = new HashSet<>(Arrays.asList(superOptions.split(",")));
        for (String group : groups) {
            if (!group.isEmpty() && options.containsAll(Arrays.asList(group.split(",")))) {
                return Arrays.asList(group.split(","));
            }
        }
        return List.of();
    }

    /** "4:memory:/a/b" gives "memory" → "/a/b"; "0::/x" gives "" → "/x". */
    private static Map<String, String> ownCgroups(String text) {
        Map<String, String> own = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3) {
                own.put(f[1], f[2]);
            }
        }
        return own;
    }

    /**
     * The directory of a cgroup path seen from a mount of the hierarchy's subtree
     * {@code mountRoot} (not "/" inside containers); the mount point itself when the path is
     * outside what is mounted.
     */
    private static Path under(Path mountPoint, String mountRoot, String cgroup) {
        Path rel = Path.of(mountRoot).relativize(Path.of(cgroup)).normalize();
        if (rel.toString().isEmpty() || rel.startsWith("..")) {
            return mountPoint;
        }
        return mountPoint.resolve(rel);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CgroupException("read " + file + ": " + IoErrors.reason(e), e);
        }
    }

    /** The fields of a mountinfo line that matter here. */
    private record Mount(String root, Path point, String type, String superOptions) {

        /** "36 25 0:32 / /sys/fs/cgroup/memory rw,relatime shared:15 - cgroup cgroup rw,memory" */
        static Mount parse(String line) {
            String[] f = line.split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (dash < 6 || f.length < dash + 4) {
                return null;
            }
            return new Mount(unescape(f[3]), Path.of(unescape(f[4])), f[dash + 1], f[dash + 3]);
        }

        /** mountinfo writes space, tab, newline and backslash as \ooo octal escapes. */
        private static String unescape(String s) {
            if (s.indexOf('\\') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 3 < s.length()
                        && s.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
