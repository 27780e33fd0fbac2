/*
 * jrun-nsexec: what a multithreaded JVM cannot do (unshare or setns into user and mount
 * namespaces, fork into a PID namespace) or should not (wait for `start`, the final execve).
 * Java decides everything and sends data. The contract is docs/protocol.md; the numbers below
 * must agree with it and with dev.jrun.linux.helper.HelperProtocol.
 *
 *  JVM A (jrun create/exec)    stage 0: argv "create" | "exec"  stage 1: child of stage 0
 *  posix_spawn --------------> read bootstrap (fd 202)
 *                              exec: PR_SET_DUMPABLE 0
 *                              setns NS_PATHs, user first
 *                              unshare(CLONE_NEWUSER)?
 *  write setgroups/maps   <--- "idmap <pid>"
 *                         ---> "idmap-ok"; become root
 *                              unshare(other CLONE_FLAGS)
 *                              fork -------------------------> wait for the gate byte
 *  record pid             <--- "pid <pid>"; gate byte; exit   setsid; create: execve JVM B,
 *                                                             which mounts, pivot_roots and
 *                                                             runs fd 200 "handoff" (stage 2);
 *                                                             exec: stage 2 in-process
 *                              stage 2: argv "handoff", reads fd 204
 *  join cgroups           <--- "handoff"
 *                         ---> "continue"
 *                              cgroupns, console, rlimits, LSM labels, seccomp (without NNP),
 *                              groups/gid/uid/capabilities, umask, cwd, executable, NNP,
 *                              close-on-exec, signals
 *  write state, exit      <--- "ready"
 *                              create: read(fd 205) until `jrun start` writes a byte
 *                              seccomp (with NNP), execve the container process
 *
 * Any failure: "error <what was done>: <strerror>" on fd 201 (after "ready" also on stderr),
 * exit 1, or 127 when the final execve fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/close_range.h>
#include <linux/filter.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/seccomp.h>

#ifndef TIOCGPTPEER
#define TIOCGPTPEER _IO('T', 0x41)
#endif

/* Fixed descriptors, set up by the spawner. */
#define FD_EXE       200 /* sealed memfd copy of this program */
#define FD_SYNC      201 /* SOCK_SEQPACKET to JVM A, one message per packet */
#define FD_BOOTSTRAP 202 /* memfd, stage 0 TLVs */
#define FD_INITPLAN  203 /* memfd, JVM B's mount plan (not read here) */
#define FD_HANDOFF   204 /* memfd, stage 2 TLVs */
#define FD_FIFO      205 /* exec.fifo opened O_RDWR (create only) */
#define FD_CONSOLE   206 /* connected unix socket that receives the pty master (terminal only) */

/* TLV record types: u16 type, u16 zero, u32 length, value. */
enum {
	T_VERSION = 1, /* u32, must be PROTOCOL_VERSION */
	/* bootstrap (fd 202) */
	T_CLONE_FLAGS = 2, T_NS_PATH = 3, T_INIT_ARGV = 4, T_INIT_ENV = 5,
	/* hand-off (fd 204) */
	T_ARGS = 10, T_ENV = 11, T_CWD = 12, T_UID = 13, T_GID = 14, T_ADDITIONAL_GIDS = 15,
	T_CAPS = 16, T_NO_NEW_PRIVS = 17, T_RLIMIT = 18, T_SECCOMP_BPF = 19, T_SECCOMP_FLAGS = 20,
	T_APPARMOR = 21, T_SELINUX = 22, T_PRESERVE_FDS = 23, T_UNSHARE_CGROUP = 24,
	T_WAIT_FIFO = 25, T_UMASK = 26, T_CONSOLE = 27, T_CONSOLE_SIZE = 28,
};
#define CONSOLE_PTY 1     /* T_CONSOLE: a pty as stdio, its master sent to FD_CONSOLE */
#define CONSOLE_DEVICE 2  /* the same, and bound over /dev/console (the init, not exec) */
#define PROTOCOL_VERSION 1
#define BIT(t) (1u << (t))
#define BOOTSTRAP_TYPES (BIT(T_VERSION) | BIT(T_CLONE_FLAGS) | BIT(T_NS_PATH) | BIT(T_INIT_ARGV) | BIT(T_INIT_ENV))
#define HANDOFF_TYPES (BIT(T_VERSION) | (BIT(T_CONSOLE_SIZE + 1) - BIT(T_ARGS)))
#define REPEATED_TYPES (BIT(T_NS_PATH) | BIT(T_RLIMIT))

