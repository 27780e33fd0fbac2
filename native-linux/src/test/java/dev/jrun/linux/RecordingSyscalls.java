package dev.jrun.linux;

import dev.jrun.plan.MountFlags;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A {@link Syscalls} that touches nothing. It keeps one ordered transcript of every call as a line
 * in the manner of strace ({@code openat2 3 proc/sys O_PATH|O_CLOEXEC RESOLVE_IN_ROOT = 7},
 * {@code mount /proc/self/fd/5 -> /proc/self/fd/7 type="" flags=MS_BIND}), hands out increasing
 * descriptors (never reusing one) and remembers the path each was opened for, answers fstat and
 * fstatfs as told per path or per descriptor, and fails the calls it is told to fail with the
 * {@link SyscallException} the real layer would throw.
 *
 * <p>Paths are tracked lexically: a descriptor opened relative to another is named by joining the
 * two names. Every path exists unless declared {@link #absent}; creating calls (mkdirat, mknodat,
 * symlinkat, openat with O_CREAT) succeed unless told to fail and make the path exist. Like the
 * real layer, close and umask never fail; they count as calls all the same.
 */
public final class RecordingSyscalls implements Syscalls {

    private static final FileStat DIRECTORY = new FileStat(1, 1, 0040755, 0, 4096);
    private static final FsStat PLAIN_FS = new FsStat(0, 0);

    private final List<String> transcript = new ArrayList<>();
    private int calls;
    private int nextFd = 3;
    private int nextPid = 1000;
    private int umask = 022;

    private final Map<Integer, String> names = new HashMap<>();
    private final Set<Integer> open = new HashSet<>();
    private final Map<String, FileStat> statsByPath = new HashMap<>();
    private final Map<Integer, FileStat> statsByFd = new HashMap<>();
    private final Map<String, FsStat> fsStatsByPath = new HashMap<>();
    private final Map<Integer, FsStat> fsStatsByFd = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    private final Set<String> created = new HashSet<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<Integer, Deque<byte[]>> incoming = new HashMap<>();
    private final Map<Integer, List<byte[]>> written = new HashMap<>();
    private final Map<Integer, byte[]> contents = new HashMap<>();
    private final Map<Integer, Integer> waitStatuses = new HashMap<>();
    private final Map<Integer, Integer> receivedFds = new HashMap<>();
    private final Set<Integer> terminals = new HashSet<>();

    // ---- answers

    /** What fstat says of a descriptor opened for {@code path}; a directory unless told otherwise. */
    public RecordingSyscalls stat(String path, FileStat stat) {
        statsByPath.put(normalise(path), stat);
        return this;
    }

    /** What fstat says of this descriptor, whatever its path. */
    public RecordingSyscalls stat(int fd, FileStat stat) {
        statsByFd.put(fd, stat);
        return this;
    }

    /** What fstatfs says of a descriptor opened for {@code path}; no flags unless told otherwise. */
    public RecordingSyscalls statfs(String path, FsStat stat) {
        fsStatsByPath.put(normalise(path), stat);
        return this;
    }

    public RecordingSyscalls statfs(int fd, FsStat stat) {
        fsStatsByFd.put(fd, stat);
        return this;
    }

    /** These paths, and everything below them, do not exist until a call creates them: a lookup gets ENOENT. */
    public RecordingSyscalls absent(String... paths) {
        for (String path : paths) {
            absent.add(normalise(path));
        }
        return this;
    }

