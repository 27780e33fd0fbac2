package dev.jrun.linux;

/** The parts of struct stat that jrun looks at. */
public record FileStat(long dev, long ino, int mode, long rdev, long size) {

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isCharacterDevice() {
        return (mode & S_IFMT) == S_IFCHR;
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** The device's major number, decoded as glibc's gnu_dev_major does. */
    public long rdevMajor() {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    public long rdevMinor() {
        return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    }

    /** dev_t as glibc's gnu_dev_makedev encodes it. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfff) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xff) | ((minor & ~0xffL) << 12);
    }
}
