package dev.jrun.linux;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;

/** {@link Syscalls} through JNR. libc is bound once, on first use. */
final class LinuxSyscalls implements Syscalls {

    private static final int F_ADD_SEALS = 1033;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int SPAWN_FILE_ACTIONS_SIZE = 80;
    private static final int STAT_SIZE = 144;
    private static final int STATFS_SIZE = 120;
    private static final int SUN_PATH_SIZE = 108;
    private static final long TIOCGWINSZ = 0x5413;
    private static final long TIOCSWINSZ = 0x5414;
    private static final int CMSG_SPACE_INT = 24;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    /** MSG_CMSG_CLOEXEC: the received descriptor is close-on-exec from the start. */
    private static final int O_CLOEXEC_MSG = 0x40000000;

    private static final class Holder {
        static final LinuxSyscalls INSTANCE = new LinuxSyscalls();
    }

    private final LibC libc;
    private final Runtime runtime;

    private LinuxSyscalls() {
        libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        runtime = Runtime.getRuntime(libc);
    }

    static LinuxSyscalls instance() {
        return Holder.INSTANCE;
    }

    @Override
    public int open(String path, int flags, int mode) {
        return (int) check("open", path, () -> libc.open(path, flags, mode));
    }

    @Override
    public int openat(int dirfd, String path, int flags, int mode) {
        return (int) check("openat", path, () -> libc.openat(dirfd, path, flags, mode));
    }

    @Override
    public int openat2(int dirfd, String path, int flags, long resolve) {
        Pointer how = Memory.allocateDirect(runtime, 24, true);
        how.putLong(0, flags & 0xffffffffL);
        how.putLong(16, resolve);
        return (int) check("openat2", path, () -> libc.syscall(LibC.SYS_OPENAT2, dirfd, path, how, 24));
    }

    @Override
    public void close(int fd) {
        libc.close(fd); // never retried: the descriptor is gone even when close reports EINTR
    }

    @Override
    public int memfdCreate(String name, int flags) {
        return (int) check("memfd_create", name, () -> libc.memfd_create(name, flags));
    }

    @Override
    public void addSeals(int fd, int seals) {
        check("fcntl F_ADD_SEALS", "", () -> libc.fcntl(fd, F_ADD_SEALS, seals));
    }

    @Override
    public void writeFully(int fd, byte[] data) {
        Pointer buffer = Memory.allocateDirect(runtime, Math.max(1, data.length));
        buffer.put(0, data, 0, data.length);
        long done = 0;
        while (done < data.length) {
            long offset = done;
            done += check("write", "", () -> libc.write(fd, buffer.slice(offset), data.length - offset));
        }
    }

    @Override
    public byte[] preadAll(int fd) {
        long size = fstat(fd).size();
        Pointer buffer = Memory.allocateDirect(runtime, Math.max(1, size));
        long done = 0;
        while (done < size) {
            long offset = done;
            long n = check("pread", "", () -> libc.pread(fd, buffer.slice(offset), size - offset, offset));
            if (n == 0) {
                break;
            }
            done += n;
        }
        byte[] bytes = new byte[(int) done];
        buffer.get(0, bytes, 0, bytes.length);
        return bytes;
    }

    @Override
    public byte[] read(int fd, int max) {
        Pointer buffer = Memory.allocateDirect(runtime, max);
        int n = (int) check("read", "", () -> libc.read(fd, buffer, max));
        byte[] bytes = new byte[n];
        buffer.get(0, bytes, 0, n);
        return bytes;
    }

    @Override
    public int[] socketpair(int domain, int type) {
        int[] fds = new int[2];
        check("socketpair", "", () -> libc.socketpair(domain, type | O_CLOEXEC, 0, fds));
        return fds;
    }

