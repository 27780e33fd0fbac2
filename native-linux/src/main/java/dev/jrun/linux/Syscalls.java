package dev.jrun.linux;

import java.util.List;
import java.util.Map;

/**
 * The narrow, typed seam between jrun and the Linux kernel. Every method either succeeds or throws
 * a {@link SyscallException} that names the call, its object and the errno; EINTR is retried by the
 * implementation. Production code gets {@link #linux()}; unit tests pass a recording fake.
 */
public interface Syscalls {

    int O_RDONLY = 0;
    int O_WRONLY = 1;
    int O_RDWR = 2;
    int O_CREAT = 0100;
    int O_EXCL = 0200;
    int O_NOCTTY = 0400;
    int O_TRUNC = 01000;
    int O_NONBLOCK = 04000;
    int O_DIRECTORY = 0200000;
    int O_NOFOLLOW = 0400000;
    int O_CLOEXEC = 02000000;
    int O_PATH = 010000000;

    int AT_FDCWD = -100;

    long RESOLVE_NO_XDEV = 0x01;
    long RESOLVE_NO_MAGICLINKS = 0x02;
    long RESOLVE_NO_SYMLINKS = 0x04;
    long RESOLVE_BENEATH = 0x08;
    long RESOLVE_IN_ROOT = 0x10;

    int MNT_DETACH = 2;

    int AF_UNIX = 1;
    int SOCK_STREAM = 1;
    int SOCK_SEQPACKET = 5;

    int PR_SET_CHILD_SUBREAPER = 36;

    static Syscalls linux() {
        return LinuxSyscalls.instance();
    }

    // descriptors

    int open(String path, int flags, int mode);

    int openat(int dirfd, String path, int flags, int mode);

    /** openat2(2); {@code resolve} holds RESOLVE_* flags. */
    int openat2(int dirfd, String path, int flags, long resolve);

    void close(int fd);

    int memfdCreate(String name, int flags);

    /** fcntl(F_ADD_SEALS). */
    void addSeals(int fd, int seals);

    void writeFully(int fd, byte[] data);

    /** The whole content of a file descriptor read from offset 0 with pread. */
    byte[] preadAll(int fd);

    /** One read(2) of at most {@code max} bytes; an empty array at end of file. */
    byte[] read(int fd, int max);

    int[] socketpair(int domain, int type);

    /** A SOCK_STREAM unix socket connected to {@code path}, close-on-exec. */
    int connectUnix(String path);

    /** recvmsg(2) of one descriptor passed with SCM_RIGHTS; the text that came with it is dropped. */
    int receiveFd(int socket);

    /** Gives {@code to} (a pty master) the window size of the terminal {@code from}; false when {@code from} is none. */
    boolean copyWindowSize(int from, int to);

    FileStat fstat(int fd);

    FsStat fstatfs(int fd);

    // processes

    /** posix_spawn(3) of {@code path}; {@code dup2} maps a descriptor of ours to the child's number. */
    int spawn(String path, List<String> argv, List<String> env, Map<Integer, Integer> dup2);

    /** waitpid(2) with no options; returns the raw wait status. */
    int waitpid(int pid);

    void kill(int pid, int signal);

    void prctl(int option, long argument);

    /** execveat(fd, "", argv, env, AT_EMPTY_PATH): executes the file behind a descriptor. */
    void execveat(int fd, List<String> argv, List<String> env);

    int umask(int mask);

    // filesystem

    void mkfifo(String path, int mode);

    void mkdirat(int dirfd, String name, int mode);

    void mknodat(int dirfd, String name, int mode, long dev);

    void symlinkat(String target, int dirfd, String name);

    /** fchownat(2) with AT_SYMLINK_NOFOLLOW: a link is never followed. */
    void lchownat(int dirfd, String name, int uid, int gid);

    void mount(String source, String target, String type, long flags, String data);

    void umount2(String target, int flags);

    void pivotRoot(String newRoot, String putOld);

    void chdir(String path);

    void fchdir(int fd);

    void chroot(String path);

    void sethostname(String name);

    void setdomainname(String name);
}
