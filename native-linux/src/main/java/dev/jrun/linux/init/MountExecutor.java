package dev.jrun.linux.init;

import static dev.jrun.linux.Syscalls.*;
import static dev.jrun.linux.init.Rootfs.fdPath;
import static dev.jrun.plan.MountFlags.*;

import dev.jrun.linux.Errno;
import dev.jrun.linux.FileStat;
import dev.jrun.linux.FsStat;
import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.plan.ContainerPath;
import dev.jrun.plan.DeviceNode;
import dev.jrun.plan.InitPlan;
import dev.jrun.plan.MountStep;
import java.util.OptionalInt;

/**
 * Executes the mount steps of an {@link InitPlan} under the rootfs, in the container's new mount
 * namespace and before pivot_root. Each step opens its target through {@link Rootfs} and mounts
 * onto the descriptor.
 */
final class MountExecutor {

    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFIFO = 0010000;

    private final Syscalls syscalls;
    private final InitPlan plan;
    private final Rootfs rootfs;
    private OptionalInt devNull = OptionalInt.empty();

    MountExecutor(Syscalls syscalls, InitPlan plan, Rootfs rootfs) {
        this.syscalls = syscalls;
        this.plan = plan;
        this.rootfs = rootfs;
    }

    void run() {
        for (MountStep step : plan.steps()) {
            if (step instanceof MountStep.Mount mount) {
                mount(mount);
            } else if (step instanceof MountStep.Devices devices) {
                devices(devices);
            } else if (step instanceof MountStep.Symlink link) {
                symlink(link);
            } else if (step instanceof MountStep.ReadOnly readOnly) {
                readOnly(readOnly.path());
            } else if (step instanceof MountStep.Mask mask) {
                mask(mask.path());
            }
        }
    }

    private void mount(MountStep.Mount m) {
        String what = "mount " + (m.source().isEmpty() ? m.type() : m.source()) + " on " + m.target();
        try {
            if (m.isBind()) {
                bind(m);
            } else {
                mountFilesystem(m);
            }
            if (m.propagation() != 0) {
                withTarget(m.target(), 0, fd -> syscalls.mount("", fdPath(fd), "", m.propagation(), null));
            }
        } catch (SyscallException e) {
            throw new InitException(what + ": " + e.reason());
        }
    }

    private void bind(MountStep.Mount m) {
        int source = syscalls.open(m.source(), O_PATH | O_CLOEXEC, 0);
        try {
            FileStat stat = syscalls.fstat(source);
            int target = stat.isDirectory() ? rootfs.mkdirs(m.target()) : rootfs.mkfile(m.target());
            try {
                syscalls.mount(fdPath(source), fdPath(target), "", MS_BIND | (m.flags() & MS_REC), null);
            } finally {
                syscalls.close(target);
            }
        } finally {
            syscalls.close(source);
        }
        long remount = m.flags() & ~(MS_BIND | MS_REC | MS_REMOUNT);
        if (remount != 0) {
            remountBind(m.target(), remount);
        }
    }

    /** Changes the flags of the bind mount now on top of {@code path}, keeping the ones the kernel locked. */
    private void remountBind(ContainerPath path, long flags) {
        withTarget(path, 0, fd -> {
            long locked = syscalls.fstatfs(fd).lockableMountFlags();
            syscalls.mount("", fdPath(fd), "", MS_BIND | MS_REMOUNT | flags | locked, null);
        });
    }

    private void mountFilesystem(MountStep.Mount m) {
        // /proc and /sys are mounted on real directories only, never through a symlink
        // (CVE-2019-19921, CVE-2023-27561).
        boolean kernelView = m.type().equals("proc") || m.type().equals("sysfs");
        int dir = rootfs.mkdirs(m.target());
        syscalls.close(dir);
        withTarget(m.target(), kernelView ? RESOLVE_NO_SYMLINKS : 0, fd -> {
            try {
                syscalls.mount(m.source(), fdPath(fd), m.type(), m.flags(), m.data().isEmpty() ? null : m.data());
            } catch (SyscallException e) {
                if (!(m.type().equals("sysfs") && plan.userNamespace() && e.errno() == Errno.EPERM)) {
                    throw e;
                }
                // A user namespace that does not own the network namespace may not mount a fresh
                // sysfs; like runc, show the host's read-only instead.
                syscalls.mount("/sys", fdPath(fd), "", MS_BIND | MS_REC, null);
            }
        });
        if (m.type().equals("sysfs") && plan.userNamespace()) {
            remountBindIfBound(m.target(), m.flags());
        }
    }

