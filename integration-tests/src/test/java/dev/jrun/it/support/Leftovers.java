package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a container can leave behind, seen from the host: entries under --root, mounts of the
 * bundle, processes living in the bundle, cgroups named after the id. Taken before a command
 * and compared after it, so that whatever existed already is not blamed on it.
 */
public final class Leftovers {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private final RuntimeCli runtime;
    private final Path bundle;
    private final String id;
    private final Set<String> before;

    private Leftovers(RuntimeCli runtime, Path bundle, String id) {
        this.runtime = runtime;
        this.bundle = bundle;
        this.id = id;
        this.before = snapshot();
    }

    public static Leftovers watch(RuntimeCli runtime, Path bundle, String id) {
        return new Leftovers(runtime, bundle, id);
    }

    /** Fails the test naming everything that appeared since watch(). */
    public void assertNothingNew(String after) {
        Set<String> now = snapshot();
        now.removeAll(before);
        if (!now.isEmpty()) {
            throw new AssertionError("left behind after " + after + ":\n  " + String.join("\n  ", now));
        }
    }

    private Set<String> snapshot() {
        Set<String> found = new TreeSet<>();
        list(runtime.root()).forEach(p -> found.add("--root entry " + p.getFileName()));
        mounts().forEach(line -> found.add("mount " + line));
        processes().forEach(p -> found.add("process " + p));
        cgroups().forEach(p -> found.add("cgroup " + p));
        return found;
    }

    private List<String> mounts() {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .filter(line -> line.contains(bundle.toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Processes whose root or cwd is the rootfs or lies in the bundle, or whose command line names
     * the bundle or the id. A pivoted container's root reads as "/", so it is compared by inode.
     */
    private List<String> processes() {
        String rootfsKey = keyOrNull(bundle.resolve("rootfs"));
        List<String> found = new ArrayList<>();
        for (Path proc : list(Path.of("/proc"))) {
            String pid = proc.getFileName().toString();
            if (!pid.chars().allMatch(Character::isDigit) || pid.equals(String.valueOf(ProcessHandle.current().pid()))) {
                continue;
            }
            String cmdline = read(proc.resolve("cmdline")).replace('\0', ' ').strip();
            boolean inBundle = Stream.of("root", "cwd").map(proc::resolve).anyMatch(link ->
                    link(link).startsWith(bundle.toString()) || (rootfsKey != null && rootfsKey.equals(keyOrNull(link))));
            if (inBundle || cmdline.contains(bundle.toString()) || List.of(cmdline.split(" ")).contains(id)) {
                found.add(pid + " " + cmdline);
            }
        }
        return found;
    }

    private List<String> cgroups() {
        String name = Path.of(id).getFileName().toString();
        List<String> found = new ArrayList<>();
        for (Path controller : list(CGROUPS)) {
            try (Stream<Path> dirs = Files.find(controller, 4,
                    (p, attrs) -> attrs.isDirectory() && p.getFileName().toString().equals(name))) {
                dirs.forEach(p -> found.add(p.toString()));
            } catch (IOException | UncheckedIOException e) {
                // a cgroup removed while walking is not a leftover
            }
        }
        return found;
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // the process ended meanwhile, or is not ours to read
        }
    }

    private static String link(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static String keyOrNull(Path path) {
        try {
            return Host.fileKey(path);
        } catch (IOException e) {
            return null;
        }
    }
}