/* Sync messages (fd 201), ASCII; the first word names the message. */
#define MSG_IDMAP    "idmap"    /* stage 0 -> A: "idmap <pid>", write the maps of <pid> */
#define MSG_IDMAP_OK "idmap-ok" /* A -> stage 0: maps written */
#define MSG_PID      "pid"      /* stage 0 -> A: "pid <pid>", the child in A's PID namespace */
#define MSG_HANDOFF  "handoff"  /* stage 2 -> A: about to take the credentials */
#define MSG_CONTINUE "continue" /* A -> stage 2: cgroups joined */
#define MSG_READY    "ready"    /* stage 2 -> A: everything checked, only the execve is left */
#define MSG_ERROR    "error"    /* any -> A: "error <what>: <strerror>", then exit 1 */
#define MSG_MAX      4096

#define MAX_TLV_BYTES (16 << 20)
#define NS_MAX 16
#define RLIMITS_MAX 64
#define DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#define RETRY(call) ({ long r_; do r_ = (long)(call); while (r_ < 0 && errno == EINTR); r_; })

_Static_assert(sizeof(gid_t) == 4, "ADDITIONAL_GIDS are u32");
_Static_assert(sizeof(struct sock_filter) == 8, "SECCOMP_BPF is 8 bytes per instruction");

struct strlist {
	char **v; /* NULL-terminated, pointing into the record buffer */
	size_t n;
};

struct config {
	uint32_t seen; /* one bit per record type */
	uint32_t version, clone_flags;
	struct { uint32_t type; char *path; } ns[NS_MAX];
	size_t nns;
	struct strlist init_argv, init_env, args, env;
	char *cwd, *apparmor, *selinux;
	uint32_t uid, gid, no_new_privs, seccomp_flags, preserve_fds, unshare_cgroup, wait_fifo, umask;
	uint32_t console, console_size[2]; /* console_size: height, width */
	gid_t *gids; size_t ngids;
	uint64_t caps[5]; /* bounding, effective, permitted, inheritable, ambient */
	struct { uint32_t resource, zero; uint64_t soft, hard; } rlimits[RLIMITS_MAX]; /* as sent */
	size_t nrlimits;
	struct sock_filter *bpf; size_t nbpf;
};

static char *no_strings[] = { NULL };
#define CONFIG_INIT { .init_argv = { no_strings, 0 }, .init_env = { no_strings, 0 }, \
                      .args = { no_strings, 0 }, .env = { no_strings, 0 } }

/* After "ready" JVM A no longer reads fd 201, so errors also go to the process's stderr. */
static bool ready_sent;

static int __attribute__((format(printf, 1, 2))) sync_send(const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap); /* longer messages are cut */
	va_end(ap);
	if (n < 0)
		return -1;
	return RETRY(send(FD_SYNC, msg, strlen(msg), MSG_NOSIGNAL)) < 0 ? -1 : 0;
}

static _Noreturn void __attribute__((format(printf, 3, 4))) die_code(int code, int err, const char *fmt, ...)
{
	char what[MSG_MAX - 512], reason[256] = "";
	va_list ap;
	va_start(ap, fmt);
	if (vsnprintf(what, sizeof what, fmt, ap) < 0)
		strcpy(what, "an unnamed step");
	va_end(ap);
	if (err) {
		snprintf(reason, sizeof reason, ": %s", strerror(err));
		if (reason[2] >= 'A' && reason[2] <= 'Z')
			reason[2] += 'a' - 'A';
	}
	/* The peer may be gone; there is nobody left to tell, so a failed send changes nothing. */
	(void)sync_send(MSG_ERROR " %s%s", what, reason);
	if (ready_sent) /* the last resort: a failure here leaves nothing else to try */
		(void)dprintf(STDERR_FILENO, "jrun-nsexec: %s%s\n", what, reason);
	_exit(code);
}
#define die(err, ...) die_code(1, err, __VA_ARGS__)

