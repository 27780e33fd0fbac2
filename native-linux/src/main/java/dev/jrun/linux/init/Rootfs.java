package dev.jrun.linux.init;

import static dev.jrun.linux.Syscalls.*;

import dev.jrun.linux.Errno;
import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.plan.ContainerPath;
import java.util.List;
import java.util.OptionalInt;

/**
 * The container's root as a directory descriptor. Every path is resolved with openat2 and
 * RESOLVE_IN_ROOT, so a symlink in the rootfs, absolute or full of "..", can never lead out of it
 * (CVE-2021-30465); callers mount onto the descriptors it returns, never onto a path string.
 */
final class Rootfs {

    private final Syscalls syscalls;
    private final int rootFd;

    Rootfs(Syscalls syscalls, int rootFd) {
        this.syscalls = syscalls;
        this.rootFd = rootFd;
    }

    /** The mount(2) argument that names what a descriptor of ours points at. */
    static String fdPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    /** An O_PATH descriptor of an existing path; {@code extraResolve} may forbid symlinks altogether. */
    int open(ContainerPath path, long extraResolve) {
        String relative = path.isRoot() ? "." : path.relative();
        return syscalls.openat2(rootFd, relative, O_PATH | O_CLOEXEC, RESOLVE_IN_ROOT | extraResolve);
    }

    /** Like {@link #open}, empty when the path does not exist. */
    OptionalInt openIfExists(ContainerPath path) {
        try {
            return OptionalInt.of(open(path, 0));
        } catch (SyscallException e) {
            if (e.errno() == Errno.ENOENT) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    /** An O_PATH descriptor of a directory, created with its missing parents (mode 0755). */
    int mkdirs(ContainerPath path) {
        ContainerPath current = ContainerPath.of("/");
        int fd = open(current, 0);
        try {
            for (String component : path.components()) {
                ContainerPath next = current.resolve(component);
                OptionalInt existing = openIfExists(next);
                if (existing.isEmpty()) {
                    int parent = fd;
                    createIgnoringExisting(() -> syscalls.mkdirat(parent, component, 0755));
                    existing = OptionalInt.of(open(next, 0));
                }
                syscalls.close(fd);
                fd = existing.getAsInt();
                current = next;
            }
            return fd;
        } catch (RuntimeException e) {
            syscalls.close(fd);
            throw e;
        }
    }

    /** An O_PATH descriptor of a file, created empty (with its parents) when missing: a bind target. */
    int mkfile(ContainerPath path) {
        OptionalInt existing = openIfExists(path);
        if (existing.isPresent()) {
            return existing.getAsInt();
        }
        int parent = mkdirs(parent(path));
        try {
            int created = syscalls.openat(parent, name(path), O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
            syscalls.close(created);
        } finally {
            syscalls.close(parent);
        }
        return open(path, 0);
    }

    static ContainerPath parent(ContainerPath path) {
        List<String> components = path.components();
        return ContainerPath.of("/" + String.join("/", components.subList(0, components.size() - 1)));
    }

    static String name(ContainerPath path) {
        List<String> components = path.components();
        return components.get(components.size() - 1);
    }

    /** Runs a create call, treating "already exists" as success (a rootfs may ship the entry). */
    void createIgnoringExisting(Runnable create) {
        try {
            create.run();
        } catch (SyscallException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
    }
}