    @Override
    public int connectUnix(String path) {
        byte[] bytes = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length >= SUN_PATH_SIZE) {
            throw new SyscallException("connect", path, Errno.EINVAL, "path too long for a unix socket");
        }
        Pointer address = Memory.allocateDirect(runtime, 2 + SUN_PATH_SIZE, true);
        address.putShort(0, (short) AF_UNIX);
        address.put(2, bytes, 0, bytes.length);
        int fd = (int) check("socket", path, () -> libc.socket(AF_UNIX, SOCK_STREAM | O_CLOEXEC, 0));
        try {
            check("connect", path, () -> libc.connect(fd, address, 2 + SUN_PATH_SIZE));
            return fd;
        } catch (SyscallException e) {
            close(fd);
            throw e;
        }
    }

    @Override
    public int receiveFd(int socket) {
        // struct msghdr, iovec and one cmsghdr carrying an int, as x86_64 and aarch64 lay them out
        Pointer text = Memory.allocateDirect(runtime, 256, true);
        Pointer iov = Memory.allocateDirect(runtime, 16, true);
        iov.putPointer(0, text);
        iov.putLong(8, 256);
        Pointer control = Memory.allocateDirect(runtime, CMSG_SPACE_INT, true);
        Pointer message = Memory.allocateDirect(runtime, 56, true);
        message.putPointer(16, iov);
        message.putLong(24, 1);
        message.putPointer(32, control);
        message.putLong(40, CMSG_SPACE_INT);
        long n = check("recvmsg", "", () -> libc.recvmsg(socket, message, O_CLOEXEC_MSG));
        if (n == 0 || control.getInt(8) != SOL_SOCKET || control.getInt(12) != SCM_RIGHTS) {
            throw new SyscallException("recvmsg", "", Errno.EINVAL, "no descriptor received");
        }
        return control.getInt(16);
    }

    @Override
    public boolean copyWindowSize(int from, int to) {
        Pointer size = Memory.allocateDirect(runtime, 8, true);
        if (libc.ioctl(from, TIOCGWINSZ, size) < 0) {
            return false;
        }
        check("ioctl TIOCSWINSZ", "", () -> libc.ioctl(to, TIOCSWINSZ, size));
        return true;
    }

    @Override
    public FileStat fstat(int fd) {
        Pointer stat = Memory.allocateDirect(runtime, STAT_SIZE, true);
        check("fstat", "", () -> libc.fstat(fd, stat));
        return new FileStat(stat.getLong(0), stat.getLong(8), stat.getInt(24), stat.getLong(40), stat.getLong(48));
    }

    @Override
    public FsStat fstatfs(int fd) {
        Pointer statfs = Memory.allocateDirect(runtime, STATFS_SIZE, true);
        check("fstatfs", "", () -> libc.fstatfs(fd, statfs));
        return new FsStat(statfs.getLong(0), statfs.getLong(80));
    }

    @Override
    public int spawn(String path, List<String> argv, List<String> env, Map<Integer, Integer> dup2) {
        Pointer actions = Memory.allocateDirect(runtime, SPAWN_FILE_ACTIONS_SIZE, true);
        spawnCheck("posix_spawn_file_actions_init", path, libc.posix_spawn_file_actions_init(actions));
        try {
            for (Map.Entry<Integer, Integer> entry : dup2.entrySet()) {
                spawnCheck("posix_spawn_file_actions_adddup2", path,
                        libc.posix_spawn_file_actions_adddup2(actions, entry.getKey(), entry.getValue()));
            }
            IntByReference pid = new IntByReference();
            NativeStrings args = new NativeStrings(runtime, argv);
            NativeStrings envp = new NativeStrings(runtime, env);
            spawnCheck("posix_spawn", path,
                    libc.posix_spawn(pid, path, actions, null, args.array(), envp.array()));
            java.lang.ref.Reference.reachabilityFence(args);
            java.lang.ref.Reference.reachabilityFence(envp);
            return pid.getValue();
        } finally {
            libc.posix_spawn_file_actions_destroy(actions);
        }
    }

    @Override
    public int waitpid(int pid) {
        IntByReference status = new IntByReference();
        check("waitpid", Integer.toString(pid), () -> libc.waitpid(pid, status, 0));
        return status.getValue();
    }

    @Override
    public void kill(int pid, int signal) {
        check("kill", Integer.toString(pid), () -> libc.kill(pid, signal));
    }

    @Override
    public void prctl(int option, long argument) {
        check("prctl", Integer.toString(option), () -> libc.prctl(option, argument, 0, 0, 0));
    }

    @Override
    public void execveat(int fd, List<String> argv, List<String> env) {
        NativeStrings args = new NativeStrings(runtime, argv);
        NativeStrings envp = new NativeStrings(runtime, env);
        check("execveat", argv.get(0),
                () -> libc.syscall(LibC.SYS_EXECVEAT, fd, "", args.array(), envp.array(), AT_EMPTY_PATH));
        java.lang.ref.Reference.reachabilityFence(args);
        java.lang.ref.Reference.reachabilityFence(envp);
    }

    @Override
    public int umask(int mask) {
        return libc.umask(mask);
    }

    @Override
    public void mkfifo(String path, int mode) {
        check("mkfifo", path, () -> libc.mkfifo(path, mode));
    }

    @Override
    public void mkdirat(int dirfd, String name, int mode) {
        check("mkdirat", name, () -> libc.mkdirat(dirfd, name, mode));
    }

    @Override
    public void mknodat(int dirfd, String name, int mode, long dev) {
        check("mknodat", name, () -> libc.mknodat(dirfd, name, mode, dev));
    }

    @Override
    public void symlinkat(String target, int dirfd, String name) {
        check("symlinkat", name, () -> libc.symlinkat(target, dirfd, name));
    }

    @Override
    public void lchownat(int dirfd, String name, int uid, int gid) {
        check("fchownat", name, () -> libc.fchownat(dirfd, name, uid, gid, AT_SYMLINK_NOFOLLOW));
    }

    @Override
    public void mount(String source, String target, String type, long flags, String data) {
        check("mount", target, () -> libc.mount(source, target, type, flags, data));
    }

    @Override
    public void umount2(String target, int flags) {
        check("umount2", target, () -> libc.umount2(target, flags));
    }

    @Override
    public void pivotRoot(String newRoot, String putOld) {
        check("pivot_root", newRoot, () -> libc.syscall(LibC.SYS_PIVOT_ROOT, newRoot, putOld));
    }

    @Override
    public void chdir(String path) {
        check("chdir", path, () -> libc.chdir(path));
    }

    @Override
    public void fchdir(int fd) {
        check("fchdir", "", () -> libc.fchdir(fd));
    }

    @Override
    public void chroot(String path) {
        check("chroot", path, () -> libc.chroot(path));
    }

    @Override
    public void sethostname(String name) {
        check("sethostname", name, () -> libc.sethostname(name, name.getBytes().length));
    }

    @Override
    public void setdomainname(String name) {
        check("setdomainname", name, () -> libc.setdomainname(name, name.getBytes().length));
    }

    /** Runs a call that returns -1 and sets errno on failure, retrying EINTR: the one place that does. */
    private long check(String call, String object, LongSupplier invocation) {
        while (true) {
            long result = invocation.getAsLong();
            if (result != -1) {
                return result;
            }
            int errno = runtime.getLastError();
            if (errno != Errno.EINTR) {
                throw new SyscallException(call, object, errno, libc.strerror(errno));
            }
        }
    }

    /** posix_spawn and its helpers return the error number instead of setting errno. */
    private void spawnCheck(String call, String object, int result) {
        if (result != 0) {
            throw new SyscallException(call, object, result, libc.strerror(result));
        }
    }
}