static void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		die(ENOMEM, "allocate %zu bytes", size);
	return p;
}

static void xclose(int fd)
{
	if (close(fd) < 0 && errno != EINTR)
		die(errno, "close fd %d", fd);
}

/* Waits for exactly the message `want`; anything else, or end of file, ends this process. */
static void sync_expect(const char *want)
{
	char msg[MSG_MAX];
	long n = RETRY(recv(FD_SYNC, msg, sizeof msg, 0));
	if (n < 0)
		die(errno, "wait for %s", want);
	if (n == 0)
		die(0, "wait for %s: end of file", want);
	if ((size_t)n != strlen(want) || memcmp(msg, want, (size_t)n))
		die(0, "wait for %s: unexpected message %.*s", want, (int)(n > 64 ? 64 : n), msg);
}

/* ---- TLV decoding ---- */

static bool get_u32(const char *v, size_t n, uint32_t *out)
{
	return n == 4 && memcpy(out, v, 4);
}

/* copied: a value in the record buffer may be misaligned for its type */
static void *copy(const char *v, size_t n)
{
	return memcpy(xmalloc(n), v, n);
}

/* A string value carries no NUL; one inside would silently cut it short. */
static char *get_string(const char *v, size_t n)
{
	if (memchr(v, 0, n))
		return NULL;
	char *s = memcpy(xmalloc(n + 1), v, n);
	s[n] = 0;
	return s;
}

static bool get_strlist(char *v, size_t n, struct strlist *l)
{
	if (n && v[n - 1])
		return false;
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += !v[i];
	l->v = xmalloc((count + 1) * sizeof *l->v);
	for (size_t i = 0, k = 0; i < n; i += strlen(v + i) + 1)
		l->v[k++] = v + i;
	l->v[count] = NULL;
	l->n = count;
	return true;
}

static bool decode(struct config *c, unsigned type, char *v, size_t n)
{
	switch (type) {
	case T_VERSION: return get_u32(v, n, &c->version);
	case T_CLONE_FLAGS: return get_u32(v, n, &c->clone_flags);
	case T_NS_PATH:
		if (n < 5 || c->nns == NS_MAX)
			return false;
		memcpy(&c->ns[c->nns].type, v, 4);
		return (c->ns[c->nns++].path = get_string(v + 4, n - 4)) != NULL;
	case T_INIT_ARGV: return get_strlist(v, n, &c->init_argv);
	case T_INIT_ENV: return get_strlist(v, n, &c->init_env);
	case T_ARGS: return get_strlist(v, n, &c->args);
	case T_ENV: return get_strlist(v, n, &c->env);
	case T_CWD: return (c->cwd = get_string(v, n)) != NULL;
	case T_APPARMOR: return (c->apparmor = get_string(v, n)) != NULL;
	case T_SELINUX: return (c->selinux = get_string(v, n)) != NULL;
	case T_UID: return get_u32(v, n, &c->uid);
	case T_GID: return get_u32(v, n, &c->gid);
	case T_NO_NEW_PRIVS: return get_u32(v, n, &c->no_new_privs);
	case T_SECCOMP_FLAGS: return get_u32(v, n, &c->seccomp_flags);
	case T_PRESERVE_FDS: return get_u32(v, n, &c->preserve_fds) && c->preserve_fds <= INT_MAX - 3;
	case T_UNSHARE_CGROUP: return get_u32(v, n, &c->unshare_cgroup);
	case T_WAIT_FIFO: return get_u32(v, n, &c->wait_fifo);
	case T_UMASK: return get_u32(v, n, &c->umask);
	case T_CONSOLE: return get_u32(v, n, &c->console);
	case T_CONSOLE_SIZE: return n == sizeof c->console_size && memcpy(c->console_size, v, n);
	case T_ADDITIONAL_GIDS:
		c->ngids = n / 4;
		return n % 4 == 0 && (c->gids = copy(v, n));
	case T_CAPS: return n == sizeof c->caps && memcpy(c->caps, v, n);
	case T_RLIMIT:
		if (n != sizeof *c->rlimits || c->nrlimits == RLIMITS_MAX)
			return false;
		memcpy(&c->rlimits[c->nrlimits], v, n);
		return c->rlimits[c->nrlimits++].zero == 0;
	case T_SECCOMP_BPF:
		c->nbpf = n / 8;
		return n && n % 8 == 0 && n / 8 <= BPF_MAXINSNS && (c->bpf = copy(v, n));
	}
	return false;
}

