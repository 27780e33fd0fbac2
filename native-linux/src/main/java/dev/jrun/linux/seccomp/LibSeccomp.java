package dev.jrun.linux.seccomp;

import jnr.ffi.Pointer;

/**
 * libseccomp as JNR binds it: a mirror of the C declarations in {@code <seccomp.h>}, used only by
 * {@link SeccompFilter}. Functions that return {@code int} return a negative errno on failure.
 */
public interface LibSeccomp {

    /** seccomp_syscall_resolve_name's answer for a name it does not know. */
    int NR_SCMP_ERROR = -1;

    int SCMP_FLTATR_ACT_BADARCH = 2;
    int SCMP_FLTATR_CTL_NNP = 3;
    int SCMP_FLTATR_CTL_OPTIMIZE = 8;

    /** sizeof(struct scmp_arg_cmp): unsigned int arg, enum scmp_compare op, u64 datum_a, u64 datum_b. */
    int ARG_CMP_SIZE = 24;

    /** Returns a scmp_filter_ctx, or NULL. */
    Pointer seccomp_init(int defaultAction);

    void seccomp_release(Pointer ctx);

    /** 0 for a name it does not know. */
    int seccomp_arch_resolve_name(String name);

    int seccomp_arch_add(Pointer ctx, int archToken);

    int seccomp_attr_set(Pointer ctx, int attribute, int value);

    /** The native architecture's number, a negative pseudo-number, or {@link #NR_SCMP_ERROR}. */
    int seccomp_syscall_resolve_name(String name);

    int seccomp_rule_add_array(Pointer ctx, int action, int syscall, int count, Pointer conditions);

    int seccomp_export_bpf(Pointer ctx, int fd);

    /** From libc, loaded with libseccomp: the text of the errno libseccomp returns negated. */
    String strerror(int errno);
}
