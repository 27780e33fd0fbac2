package dev.jrun.plan;

import java.util.Map;

/** The CLONE_NEW* flags, by OCI namespace type. */
public final class NamespaceFlags {
    public static final long CLONE_NEWTIME = 0x00000080L;
    public static final long CLONE_NEWNS = 0x00020000L;
    public static final long CLONE_NEWCGROUP = 0x02000000L;
    public static final long CLONE_NEWUTS = 0x04000000L;
    public static final long CLONE_NEWIPC = 0x08000000L;
    public static final long CLONE_NEWUSER = 0x10000000L;
    public static final long CLONE_NEWPID = 0x20000000L;
    public static final long CLONE_NEWNET = 0x40000000L;

    public static final Map<String, Long> BY_TYPE = Map.of(
            "pid", CLONE_NEWPID,
            "network", CLONE_NEWNET,
            "mount", CLONE_NEWNS,
            "ipc", CLONE_NEWIPC,
            "uts", CLONE_NEWUTS,
            "user", CLONE_NEWUSER,
            "cgroup", CLONE_NEWCGROUP,
            "time", CLONE_NEWTIME);

    /** The name of the file under /proc/PID/ns/ for each type. */
    public static final Map<String, String> PROC_NAME = Map.of(
            "pid", "pid",
            "network", "net",
            "mount", "mnt",
            "ipc", "ipc",
            "uts", "uts",
            "user", "user",
            "cgroup", "cgroup",
            "time", "time");

    private NamespaceFlags() {
    }
}