/* Reads a memfd of TLV records from offset 0 into `c`; `allowed` has a bit per known type. */
static void load(int fd, const char *name, uint32_t allowed, struct config *c)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		die(errno, "read %s", name);
	if (st.st_size > MAX_TLV_BYTES)
		die(EFBIG, "read %s", name);
	size_t len = (size_t)st.st_size;
	char *buf = xmalloc(len); /* kept for the life of the process: string lists point into it */
	for (size_t off = 0; off < len;) {
		long r = RETRY(pread(fd, buf + off, len - off, (off_t)off));
		if (r <= 0)
			die(r < 0 ? errno : EIO, "read %s", name);
		off += (size_t)r;
	}
	for (size_t off = 0; off < len;) {
		uint16_t type, zero;
		uint32_t vlen;
		if (len - off < 8)
			die(0, "%s: truncated record header", name);
		memcpy(&type, buf + off, 2);
		memcpy(&zero, buf + off + 2, 2);
		memcpy(&vlen, buf + off + 4, 4);
		off += 8;
		if (zero || vlen > len - off)
			die(0, "%s: malformed record header of type %u", name, type);
		if (type >= 32 || !(allowed & BIT(type)))
			die(0, "%s: unknown record type %u", name, type);
		if (c->seen & BIT(type) & ~REPEATED_TYPES)
			die(0, "%s: duplicate record of type %u", name, type);
		c->seen |= BIT(type);
		if (!decode(c, type, buf + off, vlen))
			die(0, "%s: malformed record of type %u", name, type);
		off += vlen;
	}
	if (!(c->seen & BIT(T_VERSION)))
		die(0, "%s: missing version record", name);
	if (c->version != PROTOCOL_VERSION)
		die(0, "%s: unsupported version %u", name, c->version);
}

/* ---- stage 2: hand-off ---- */

static void check_procfs(int fd, const char *what, const char *path)
{
	struct statfs st;
	if (fstatfs(fd, &st) < 0)
		die(errno, "%s: fstatfs %s", what, path);
	if (st.f_type != PROC_SUPER_MAGIC)
		die(0, "%s: %s is not on procfs", what, path);
}

/*
 * Writes an LSM attribute of this thread through a procfs that the container cannot have
 * tampered with: a non-recursive clone of /proc shows none of the mounts over it
 * (CVE-2019-16884, CVE-2025-52881). Without open_tree (ENOSYS, or EPERM from an outer sandbox's
 * seccomp profile) /proc itself is used, after the same check.
 */
static void write_attr(const char *what, const char *file, const char *fallback, const char *prefix,
                       const char *value)
{
	char text[MSG_MAX];
	if ((size_t)snprintf(text, sizeof text, "%s%s", prefix, value) >= sizeof text)
		die(ENAMETOOLONG, "%s", what);
	int proc = (int)syscall(SYS_open_tree, AT_FDCWD, "/proc", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	if (proc < 0 && (errno == ENOSYS || errno == EPERM))
		proc = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (proc < 0)
		die(errno, "%s: open /proc", what);
	check_procfs(proc, what, "/proc");
	int fd = openat(proc, file, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 && errno == ENOENT && fallback)
		fd = openat(proc, file = fallback, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		die(errno, "%s: open /proc/%s", what, file);
	check_procfs(fd, what, file);
	size_t len = strlen(text);
	long w = RETRY(write(fd, text, len));
	if (w < 0 || (size_t)w != len)
		die(w < 0 ? errno : EIO, "%s", what);
	xclose(fd);
	xclose(proc);
}

static void load_seccomp(const struct config *c)
{
	struct sock_fprog prog = { .len = (unsigned short)c->nbpf, .filter = c->bpf };
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, c->seccomp_flags, &prog) >= 0)
		return;
	if (errno == ENOSYS && c->seccomp_flags == 0 &&
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0)
		return;
	die(errno, "load seccomp filter");
}

