package dev.jrun.linux;

import jnr.ffi.Pointer;
import jnr.ffi.byref.IntByReference;

/** The C library as JNR binds it: a mirror of the C declarations, used only by {@link LinuxSyscalls}. */
public interface LibC {

    long SYS_PIVOT_ROOT = 155;
    long SYS_EXECVEAT = 322;
    long SYS_OPENAT2 = 437;

    int open(String path, int flags, int mode);

    int openat(int dirfd, String path, int flags, int mode);

    int close(int fd);

    int memfd_create(String name, int flags);

    int fcntl(int fd, int cmd, int arg);

    long write(int fd, Pointer buffer, long count);

    long read(int fd, Pointer buffer, long count);

    long pread(int fd, Pointer buffer, long count, long offset);

    int socketpair(int domain, int type, int protocol, int[] fds);

    int socket(int domain, int type, int protocol);

    int ioctl(int fd, long request, Pointer argument);

    int connect(int fd, Pointer address, int length);

    long recvmsg(int fd, Pointer message, int flags);

    int fstat(int fd, Pointer stat);

    int fstatfs(int fd, Pointer statfs);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn(IntByReference pid, String path, Pointer actions, Pointer attributes, Pointer argv, Pointer envp);

    int waitpid(int pid, IntByReference status, int options);

    int kill(int pid, int signal);

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    int umask(int mask);

    int mkfifo(String path, int mode);

    int mkdirat(int dirfd, String name, int mode);

    int mknodat(int dirfd, String name, int mode, long dev);

    int symlinkat(String target, int dirfd, String name);

    int fchownat(int dirfd, String name, int uid, int gid, int flags);

    int mount(String source, String target, String type, long flags, String data);

    int umount2(String target, int flags);

    int chdir(String path);

    int fchdir(int fd);

    int chroot(String path);

    int sethostname(String name, long length);

    int setdomainname(String name, long length);

    String strerror(int errno);

    /** pivot_root. */
    long syscall(long number, String newRoot, String putOld);

    /** execveat. */
    long syscall(long number, int fd, String path, Pointer argv, Pointer envp, int flags);

    /** openat2. */
    long syscall(long number, int dirfd, String path, Pointer how, long size);
}
