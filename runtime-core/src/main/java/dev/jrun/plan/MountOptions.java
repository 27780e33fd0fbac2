package dev.jrun.plan;

import static dev.jrun.plan.MountFlags.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of an OCI mount entry split the way mount(2) takes them: flags to set, propagation
 * to apply afterwards, and the rest as the filesystem's data string.
 */
public record MountOptions(long flags, long propagation, String data) {

    /** An option that sets a flag, or clears it when {@code clear} is true. */
    private record Flag(long bit, boolean clear) {
    }

    private static final Map<String, Flag> FLAGS = Map.ofEntries(
            Map.entry("ro", new Flag(MS_RDONLY, false)),
            Map.entry("rw", new Flag(MS_RDONLY, true)),
            Map.entry("nosuid", new Flag(MS_NOSUID, false)),
            Map.entry("suid", new Flag(MS_NOSUID, true)),
            Map.entry("nodev", new Flag(MS_NODEV, false)),
            Map.entry("dev", new Flag(MS_NODEV, true)),
            Map.entry("noexec", new Flag(MS_NOEXEC, false)),
            Map.entry("exec", new Flag(MS_NOEXEC, true)),
            Map.entry("sync", new Flag(MS_SYNCHRONOUS, false)),
            Map.entry("async", new Flag(MS_SYNCHRONOUS, true)),
            Map.entry("dirsync", new Flag(MS_DIRSYNC, false)),
            Map.entry("remount", new Flag(MS_REMOUNT, false)),
            Map.entry("mand", new Flag(MS_MANDLOCK, false)),
            Map.entry("nomand", new Flag(MS_MANDLOCK, true)),
            Map.entry("atime", new Flag(MS_NOATIME, true)),
            Map.entry("noatime", new Flag(MS_NOATIME, false)),
            Map.entry("diratime", new Flag(MS_NODIRATIME, true)),
            Map.entry("nodiratime", new Flag(MS_NODIRATIME, false)),
            Map.entry("relatime", new Flag(MS_RELATIME, false)),
            Map.entry("norelatime", new Flag(MS_RELATIME, true)),
            Map.entry("strictatime", new Flag(MS_STRICTATIME, false)),
            Map.entry("nostrictatime", new Flag(MS_STRICTATIME, true)),
            Map.entry("lazytime", new Flag(MS_LAZYTIME, false)),
            Map.entry("nolazytime", new Flag(MS_LAZYTIME, true)),
            Map.entry("silent", new Flag(MS_SILENT, false)),
            Map.entry("loud", new Flag(MS_SILENT, true)),
            Map.entry("iversion", new Flag(MS_I_VERSION, false)),
            Map.entry("noiversion", new Flag(MS_I_VERSION, true)),
            Map.entry("nosymfollow", new Flag(MS_NOSYMFOLLOW, false)),
            Map.entry("bind", new Flag(MS_BIND, false)),
            Map.entry("rbind", new Flag(MS_BIND | MS_REC, false)));

    private static final Map<String, Long> PROPAGATIONS = Map.of(
            "private", MS_PRIVATE,
            "rprivate", MS_PRIVATE | MS_REC,
            "shared", MS_SHARED,
            "rshared", MS_SHARED | MS_REC,
            "slave", MS_SLAVE,
            "rslave", MS_SLAVE | MS_REC,
            "unbindable", MS_UNBINDABLE,
            "runbindable", MS_UNBINDABLE | MS_REC);

    /** Options the kernel has no use for, which runtimes pass along for their own tools. */
    private static final List<String> IGNORED = List.of("tmpcopyup", "defaults");

    public static MountOptions parse(List<String> options) {
        long flags = 0;
        long propagation = 0;
        List<String> data = new ArrayList<>();
        for (String option : options) {
            Flag flag = FLAGS.get(option);
            Long propagationFlag = PROPAGATIONS.get(option);
            if (flag != null) {
                flags = flag.clear() ? flags & ~flag.bit() : flags | flag.bit();
            } else if (propagationFlag != null) {
                propagation = propagationFlag;
            } else if (!IGNORED.contains(option)) {
                data.add(option);
            }
        }
        return new MountOptions(flags, propagation, String.join(",", data));
    }

    /** The propagation named by linux.rootfsPropagation, or empty when the name is unknown. */
    public static java.util.OptionalLong propagation(String name) {
        Long value = PROPAGATIONS.get(name);
        return value == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(value);
    }
}
