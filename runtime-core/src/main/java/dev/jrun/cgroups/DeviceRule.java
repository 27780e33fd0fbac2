package dev.jrun.cgroups;

/**
 * One device cgroup rule, in the kernel's terms.
 *
 * @param type   'a' (all devices), 'c' (character) or 'b' (block)
 * @param major  the major number, or {@link #ANY}
 * @param minor  the minor number, or {@link #ANY}
 * @param access some of 'r', 'w' and 'm' (mknod)
 */
public record DeviceRule(boolean allow, char type, long major, long minor, String access) {

    public static final long ANY = -1;

    public DeviceRule {
        if (type != 'a' && type != 'c' && type != 'b') {
            throw new IllegalArgumentException("invalid device type '" + type + "'");
        }
        if (access.isEmpty() || !access.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')) {
            throw new IllegalArgumentException("invalid device access \"" + access + "\"");
        }
    }

    /** What devices.allow and devices.deny take: "c 1:3 rwm", "a *:* rwm". */
    public String v1Line() {
        return type + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(long n) {
        return n < 0 ? "*" : Long.toString(n);
    }
}
