package dev.jrun.linux.init;

import static dev.jrun.linux.Syscalls.*;
import static dev.jrun.linux.helper.HelperProtocol.*;

import dev.jrun.linux.FsStat;
import dev.jrun.linux.SyscallException;
import dev.jrun.linux.Syscalls;
import dev.jrun.linux.helper.SyncSocket;
import dev.jrun.plan.InitPlan;
import dev.jrun.plan.MountFlags;
import dev.jrun.plan.PlanCodec;
import java.util.List;
import java.util.Map;

/**
 * {@code jrun init}: the container's PID 1 while its root is prepared (JVM B of the design). It runs
 * inside the new namespaces, executes the plan it finds at {@link dev.jrun.linux.helper.HelperProtocol#FD_INITPLAN},
 * pivots into the rootfs and re-executes the sealed helper for the hand-off stage. Failures go back
 * over the sync socket as one line; nothing is printed.
 */
public final class InitMain {

    private final Syscalls syscalls;
    private final InitPlan plan;

    private InitMain(Syscalls syscalls, InitPlan plan) {
        this.syscalls = syscalls;
        this.plan = plan;
    }

    private static final int PR_SET_DUMPABLE = 4;

    public static void main(String[] args) {
        Syscalls syscalls = Syscalls.linux();
        // A container that shares a PID namespace with others (a pod with shareProcessNamespace)
        // can see this JVM; non-dumpable, its /proc/PID/exe (the host's java) is closed to them.
        syscalls.prctl(PR_SET_DUMPABLE, 0);
        SyncSocket sync = new SyncSocket(syscalls, FD_SYNC);
        try {
            new InitMain(syscalls, PlanCodec.decode(syscalls.preadAll(FD_INITPLAN))).run();
        } catch (InitException | SyscallException e) {
            report(sync, e.getMessage());
        } catch (RuntimeException e) {
            report(sync, "container init: " + e);
        }
    }

    private static void report(SyncSocket sync, String message) {
        try {
            sync.send(ERROR + " " + message);
        } finally {
            // halt, not exit: after pivot_root no shutdown hook may look for the host's files
            Runtime.getRuntime().halt(1);
        }
    }

    private void run() {
        syscalls.umask(0);
        writeSysctls();
        plan.hostname().ifPresent(name -> guard("set hostname " + name, () -> syscalls.sethostname(name)));
        plan.domainname().ifPresent(name -> guard("set domainname " + name, () -> syscalls.setdomainname(name)));
        guard("set propagation of / in the container's mount namespace",
                () -> syscalls.mount("", "/", "", plan.rootPropagation(), null));
        guard("bind the rootfs " + plan.rootfs(),
                () -> syscalls.mount(plan.rootfs(), plan.rootfs(), "", MountFlags.MS_BIND | MountFlags.MS_REC, null));
        int rootFd = syscalls.open(plan.rootfs(), O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        new MountExecutor(syscalls, plan, new Rootfs(syscalls, rootFd)).run();
        bindEverythingUsedAfterPivot();
        if (plan.noPivot()) {
            guard("move the rootfs to /", this::moveRoot);
        } else {
            guard("pivot_root to " + plan.rootfs(), this::pivotRoot);
        }
        if (plan.readonlyRoot()) {
            guard("remount / read-only", this::remountRootReadOnly);
        }
        syscalls.execveat(FD_EXE, List.of("jrun-nsexec", "handoff"), List.of());
    }

    /**
     * Sysctls are written through the procfs this process was started with: the host's, which the
     * container cannot have touched, checked to be a procfs, and opened without crossing a mount
     * or a symlink. Namespaced sysctls take effect in the writer's namespaces, which are the
     * container's already.
     */
    private void writeSysctls() {
        if (plan.sysctl().isEmpty()) {
            return;
        }
        int proc = syscalls.open("/proc/sys", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        try {
            if (syscalls.fstatfs(proc).type() != FsStat.PROC_SUPER_MAGIC) {
                throw new InitException("write sysctls: /proc/sys is not a procfs");
            }
            for (Map.Entry<String, String> sysctl : plan.sysctl().entrySet()) {
                guard("write sysctl " + sysctl.getKey(), () -> {
                    int fd = syscalls.openat2(proc, sysctl.getKey().replace('.', '/'), O_WRONLY | O_CLOEXEC,
                            RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_XDEV);
                    try {
                        syscalls.writeFully(fd, sysctl.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    } finally {
                        syscalls.close(fd);
                    }
                });
            }
        } finally {
            syscalls.close(proc);
        }
    }

    private void pivotRoot() {
        int oldRoot = syscalls.open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC, 0);
        int newRoot = syscalls.open(plan.rootfs(), O_DIRECTORY | O_RDONLY | O_CLOEXEC, 0);
        try {
            // pivot_root(".", ".") stacks the old root on top of the new one, where it can be
            // detached without a directory for it in the container (runc's way).
            syscalls.fchdir(newRoot);
            syscalls.pivotRoot(".", ".");
            syscalls.fchdir(oldRoot);
            syscalls.mount("", ".", "", MountFlags.MS_SLAVE | MountFlags.MS_REC, null);
            syscalls.umount2(".", MNT_DETACH);
            syscalls.chdir("/");
        } finally {
            syscalls.close(oldRoot);
            syscalls.close(newRoot);
        }
    }

    private void moveRoot() {
        syscalls.chdir(plan.rootfs());
        syscalls.mount(plan.rootfs(), "/", "", MountFlags.MS_MOVE, null);
        syscalls.chroot(".");
        syscalls.chdir("/");
    }

    private void remountRootReadOnly() {
        int root = syscalls.open("/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        try {
            long locked = syscalls.fstatfs(root).lockableMountFlags();
            syscalls.mount("", "/", "", MountFlags.MS_BIND | MountFlags.MS_REMOUNT | MountFlags.MS_RDONLY | locked, null);
        } finally {
            syscalls.close(root);
        }
    }

    /**
     * After pivot_root the host's files are gone, so nothing may be loaded lazily from then on.
     * JNR binds a native function on its first call: call each one used afterwards once, in a way
     * that fails harmlessly.
     */
    private void bindEverythingUsedAfterPivot() {
        ignoreFailure(() -> syscalls.pivotRoot("", ""));
        ignoreFailure(() -> syscalls.fchdir(-1));
        ignoreFailure(() -> syscalls.umount2("", 0));
        ignoreFailure(() -> syscalls.chroot(""));
        ignoreFailure(() -> syscalls.fstatfs(-1));
        ignoreFailure(() -> syscalls.writeFully(-1, new byte[1]));
        ignoreFailure(() -> syscalls.execveat(-1, List.of("jrun-nsexec"), List.of()));
    }

    private static void ignoreFailure(Runnable call) {
        try {
            call.run();
        } catch (SyscallException expected) {
            // the call was made to be bound, not to succeed
        }
    }

    private static void guard(String what, Runnable step) {
        try {
            step.run();
        } catch (SyscallException e) {
            throw new InitException(what + ": " + e.reason());
        }
    }
}
