package dev.jrun.spec;

import java.util.List;

/** Resource limit names and their numbers for setrlimit(2) (the generic numbering, which x86_64 uses). */
public final class Rlimits {

    /** RLIMIT_CPU (0) to RLIMIT_RTTIME (15); the index is the number. */
    public static final List<String> NAMES = List.of(
            "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS",
            "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS",
            "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME");

    private Rlimits() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    public static int number(String name) {
        int number = NAMES.indexOf(name);
        if (number < 0) {
            throw new ConfigException("unknown rlimit \"" + name + "\"");
        }
        return number;
    }
}
