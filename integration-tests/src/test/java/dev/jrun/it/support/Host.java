package dev.jrun.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Facts about this machine and its processes, read from /proc as the tests need them. */
public final class Host {
    private Host() {
    }

    public static boolean isRoot() {
        return uidOf(Path.of("/proc/self")) == 0;
    }

    /** Whether this kernel lets a user namespace be made (a sysctl or an LSM may forbid it). */
    public static boolean hasUserNamespaces() {
        return Command.run(List.of("unshare", "--user", "--map-root-user", "true")).exit() == 0;
    }

    /** Looks in the sbin directories too: useradd lives there, and a build's PATH may lack them. */
    public static Optional<Path> which(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static boolean isAlive(long pid) {
        try {
            // a zombie has given up everything it held: for these tests it is gone
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The inode of a namespace (the number in "pid:[4026531836]"): two processes share the
     * namespace exactly when these are equal.
     */
    public static long namespaceInode(String link) {
        try {
            String target = Files.readSymbolicLink(Path.of(link)).toString();
            return parseNamespaceInode(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long parseNamespaceInode(String target) {
        int open = target.indexOf('[');
        if (open < 0 || !target.endsWith("]")) {
            throw new AssertionError("not a namespace link: " + target);
        }
        return Long.parseLong(target.substring(open + 1, target.length() - 1));
    }

    /** Live processes in one PID namespace, found by the inode of /proc/PID/ns/pid. */
    public static List<Long> processesInPidNamespace(long inode) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .forEach(pid -> {
                        try {
                            if (namespaceInode("/proc/" + pid + "/ns/pid") == inode && isAlive(pid)) {
                                found.add(pid);
                            }
                        } catch (UncheckedIOException ended) {
                            // the process ended while the list was read
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The "Uid:" (or "Gid:", "CapEff:"...) fields of /proc/PID/status. */
    public static List<String> statusField(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .findFirst()
                    .map(line -> List.of(line.substring(field.length() + 1).trim().split("\\s+")))
                    .orElseThrow(() -> new AssertionError("no " + field + " in /proc/" + pid + "/status"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int uidOf(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Device and inode, following the link: equal for one file seen through a bind mount or /proc/PID/exe. */
    public static String fileKey(Path path) throws IOException {
        return Files.getAttribute(path, "unix:dev") + ":" + Files.getAttribute(path, "unix:ino");
    }

    public static boolean await(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
