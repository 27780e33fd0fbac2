package dev.jrun.spec;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Linux capability names and their numbers (linux/capability.h); the index in {@link #NAMES} is the number. */
public final class Capabilities {

    /** Every capability jrun knows, CAP_CHOWN (0) to CAP_CHECKPOINT_RESTORE (40). */
    public static final List<String> NAMES = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
            "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
            "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
            "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
            "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
            "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
            "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
            "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
            "CAP_CHECKPOINT_RESTORE");

    /** The highest number in the table, and the default guess for a kernel's cap_last_cap. */
    public static final int LAST = NAMES.size() - 1;

    private Capabilities() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The number of a capability given by its exact name ("CAP_KILL"). */
    public static int number(String name) {
        int number = NAMES.indexOf(name);
        if (number < 0) {
            throw new ConfigException("unknown capability \"" + name + "\"");
        }
        return number;
    }

    public static String name(int number) {
        return NAMES.get(number);
    }

    /** The bit mask of the named capabilities, as in a kernel capability set. */
    public static long mask(Collection<String> names) {
        long mask = 0;
        for (String name : names) {
            mask |= 1L << number(name);
        }
        return mask;
    }

    /**
     * The exact name for what a user typed: "net_admin", "NET_ADMIN" and "cap_net_admin" all give
     * "CAP_NET_ADMIN". Whether that name exists is not checked here.
     */
    public static String canonical(String userName) {
        String upper = userName.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper : "CAP_" + upper;
    }
}