    /** Packets that reads of {@code fd} return in turn; once they are used up, a read is end of file. */
    public RecordingSyscalls incoming(int fd, String... messages) {
        Deque<byte[]> queue = incoming.computeIfAbsent(fd, k -> new ArrayDeque<>());
        for (String message : messages) {
            queue.add(message.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** What preadAll of {@code fd} returns; empty unless told. */
    public RecordingSyscalls content(int fd, byte[] bytes) {
        contents.put(fd, bytes.clone());
        return this;
    }

    /** The raw status waitpid reports for {@code pid}; 0 (exited with 0) unless told. */
    public RecordingSyscalls waitStatus(int pid, int status) {
        waitStatuses.put(pid, status);
        return this;
    }

    /** The descriptor receiveFd on {@code socket} yields (it is then open); a new one unless told. */
    public RecordingSyscalls receivable(int socket, int fd) {
        receivedFds.put(socket, fd);
        return this;
    }

    /** Marks {@code fd} as a terminal, whose window size copyWindowSize can read. */
    public RecordingSyscalls terminal(int fd) {
        terminals.add(fd);
        return this;
    }

    /** A descriptor for {@code path} that the code under test is given rather than opens; not recorded. */
    public int descriptor(String path) {
        return allocate(normalise(path));
    }

    // ---- failures

    /** The n-th call (counting from 1, every call counted) fails with {@code errno}. */
    public RecordingSyscalls failCall(int n, int errno) {
        failures.add(new Failure(n, null, 0, checked(errno)));
        return this;
    }

    /** Every call whose transcript line (without its result) matches fails with {@code errno}. */
    public RecordingSyscalls failWhen(Predicate<String> line, int errno) {
        failures.add(new Failure(0, line, 0, checked(errno)));
        return this;
    }

    /** Only the {@code occurrence}-th call (from 1) whose line matches fails. */
    public RecordingSyscalls failWhen(Predicate<String> line, int occurrence, int errno) {
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrences count from 1");
        }
        failures.add(new Failure(0, line, occurrence, checked(errno)));
        return this;
    }

    /** Every call whose line starts with {@code prefix} fails. */
    public RecordingSyscalls failWhen(String prefix, int errno) {
        return failWhen(line -> line.startsWith(prefix), errno);
    }

    private static int checked(int errno) {
        if (errno == Errno.EINTR) {
            throw new IllegalArgumentException("the real layer retries EINTR: its callers never see it");
        }
        if (!ERRNOS.containsKey(errno)) {
            throw new IllegalArgumentException("no text for errno " + errno + ": add it to RecordingSyscalls");
        }
        return errno;
    }

    private static final class Failure {
        private final int call;
        private final Predicate<String> line;
        private final int occurrence;
        private final int errno;
        private int matched;

        Failure(int call, Predicate<String> line, int occurrence, int errno) {
            this.call = call;
            this.line = line;
            this.occurrence = occurrence;
            this.errno = errno;
        }

        boolean fires(int number, String text) {
            if (line == null) {
                return number == call;
            }
            if (!line.test(text)) {
                return false;
            }
            matched++;
            return occurrence == 0 || matched == occurrence;
        }
    }

    // ---- what happened

    /** Every call so far, in order; a failed one ends in {@code = -1 ERRNO}. */
    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    /** The lines of the calls named {@code call} ("mount", "openat2"), in order. */
    public List<String> calls(String call) {
        return transcript.stream().filter(line -> line.startsWith(call + " ")).toList();
    }

    /** The position of the first line starting with {@code prefix}, -1 when none. */
    public int indexOf(String prefix) {
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a line of the test's own (a callback that ran, say) to the transcript, marked with "# ". */
    public void note(String text) {
        transcript.add("# " + text);
    }

    /** The path a descriptor was opened for. */
    public String nameOf(int fd) {
        String name = names.get(fd);
        if (name == null) {
            throw new AssertionError("descriptor " + fd + " was not handed out");
        }
        return name;
    }

    /** The descriptor most recently opened for {@code path}. */
    public int lastOpened(String path) {
        String name = normalise(path);
        int found = -1;
        for (Map.Entry<Integer, String> entry : names.entrySet()) {
            if (entry.getValue().equals(name) && entry.getKey() > found) {
                found = entry.getKey();
            }
        }
        if (found < 0) {
            throw new AssertionError("nothing was opened for " + path + "; opened: " + names.values());
        }
        return found;
    }

    /** Descriptors handed out and not closed, in ascending order. */
    public SortedSet<Integer> openDescriptors() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(open));
    }

    /** The texts written to {@code fd}, one per write. */
    public List<String> written(int fd) {
        return written.getOrDefault(fd, List.of()).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    /** The bytes of every write to {@code fd}, one array per write. */
    public List<byte[]> writtenBytes(int fd) {
        return written.getOrDefault(fd, List.of()).stream().map(byte[]::clone).toList();
    }

    // ---- descriptors

    @Override
    public int open(String path, int flags, int mode) {
        String name = normalise(path);
        return opened(attempt("open " + path + " " + openFlags(flags) + creationMode(flags, mode), "open", path),
                "open", path, name, flags);
    }

    @Override
    public int openat(int dirfd, String path, int flags, int mode) {
        String name = path.startsWith("/") ? normalise(path) : join(dirName(dirfd), path);
        return opened(attempt("openat " + dirfd + " " + path + " " + openFlags(flags) + creationMode(flags, mode),
                "openat", path), "openat", path, name, flags);
    }

    @Override
    public int openat2(int dirfd, String path, int flags, long resolve) {
        boolean inRoot = (resolve & (RESOLVE_IN_ROOT | RESOLVE_BENEATH)) != 0;
        String name = path.startsWith("/") && !inRoot ? normalise(path) : join(dirName(dirfd), path);
        return opened(attempt("openat2 " + dirfd + " " + path + " " + openFlags(flags) + " " + resolveFlags(resolve),
                "openat2", path), "openat2", path, name, flags);
    }

    private int opened(String line, String call, String object, String name, int flags) {
        if ((flags & O_CREAT) != 0) {
            created.add(name);
        } else if (isAbsent(name)) {
            throw failure(line, call, object, Errno.ENOENT);
        }
        int fd = allocate(name);
        transcript.add(line + " = " + fd);
        return fd;
    }

    @Override
    public void close(int fd) {
        calls++;
        transcript.add("close " + fd);
        open.remove(fd);
    }

    @Override
    public int memfdCreate(String name, int flags) {
        String line = attempt("memfd_create " + name + " 0x" + Integer.toHexString(flags), "memfd_create", name);
        int fd = allocate("memfd:" + name);
        transcript.add(line + " = " + fd);
        return fd;
    }

    @Override
    public void addSeals(int fd, int seals) {
        String line = "fcntl " + fd + " F_ADD_SEALS 0x" + Integer.toHexString(seals);
        transcript.add(attempt(line, "fcntl F_ADD_SEALS", ""));
    }

    @Override
    public void writeFully(int fd, byte[] data) {
        transcript.add(attempt("write " + fd + " " + describe(data), "write", ""));
        written.computeIfAbsent(fd, k -> new ArrayList<>()).add(data.clone());
    }

    @Override
    public byte[] preadAll(int fd) {
        String line = attempt("pread " + fd, "pread", "");
        byte[] bytes = contents.getOrDefault(fd, new byte[0]).clone();
        transcript.add(line + " = " + describe(bytes));
        return bytes;
    }

    @Override
    public byte[] read(int fd, int max) {
        String line = attempt("read " + fd + " " + max, "read", "");
        Deque<byte[]> queue = incoming.get(fd);
        byte[] bytes = queue == null || queue.isEmpty() ? new byte[0] : queue.poll();
        if (bytes.length > max) {
            throw new AssertionError("a packet of " + bytes.length + " bytes for a read of at most " + max);
        }
        transcript.add(line + " = " + describe(bytes));
        return bytes;
    }

    @Override
    public int[] socketpair(int domain, int type) {
        String line = attempt("socketpair " + domain + " " + type, "socketpair", "");
        int[] fds = {allocate("socket"), allocate("socket")};
        transcript.add(line + " = " + fds[0] + "," + fds[1]);
        return fds;
    }

    @Override
    public int connectUnix(String path) {
        String line = attempt("connect " + path, "connect", path);
        int fd = allocate("socket:" + path);
        transcript.add(line + " = " + fd);
        return fd;
    }

    @Override
    public int receiveFd(int socket) {
        String line = attempt("recvmsg " + socket, "recvmsg", "");
        Integer given = receivedFds.get(socket);
        int fd;
        if (given == null) {
            fd = allocate("received");
        } else {
            fd = given;
            names.put(fd, "received");
            open.add(fd);
        }
        transcript.add(line + " = " + fd);
        return fd;
    }

    @Override
    public boolean copyWindowSize(int from, int to) {
        boolean terminal = terminals.contains(from);
        String line = "ioctl " + from + " TIOCGWINSZ" + (terminal ? "" : " = -1 ENOTTY");
        calls++;
        transcript.add(line);
        if (terminal) {
            transcript.add(attempt("ioctl " + to + " TIOCSWINSZ", "ioctl TIOCSWINSZ", ""));
        }
        return terminal;
    }

    @Override
    public FileStat fstat(int fd) {
        transcript.add(attempt("fstat " + fd, "fstat", ""));
        FileStat stat = statsByFd.get(fd);
        if (stat == null) {
            stat = statsByPath.getOrDefault(names.get(fd), DIRECTORY);
        }
        return stat;
    }

    @Override
    public FsStat fstatfs(int fd) {
        transcript.add(attempt("fstatfs " + fd, "fstatfs", ""));
        FsStat stat = fsStatsByFd.get(fd);
        if (stat == null) {
            stat = fsStatsByPath.getOrDefault(names.get(fd), PLAIN_FS);
        }
        return stat;
    }

    // ---- processes

    @Override
    public int spawn(String path, List<String> argv, List<String> env, Map<Integer, Integer> dup2) {
        String line = attempt("spawn " + path + " " + argv + " env=" + env + " dup2=" + new LinkedHashMap<>(dup2),
                "posix_spawn", path);
        int pid = nextPid++;
        transcript.add(line + " = " + pid);
        return pid;
    }

    @Override
    public int waitpid(int pid) {
        String line = attempt("waitpid " + pid, "waitpid", Integer.toString(pid));
        int status = waitStatuses.getOrDefault(pid, 0);
        transcript.add(line + " = 0x" + Integer.toHexString(status));
        return status;
    }

    @Override
    public void kill(int pid, int signal) {
        transcript.add(attempt("kill " + pid + " " + signal, "kill", Integer.toString(pid)));
    }

    @Override
    public void prctl(int option, long argument) {
        transcript.add(attempt("prctl " + option + " " + argument, "prctl", Integer.toString(option)));
    }

    @Override
    public void execveat(int fd, List<String> argv, List<String> env) {
        transcript.add(attempt("execveat " + fd + " " + argv + " env=" + env, "execveat",
                argv.isEmpty() ? "" : argv.get(0)));
    }

    @Override
    public int umask(int mask) {
        calls++;
        int old = umask;
        umask = mask;
        transcript.add("umask 0" + Integer.toOctalString(mask) + " = 0" + Integer.toOctalString(old));
        return old;
    }

    // ---- filesystem

    @Override
    public void mkfifo(String path, int mode) {
        transcript.add(attempt("mkfifo " + path + " 0" + Integer.toOctalString(mode), "mkfifo", path));
        created.add(normalise(path));
    }

    @Override
    public void mkdirat(int dirfd, String name, int mode) {
        transcript.add(attempt("mkdirat " + dirfd + " " + name + " 0" + Integer.toOctalString(mode), "mkdirat", name));
        created.add(join(dirName(dirfd), name));
    }

    @Override
    public void mknodat(int dirfd, String name, int mode, long dev) {
        FileStat node = new FileStat(0, 0, mode, dev, 0);
        String line = "mknodat " + dirfd + " " + name + " " + nodeType(mode)
                + " 0" + Integer.toOctalString(mode & 07777) + " " + node.rdevMajor() + ":" + node.rdevMinor();
        transcript.add(attempt(line, "mknodat", name));
        created.add(join(dirName(dirfd), name));
    }

    @Override
    public void symlinkat(String target, int dirfd, String name) {
        transcript.add(attempt("symlinkat " + dirfd + " " + name + " -> " + target, "symlinkat", name));
        created.add(join(dirName(dirfd), name));
    }

    @Override
    public void lchownat(int dirfd, String name, int uid, int gid) {
        transcript.add(attempt("lchownat " + dirfd + " " + name + " " + uid + ":" + gid, "fchownat", name));
    }

    @Override
    public void mount(String source, String target, String type, long flags, String data) {
        String line = "mount " + quoted(source) + " -> " + quoted(target) + " type=" + quoted(type)
                + " flags=" + mountFlags(flags) + (data == null ? "" : " data=" + quoted(data));
        transcript.add(attempt(line, "mount", target));
    }

    @Override
    public void umount2(String target, int flags) {
        transcript.add(attempt("umount2 " + quoted(target) + " " + flags, "umount2", target));
    }

    @Override
    public void pivotRoot(String newRoot, String putOld) {
        transcript.add(attempt("pivot_root " + quoted(newRoot) + " " + quoted(putOld), "pivot_root", newRoot));
    }

    @Override
    public void chdir(String path) {
        transcript.add(attempt("chdir " + quoted(path), "chdir", path));
    }

    @Override
    public void fchdir(int fd) {
        transcript.add(attempt("fchdir " + fd, "fchdir", ""));
    }

    @Override
    public void chroot(String path) {
        transcript.add(attempt("chroot " + quoted(path), "chroot", path));
    }

    @Override
    public void sethostname(String name) {
        transcript.add(attempt("sethostname " + quoted(name), "sethostname", name));
    }

    @Override
    public void setdomainname(String name) {
        transcript.add(attempt("setdomainname " + quoted(name), "setdomainname", name));
    }

    // ---- the machinery

    /** Counts the call and throws when a failure is due; returns the line to record on success. */
    private String attempt(String line, String call, String object) {
        int number = ++calls;
        for (Failure failure : failures) {
            if (failure.fires(number, line)) {
                throw failure(line, call, object, failure.errno);
            }
        }
        return line;
    }

    private SyscallException failure(String line, String call, String object, int errno) {
        transcript.add(line + " = -1 " + ERRNOS.get(errno).name());
        return new SyscallException(call, object, errno, ERRNOS.get(errno).text());
    }

    private int allocate(String name) {
        int fd = nextFd++;
        names.put(fd, name);
        open.add(fd);
        return fd;
    }

    private String dirName(int dirfd) {
        if (dirfd == AT_FDCWD) {
            return "";
        }
        return names.getOrDefault(dirfd, "fd" + dirfd);
    }

    private boolean isAbsent(String name) {
        if (created.contains(name)) {
            return false;
        }
        for (String missing : absent) {
            if (name.equals(missing) || name.startsWith(missing.equals("/") ? "/" : missing + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String join(String dir, String path) {
        return normalise(dir.isEmpty() ? path : dir + "/" + path);
    }

    /** Lexical normalisation: "." and empty components dropped, ".." removes one (never above the start). */
    private static String normalise(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    private static String creationMode(int flags, int mode) {
        return (flags & O_CREAT) != 0 ? " 0" + Integer.toOctalString(mode) : "";
    }

    private static String quoted(String value) {
        return value == null ? "NULL" : value.isEmpty() ? "\"\"" : value;
    }

    /** Printable text in quotes, anything else as its length. */
    private static String describe(byte[] data) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
            if (text.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                return "\"" + text + "\"";
            }
        } catch (CharacterCodingException e) {
            // not text
        }
        return "<" + data.length + " bytes>";
    }

    private static String nodeType(int mode) {
        return switch (mode & 0170000) {
            case 0020000 -> "c";
            case 0060000 -> "b";
            case 0010000 -> "p";
            case 0100000 -> "f";
            default -> "type0" + Integer.toOctalString(mode & 0170000);
        };
    }

    // ---- flag names, for the transcript and for tests that build expected lines

    private static final Map<Long, String> OPEN_FLAGS = new LinkedHashMap<>();
    private static final Map<Long, String> RESOLVE_FLAGS = new LinkedHashMap<>();
    private static final Map<Long, String> MOUNT_FLAGS = new LinkedHashMap<>();

    static {
        OPEN_FLAGS.put((long) O_PATH, "O_PATH");
        OPEN_FLAGS.put((long) O_CREAT, "O_CREAT");
        OPEN_FLAGS.put((long) O_EXCL, "O_EXCL");
        OPEN_FLAGS.put((long) O_NOCTTY, "O_NOCTTY");
        OPEN_FLAGS.put((long) O_TRUNC, "O_TRUNC");
        OPEN_FLAGS.put((long) O_NONBLOCK, "O_NONBLOCK");
        OPEN_FLAGS.put((long) O_DIRECTORY, "O_DIRECTORY");
        OPEN_FLAGS.put((long) O_NOFOLLOW, "O_NOFOLLOW");
        OPEN_FLAGS.put((long) O_CLOEXEC, "O_CLOEXEC");

        RESOLVE_FLAGS.put(RESOLVE_NO_XDEV, "RESOLVE_NO_XDEV");
        RESOLVE_FLAGS.put(RESOLVE_NO_MAGICLINKS, "RESOLVE_NO_MAGICLINKS");
        RESOLVE_FLAGS.put(RESOLVE_NO_SYMLINKS, "RESOLVE_NO_SYMLINKS");
        RESOLVE_FLAGS.put(RESOLVE_BENEATH, "RESOLVE_BENEATH");
        RESOLVE_FLAGS.put(RESOLVE_IN_ROOT, "RESOLVE_IN_ROOT");

        MOUNT_FLAGS.put(MountFlags.MS_RDONLY, "MS_RDONLY");
        MOUNT_FLAGS.put(MountFlags.MS_NOSUID, "MS_NOSUID");
        MOUNT_FLAGS.put(MountFlags.MS_NODEV, "MS_NODEV");
        MOUNT_FLAGS.put(MountFlags.MS_NOEXEC, "MS_NOEXEC");
        MOUNT_FLAGS.put(MountFlags.MS_SYNCHRONOUS, "MS_SYNCHRONOUS");
        MOUNT_FLAGS.put(MountFlags.MS_REMOUNT, "MS_REMOUNT");
        MOUNT_FLAGS.put(MountFlags.MS_MANDLOCK, "MS_MANDLOCK");
        MOUNT_FLAGS.put(MountFlags.MS_DIRSYNC, "MS_DIRSYNC");
        MOUNT_FLAGS.put(MountFlags.MS_NOSYMFOLLOW, "MS_NOSYMFOLLOW");
        MOUNT_FLAGS.put(MountFlags.MS_NOATIME, "MS_NOATIME");
        MOUNT_FLAGS.put(MountFlags.MS_NODIRATIME, "MS_NODIRATIME");
        MOUNT_FLAGS.put(MountFlags.MS_BIND, "MS_BIND");
        MOUNT_FLAGS.put(MountFlags.MS_MOVE, "MS_MOVE");
        MOUNT_FLAGS.put(MountFlags.MS_REC, "MS_REC");
        MOUNT_FLAGS.put(MountFlags.MS_SILENT, "MS_SILENT");
        MOUNT_FLAGS.put(MountFlags.MS_UNBINDABLE, "MS_UNBINDABLE");
        MOUNT_FLAGS.put(MountFlags.MS_PRIVATE, "MS_PRIVATE");
        MOUNT_FLAGS.put(MountFlags.MS_SLAVE, "MS_SLAVE");
        MOUNT_FLAGS.put(MountFlags.MS_SHARED, "MS_SHARED");
        MOUNT_FLAGS.put(MountFlags.MS_RELATIME, "MS_RELATIME");
        MOUNT_FLAGS.put(MountFlags.MS_I_VERSION, "MS_I_VERSION");
        MOUNT_FLAGS.put(MountFlags.MS_STRICTATIME, "MS_STRICTATIME");
        MOUNT_FLAGS.put(MountFlags.MS_LAZYTIME, "MS_LAZYTIME");
    }

    /** open(2) flags by name, the access mode (or O_PATH) first: "O_WRONLY|O_CREAT|O_CLOEXEC", "O_PATH|O_CLOEXEC". */
    public static String openFlags(int flags) {
        List<String> parts = new ArrayList<>();
        int access = flags & 3;
        if (access == O_WRONLY) {
            parts.add("O_WRONLY");
        } else if (access == O_RDWR) {
            parts.add("O_RDWR");
        } else if (access != 0) {
            parts.add("O_ACCMODE3");
        }
        String rest = names(flags & ~3, OPEN_FLAGS);
        if (!rest.equals("0")) {
            parts.add(rest);
        }
        return parts.isEmpty() ? "O_RDONLY" : String.join("|", parts);
    }

    /** RESOLVE_* flags by name, in bit order; "0" for none. */
    public static String resolveFlags(long flags) {
        return names(flags, RESOLVE_FLAGS);
    }

    /** MS_* flags by name, in bit order: "MS_RDONLY|MS_REMOUNT|MS_BIND"; "0" for none. */
    public static String mountFlags(long flags) {
        return names(flags, MOUNT_FLAGS);
    }

    private static String names(long flags, Map<Long, String> table) {
        List<String> parts = new ArrayList<>();
        long rest = flags;
        for (Map.Entry<Long, String> flag : table.entrySet()) {
            if ((rest & flag.getKey()) != 0) {
                parts.add(flag.getValue());
                rest &= ~flag.getKey();
            }
        }
        if (rest != 0) {
            parts.add("0x" + Long.toHexString(rest));
        }
        return parts.isEmpty() ? "0" : String.join("|", parts);
    }

    // ---- errno

    /** An errno's name and glibc's strerror text for it. */
    private record ErrnoText(String name, String text) {
    }

    private static Map.Entry<Integer, ErrnoText> errno(int number, String name, String text) {
        return Map.entry(number, new ErrnoText(name, text));
    }

    private static final Map<Integer, ErrnoText> ERRNOS = Map.ofEntries(
            errno(Errno.EPERM, "EPERM", "Operation not permitted"),
            errno(Errno.ENOENT, "ENOENT", "No such file or directory"),
            errno(Errno.ESRCH, "ESRCH", "No such process"),
            errno(9, "EBADF", "Bad file descriptor"),
            errno(Errno.ECHILD, "ECHILD", "No child processes"),
            errno(Errno.EAGAIN, "EAGAIN", "Resource temporarily unavailable"),
            errno(12, "ENOMEM", "Cannot allocate memory"),
            errno(Errno.EACCES, "EACCES", "Permission denied"),
            errno(Errno.EBUSY, "EBUSY", "Device or resource busy"),
            errno(Errno.EEXIST, "EEXIST", "File exists"),
            errno(Errno.EXDEV, "EXDEV", "Invalid cross-device link"),
            errno(Errno.ENOTDIR, "ENOTDIR", "Not a directory"),
            errno(Errno.EISDIR, "EISDIR", "Is a directory"),
            errno(Errno.EINVAL, "EINVAL", "Invalid argument"),
            errno(24, "EMFILE", "Too many open files"),
            errno(28, "ENOSPC", "No space left on device"),
            errno(30, "EROFS", "Read-only file system"),
            errno(Errno.ENOSYS, "ENOSYS", "Function not implemented"),
            errno(Errno.ELOOP, "ELOOP", "Too many levels of symbolic links"),
            errno(95, "EOPNOTSUPP", "Operation not supported"),
            errno(111, "ECONNREFUSED", "Connection refused"));
}