/* Groups, ids and capabilities, in the only order the kernel accepts them all. */
static void set_credentials(const struct config *c)
{
	const uint64_t bounding = c->caps[0], ambient = c->caps[4];
	/* keep the permitted set across the uid change; capset below trims it */
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
		die(errno, "prctl PR_SET_KEEPCAPS 1");
	for (unsigned long cap = 0;; cap++) {
		int r = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
		if (r < 0 && errno == EINVAL)
			break; /* past the kernel's last capability */
		if (r < 0)
			die(errno, "read bounding capability %lu", cap);
		if (r == 1 && !(cap < 64 && (bounding >> cap & 1)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
			die(errno, "drop bounding capability %lu", cap);
	}
	/* a user namespace with setgroups "deny" refuses even an empty list */
	if (setgroups(c->ngids, c->gids) < 0 && !(errno == EPERM && c->ngids == 0))
		die(errno, "setgroups");
	if (setresgid(c->gid, c->gid, c->gid) < 0)
		die(errno, "setresgid %u", c->gid);
	if (setresuid(c->uid, c->uid, c->uid) < 0)
		die(errno, "setresuid %u", c->uid);
	struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct data[2];
	for (int i = 0; i < 2; i++) {
		data[i].effective = (uint32_t)(c->caps[1] >> (32 * i));
		data[i].permitted = (uint32_t)(c->caps[2] >> (32 * i));
		data[i].inheritable = (uint32_t)(c->caps[3] >> (32 * i));
	}
	if (syscall(SYS_capset, &header, data) < 0)
		die(errno, "capset");
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
		die(errno, "clear ambient capabilities");
	/* The kernel raises an ambient capability only if it is permitted and inheritable; like
	 * runc, an ambient one that is not both is left out (runc's own spec lists ambient
	 * capabilities without inheritable ones). */
	const uint64_t raisable = ambient & c->caps[2] & c->caps[3];
	for (unsigned long cap = 0; cap < 64; cap++)
		if ((raisable >> cap & 1) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
			die(errno, "raise ambient capability %lu", cap);
	if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
		die(errno, "prctl PR_SET_KEEPCAPS 0");
}

/* Hands a descriptor to the console socket with the pty's name, as runc's receivers expect. */
static void send_fd(int sock, int fd, const char *name)
{
	char control[CMSG_SPACE(sizeof fd)];
	memset(control, 0, sizeof control);
	struct iovec iov = { .iov_base = (void *)name, .iov_len = strlen(name) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
	                      .msg_controllen = sizeof control };
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof fd);
	memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
	if (RETRY(sendmsg(sock, &msg, MSG_NOSIGNAL)) < 0)
		die(errno, "send the pty master to the console socket");
}

/*
 * /dev/console becomes the pty by a bind mount onto a file created without following a symlink,
 * so a rootfs cannot point the mount elsewhere (CVE-2025-52565).
 */
static void bind_console(int pty)
{
	int dev = open("/dev", O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dev < 0)
		die(errno, "open /dev for /dev/console");
	int console = openat(dev, "console", O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (console < 0 && errno == EEXIST)
		console = openat(dev, "console", O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (console < 0)
		die(errno, "create /dev/console");
	struct stat st;
	if (fstat(console, &st) < 0)
		die(errno, "fstat /dev/console");
	if (S_ISLNK(st.st_mode))
		die(0, "create /dev/console: it is a symlink");
	char source[64], target[64];
	snprintf(source, sizeof source, "/proc/self/fd/%d", pty);
	snprintf(target, sizeof target, "/proc/self/fd/%d", console);
	/* the raw call: glibc's <sys/mount.h> clashes with <linux/mount.h> */
	if (syscall(SYS_mount, source, target, NULL, MS_BIND, NULL) < 0)
		die(errno, "bind the pty over /dev/console");
	xclose(console);
	xclose(dev);
}

/*
 * The process's terminal: a pty of the container's own devpts, its peer opened with
 * TIOCGPTPEER (never by a path the container could have replaced), made the controlling
 * terminal and stdio; the master goes to whoever holds the other end of the console socket.
 */
static void setup_console(const struct config *c)
{
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0)
		die(errno, "open /dev/ptmx");
	struct statfs fs;
	if (fstatfs(master, &fs) < 0)
		die(errno, "fstatfs /dev/ptmx");
	if (fs.f_type != DEVPTS_SUPER_MAGIC)
		die(0, "open /dev/ptmx: not on a devpts file system");
	int unlock = 0;
	unsigned int number;
	if (ioctl(master, TIOCSPTLCK, &unlock) < 0 || ioctl(master, TIOCGPTN, &number) < 0)
		die(errno, "unlock the pty");
	int pty = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (pty < 0)
		die(errno, "open the pty peer");
	if (c->console_size[0] && c->console_size[1]) {
		struct winsize size = { .ws_row = (unsigned short)c->console_size[0],
		                        .ws_col = (unsigned short)c->console_size[1] };
		if (ioctl(pty, TIOCSWINSZ, &size) < 0)
			die(errno, "set the console size");
	}
	char name[32];
	snprintf(name, sizeof name, "/dev/pts/%u", number);
	send_fd(FD_CONSOLE, master, name);
	xclose(master);
	xclose(FD_CONSOLE);
	if (c->console == CONSOLE_DEVICE)
		bind_console(pty);
	if (ioctl(pty, TIOCSCTTY, 0) < 0)
		die(errno, "make the pty the controlling terminal");
	for (int fd = 0; fd < 3; fd++)
		if (dup2(pty, fd) < 0)
			die(errno, "dup2 the pty to %d", fd);
	if (pty > 2)
		xclose(pty);
}

/* A leaked directory descriptor as cwd would leave the container's root (CVE-2024-21626). */
static void enter_cwd(const char *cwd)
{
	char buf[PATH_MAX];
	if (chdir(cwd) < 0)
		die(errno, "chdir %s", cwd);
	char *dir = getcwd(buf, sizeof buf);
	if (!dir && errno != ENOENT)
		die(errno, "chdir %s: getcwd", cwd);
	/* glibc reports an unreachable directory as ENOENT, the kernel as "(unreachable)/..." */
	if (!dir || dir[0] != '/')
		die(0, "chdir %s: working directory is not under the container root", cwd);
}

/* 0 if `path` is a regular file this process may execute, else the errno that says why not. */
static int executable(const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return errno;
	if (!S_ISREG(st.st_mode))
		return EACCES;
	return faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0 ? errno : 0;
}

/* Looks ARGS[0] up like execvp: as is with a slash, else in the container's PATH. */
static const char *find_executable(const struct config *c, char *buf)
{
	const char *name = c->args.v[0];
	int err;
	if (strchr(name, '/')) {
		if ((err = executable(name)))
			die(err, "exec %s", name);
		return name;
	}
	const char *path = DEFAULT_PATH;
	for (size_t i = 0; i < c->env.n; i++)
		if (!strncmp(c->env.v[i], "PATH=", 5)) {
			path = c->env.v[i] + 5;
			break;
		}
	err = ENOENT;
	for (const char *dir = path; *name;) {
		const char *end = strchrnul(dir, ':');
		size_t dlen = (size_t)(end - dir);
		/* an empty entry would mean the working directory: skipped, as Go's LookPath does */
		if (dlen && dlen + 1 + strlen(name) < PATH_MAX) {
			memcpy(buf, dir, dlen);
			buf[dlen] = '/';
			strcpy(buf + dlen + 1, name);
			int e = executable(buf);
			if (!e)
				return buf;
			if (e != ENOENT && e != ENOTDIR)
				err = e; /* one that exists but cannot run explains more than ENOENT */
		}
		if (!*end)
			break;
		dir = end + 1;
	}
	die(err, "exec %s", name);
}

/*
 * A JVM thread's blocked signals (SIGQUIT) and ignored ones would survive the execve, and so
 * would the SIG_IGN that glibc's posix_spawn gives its internal signals 32 and 33; libc refuses
 * to touch those, hence the raw rt_sigaction.
 */
static void reset_signals(void)
{
	struct { void (*handler)(int); unsigned long flags; void (*restorer)(void); uint64_t mask; }
		dfl = { SIG_DFL, 0, NULL, 0 };
	sigset_t none;
	if (sigemptyset(&none) < 0 || sigprocmask(SIG_SETMASK, &none, NULL) < 0)
		die(errno, "unblock signals");
	for (int sig = 1; sig <= 64; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && syscall(SYS_rt_sigaction, sig, &dfl, NULL, 8) < 0)
			die(errno, "reset signal %d", sig);
}

static _Noreturn void handoff(void)
{
	static char pathbuf[PATH_MAX];
	struct config c = CONFIG_INIT;
	load(FD_HANDOFF, "handoff", HANDOFF_TYPES, &c);
	if (c.args.n == 0)
		die(0, "handoff: empty ARGS");
	/* What the JVMs left open (jars, the state directory's lock) must not be held while the
	 * container waits: only stdio, the preserved descriptors and the protocol's stay. */
	if (3 + c.preserve_fds < FD_EXE && syscall(SYS_close_range, 3 + c.preserve_fds, FD_EXE - 1, 0) < 0)
		die(errno, "close_range %u-%d", 3 + c.preserve_fds, FD_EXE - 1);
	if (syscall(SYS_close_range, FD_CONSOLE + 1, ~0U, 0) < 0)
		die(errno, "close_range %d-", FD_CONSOLE + 1);
	if (syscall(SYS_close_range, FD_BOOTSTRAP, FD_HANDOFF, 0) < 0) /* read, and no longer needed */
		die(errno, "close_range %d-%d", FD_BOOTSTRAP, FD_HANDOFF);
	if (sync_send(MSG_HANDOFF) < 0)
		die(errno, "send " MSG_HANDOFF);
	sync_expect(MSG_CONTINUE);

	if (c.unshare_cgroup && unshare(CLONE_NEWCGROUP) < 0)
		die(errno, "unshare cgroup namespace");
	if (c.console)
		setup_console(&c);
	for (size_t i = 0; i < c.nrlimits; i++) {
		struct rlimit lim = { .rlim_cur = c.rlimits[i].soft, .rlim_max = c.rlimits[i].hard };
		if (setrlimit(c.rlimits[i].resource, &lim) < 0)
			die(errno, "setrlimit %u", c.rlimits[i].resource);
	}
	if (c.apparmor)
		write_attr("set apparmor profile", "thread-self/attr/apparmor/exec", "thread-self/attr/exec",
		           "exec ", c.apparmor);
	if (c.selinux)
		write_attr("set selinux label", "thread-self/attr/exec", NULL, "", c.selinux);
	/* without no_new_privs loading a filter needs CAP_SYS_ADMIN, which goes away next */
	if (c.bpf && !c.no_new_privs)
		load_seccomp(&c);
	set_credentials(&c);
	if (c.seen & BIT(T_UMASK))
		umask((mode_t)c.umask);
	enter_cwd(c.cwd ? c.cwd : "/");
	const char *path = find_executable(&c, pathbuf);
	if (c.no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		die(errno, "prctl PR_SET_NO_NEW_PRIVS");
	/* only stdio and the preserved descriptors reach the container */
	if (syscall(SYS_close_range, 3 + c.preserve_fds, ~0U, CLOSE_RANGE_CLOEXEC) < 0)
		die(errno, "close_range %u", 3 + c.preserve_fds);
	reset_signals();
	if (sync_send(MSG_READY) < 0)
		die(errno, "send " MSG_READY);
	ready_sent = true;
	char byte;
	if (c.wait_fifo && RETRY(read(FD_FIFO, &byte, 1)) <= 0)
		_exit(1); /* nobody will start this container */
	/* as late as possible, so the filter need not allow what this program does */
	if (c.bpf && c.no_new_privs)
		load_seccomp(&c);
	execve(path, c.args.v, c.env.v);
	die_code(127, errno, "exec %s", path);
}

/* ---- stages 0 and 1 ---- */

/*
 * Opens every path first: after a mount namespace setns they would resolve elsewhere. The user
 * namespace goes first: it grants the capabilities to join the namespaces it owns.
 */
static void join_namespaces(const struct config *c)
{
	int fds[NS_MAX];
	for (size_t i = 0; i < c->nns; i++)
		if ((fds[i] = open(c->ns[i].path, O_RDONLY | O_CLOEXEC)) < 0)
			die(errno, "open %s", c->ns[i].path);
	for (int user = 1; user >= 0; user--)
		for (size_t i = 0; i < c->nns; i++) {
			if ((c->ns[i].type == CLONE_NEWUSER) != user)
				continue;
			if (setns(fds[i], (int)c->ns[i].type) < 0)
				die(errno, "setns %s", c->ns[i].path);
			xclose(fds[i]);
		}
}

static _Noreturn void stage0(bool exec)
{
	struct config c = CONFIG_INIT;
	/* joining a running container: its processes must not ptrace or read us */
	if (exec && prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		die(errno, "prctl PR_SET_DUMPABLE 0");
	load(FD_BOOTSTRAP, "bootstrap", BOOTSTRAP_TYPES, &c);
	if (!exec && (c.init_argv.n == 0 || c.init_argv.v[0][0] != '/'))
		die(0, "bootstrap: INIT_ARGV needs an absolute argv[0]");
	join_namespaces(&c);
	if (c.clone_flags & CLONE_NEWUSER) {
		if (unshare(CLONE_NEWUSER) < 0)
			die(errno, "unshare user namespace");
		if (sync_send(MSG_IDMAP " %d", (int)getpid()) < 0)
			die(errno, "send " MSG_IDMAP);
		sync_expect(MSG_IDMAP_OK);
		if (setresgid(0, 0, 0) < 0)
			die(errno, "setresgid 0");
		if (setresuid(0, 0, 0) < 0)
			die(errno, "setresuid 0");
		/* EPERM: Java wrote "deny" to setgroups for a rootless map */
		if (setgroups(0, NULL) < 0 && errno != EPERM)
			die(errno, "setgroups");
	}
	uint32_t others = c.clone_flags & ~(uint32_t)CLONE_NEWUSER;
	if (others && unshare((int)others) < 0)
		die(errno, "unshare 0x%x", others);

	/* the child waits for a byte on this gate, so A reads "pid" before anything the child sends */
	int gate[2];
	if (pipe2(gate, O_CLOEXEC) < 0)
		die(errno, "pipe");
	pid_t pid = fork();
	if (pid < 0)
		die(errno, "fork");
	if (pid > 0) {
		/* without the byte the child exits: nobody would know its pid */
		if (sync_send(MSG_PID " %d", (int)pid) < 0)
			die(errno, "send " MSG_PID);
		if (write(gate[1], "", 1) != 1)
			die(errno, "write to the stage 1 gate");
		_exit(0);
	}
	xclose(gate[1]);
	char byte;
	if (RETRY(read(gate[0], &byte, 1)) != 1)
		_exit(1); /* stage 0 failed and said so */
	xclose(gate[0]);
	if (setsid() < 0)
		die(errno, "setsid");
	if (exec)
		handoff();
	execve(c.init_argv.v[0], c.init_argv.v, c.init_env.v);
	die(errno, "exec %s", c.init_argv.v[0]);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "create"))
		stage0(false);
	if (argc == 2 && !strcmp(argv[1], "exec"))
		stage0(true);
	if (argc == 2 && !strcmp(argv[1], "handoff"))
		handoff();
	(void)dprintf(STDERR_FILENO, "usage: jrun-nsexec create|exec|handoff\n");
	return 2;
}
