package dev.jrun.spec;

/**
 * What validation needs to know about the host, found out by the caller so that validation
 * itself touches no file.
 *
 * @param callerIsRoot whether jrun runs with effective uid 0 (otherwise the container is rootless)
 * @param lastCap the highest capability number the kernel knows (/proc/sys/kernel/cap_last_cap)
 */
public record HostFacts(boolean callerIsRoot, int lastCap) {

    public static HostFacts of(boolean callerIsRoot) {
        return new HostFacts(callerIsRoot, Capabilities.LAST);
    }
}
