package dev.jrun.linux.seccomp;

import dev.jrun.linux.Syscalls;
import java.util.List;
import java.util.Locale;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * One libseccomp filter context: rules go in, BPF comes out. Every refusal of libseccomp becomes a
 * {@link SeccompException} naming the call. libseccomp is bound on first use, so that jrun
 * commands without seccomp never load it.
 */
final class SeccompFilter implements AutoCloseable {

    private static final int MFD_CLOEXEC = 1;
    private static final int EEXIST = 17;

    private static LibSeccomp library;

    private final LibSeccomp lib;
    private final Pointer ctx;

    private SeccompFilter(LibSeccomp lib, Pointer ctx) {
        this.lib = lib;
        this.ctx = ctx;
    }

    static SeccompFilter create(int defaultAction) {
        LibSeccomp lib = library();
        Pointer ctx = lib.seccomp_init(defaultAction);
        if (ctx == null) {
            throw new SeccompException(String.format("seccomp_init 0x%08x: refused", defaultAction));
        }
        return new SeccompFilter(lib, ctx);
    }

    /** libseccomp's token for its lower-case architecture name ("x86_64"), 0 when it knows none. */
    static int archToken(String name) {
        return library().seccomp_arch_resolve_name(name);
    }

    /** The syscall's number for this libseccomp, or {@link LibSeccomp#NR_SCMP_ERROR} when it does not know it. */
    static int syscallNumber(String name) {
        return library().seccomp_syscall_resolve_name(name);
    }

    /** Binds libseccomp once; throws (every time) when it cannot be loaded. */
    static synchronized LibSeccomp library() {
        if (library == null) {
            library = load();
        }
        return library;
    }

    private static LibSeccomp load() {
        try {
            return bind("seccomp");
        } catch (UnsatisfiedLinkError unversioned) {
            // Without libseccomp-dev there is no libseccomp.so, only the runtime's soname.
            try {
                return bind("libseccomp.so.2");
            } catch (UnsatisfiedLinkError e) {
                throw new SeccompException("load libseccomp: " + firstLine(e.getMessage()), e);
            }
        }
    }

    /** jnr's message is "[reason" followed by lines of library names and search paths. */
    private static String firstLine(String message) {
        String line = String.valueOf(message).lines().findFirst().orElse("");
        return line.startsWith("[") ? line.substring(1) : line;
    }

    private static LibSeccomp bind(String name) {
        return LibraryLoader.create(LibSeccomp.class).failImmediately().library(name).library("c").load();
    }

    void attribute(int attribute, int value) {
        check(lib.seccomp_attr_set(ctx, attribute, value), "seccomp_attr_set", Integer.toString(attribute));
    }

    /** Adds an architecture; one the filter already has (the native one, a repeat) is fine. */
    void addArch(int token, String name) {
        int rc = lib.seccomp_arch_add(ctx, token);
        if (rc != -EEXIST) {
            check(rc, "seccomp_arch_add", name);
        }
    }

    void addRule(int action, int syscall, List<SeccompRules.Condition> conditions, String name) {
        Pointer array = null;
        if (!conditions.isEmpty()) {
            array = Memory.allocateDirect(Runtime.getRuntime(lib), conditions.size() * LibSeccomp.ARG_CMP_SIZE, true);
            for (int i = 0; i < conditions.size(); i++) {
                SeccompRules.Condition condition = conditions.get(i);
                long at = (long) i * LibSeccomp.ARG_CMP_SIZE;
                array.putInt(at, condition.index());
                array.putInt(at + 4, condition.op());
                array.putLong(at + 8, condition.datumA());
                array.putLong(at + 16, condition.datumB());
            }
        }
        check(lib.seccomp_rule_add_array(ctx, action, syscall, conditions.size(), array),
                "seccomp_rule_add_array", name);
    }

    /** The filter as the kernel takes it: {@code struct sock_filter[]}, exported through a memfd. */
    byte[] exportBpf() {
        Syscalls sys = Syscalls.linux();
        int fd = sys.memfdCreate("jrun-seccomp", MFD_CLOEXEC);
        try {
            check(lib.seccomp_export_bpf(ctx, fd), "seccomp_export_bpf", "");
            return sys.preadAll(fd);
        } finally {
            sys.close(fd);
        }
    }

    @Override
    public void close() {
        lib.seccomp_release(ctx);
    }

    private void check(int rc, String call, String object) {
        if (rc < 0) {
            String reason = lib.strerror(-rc);
            reason = reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
            throw new SeccompException(call + (object.isEmpty() ? "" : " " + object) + ": " + reason);
        }
    }
}
