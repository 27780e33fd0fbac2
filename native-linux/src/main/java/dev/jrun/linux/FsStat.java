package dev.jrun.linux;

/**
 * The parts of struct statfs that jrun looks at.
 *
 * @param type  the filesystem's magic number
 * @param flags the ST_* mount flags
 */
public record FsStat(long type, long flags) {

    public static final long PROC_SUPER_MAGIC = 0x9fa0;
    public static final long SYSFS_MAGIC = 0x62656572;
    public static final long TMPFS_MAGIC = 0x01021994;

    private static final long ST_RDONLY = 1;
    private static final long ST_NOSUID = 2;
    private static final long ST_NODEV = 4;
    private static final long ST_NOEXEC = 8;
    private static final long ST_NOATIME = 1024;
    private static final long ST_NODIRATIME = 2048;
    private static final long ST_RELATIME = 4096;

    /**
     * The MS_* flags a bind remount must repeat: in a user namespace the kernel refuses a remount
     * that would drop a flag it locked (nosuid, nodev, noexec, the atime ones).
     */
    public long lockableMountFlags() {
        long ms = 0;
        if ((flags & ST_RDONLY) != 0) ms |= 1;
        if ((flags & ST_NOSUID) != 0) ms |= 2;
        if ((flags & ST_NODEV) != 0) ms |= 4;
        if ((flags & ST_NOEXEC) != 0) ms |= 8;
        if ((flags & ST_NOATIME) != 0) ms |= 1024;
        if ((flags & ST_NODIRATIME) != 0) ms |= 2048;
        if ((flags & ST_RELATIME) != 0) ms |= 1 << 21;
        return ms;
    }
}