    private void remountBindIfBound(ContainerPath path, long flags) {
        withTarget(path, 0, fd -> {
            FsStat stat = syscalls.fstatfs(fd);
            if ((stat.lockableMountFlags() & MS_RDONLY) == 0 && (flags & MS_RDONLY) != 0) {
                syscalls.mount("", fdPath(fd), "", MS_BIND | MS_REMOUNT | flags | stat.lockableMountFlags(), null);
            }
        });
    }

    private void devices(MountStep.Devices devices) {
        for (DeviceNode node : devices.nodes()) {
            try {
                if (devices.bindFromHost()) {
                    int target = rootfs.mkfile(node.path());
                    try {
                        syscalls.mount(node.path().value(), fdPath(target), "", MS_BIND, null);
                    } finally {
                        syscalls.close(target);
                    }
                } else {
                    makeNode(node);
                }
            } catch (SyscallException e) {
                throw new InitException("create device " + node.path() + ": " + e.reason());
            }
        }
    }

    private void makeNode(DeviceNode node) {
        int type = switch (node.type()) {
            case 'b' -> S_IFBLK;
            case 'p' -> S_IFIFO;
            default -> S_IFCHR;
        };
        int parent = rootfs.mkdirs(Rootfs.parent(node.path()));
        try {
            String name = Rootfs.name(node.path());
            rootfs.createIgnoringExisting(() -> syscalls.mknodat(parent, name, type | node.mode(),
                    FileStat.makedev(node.major(), node.minor())));
            syscalls.lchownat(parent, name, node.uid(), node.gid());
        } finally {
            syscalls.close(parent);
        }
    }

    private void symlink(MountStep.Symlink link) {
        try {
            int parent = rootfs.mkdirs(Rootfs.parent(link.path()));
            try {
                rootfs.createIgnoringExisting(() -> syscalls.symlinkat(link.linkTarget(), parent, Rootfs.name(link.path())));
            } finally {
                syscalls.close(parent);
            }
        } catch (SyscallException e) {
            throw new InitException("create symlink " + link.path() + ": " + e.reason());
        }
    }

    private void readOnly(ContainerPath path) {
        try {
            OptionalInt target = rootfs.openIfExists(path);
            if (target.isEmpty()) {
                return;
            }
            try {
                syscalls.mount(fdPath(target.getAsInt()), fdPath(target.getAsInt()), "", MS_BIND | MS_REC, null);
            } finally {
                syscalls.close(target.getAsInt());
            }
            remountBind(path, MS_RDONLY);
        } catch (SyscallException e) {
            throw new InitException("make " + path + " read-only: " + e.reason());
        }
    }

    private void mask(ContainerPath path) {
        try {
            int nullDevice = verifiedDevNull();
            OptionalInt target = rootfs.openIfExists(path);
            if (target.isEmpty()) {
                return;
            }
            try {
                if (syscalls.fstat(target.getAsInt()).isDirectory()) {
                    syscalls.mount("tmpfs", fdPath(target.getAsInt()), "tmpfs", MS_RDONLY, null);
                } else {
                    syscalls.mount(fdPath(nullDevice), fdPath(target.getAsInt()), "", MS_BIND, null);
                }
            } finally {
                syscalls.close(target.getAsInt());
            }
        } catch (SyscallException e) {
            throw new InitException("mask " + path + ": " + e.reason());
        }
    }

    /**
     * The container's /dev/null, opened once and checked to be the character device 1:3 before
     * anything is masked with it: a rootfs could make it a link to, or a copy of, a file that
     * must not be bound over /proc entries (CVE-2025-31133). A missing one is an error.
     */
    private int verifiedDevNull() {
        if (devNull.isPresent()) {
            return devNull.getAsInt();
        }
        int fd;
        try {
            fd = rootfs.open(ContainerPath.of("/dev/null"), RESOLVE_NO_SYMLINKS);
        } catch (SyscallException e) {
            throw new InitException("open /dev/null to mask paths: " + e.reason());
        }
        FileStat stat = syscalls.fstat(fd);
        if (!stat.isCharacterDevice() || stat.rdevMajor() != 1 || stat.rdevMinor() != 3) {
            syscalls.close(fd);
            throw new InitException("/dev/null in the container is not the null device (1:3): refusing to mask with it");
        }
        devNull = OptionalInt.of(fd);
        return fd;
    }

    private interface FdAction {
        void run(int fd);
    }

    /** Opens what is now mounted at {@code path} (the topmost mount), runs the action, closes it. */
    private void withTarget(ContainerPath path, long extraResolve, FdAction action) {
        int fd = rootfs.open(path, extraResolve);
        try {
            action.run(fd);
        } finally {
            syscalls.close(fd);
        }
    }
}
