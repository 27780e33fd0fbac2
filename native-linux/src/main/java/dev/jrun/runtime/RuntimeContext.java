package dev.jrun.runtime;

import dev.jrun.log.Log;
import java.nio.file.Path;

/**
 * The global options of one jrun invocation, built once by the command line.
 *
 * @param root          the state directory (--root)
 * @param log           where warnings and errors go besides the exit status
 * @param systemdCgroup --systemd-cgroup: cgroupsPath is "slice:prefix:name"
 */
public record RuntimeContext(Path root, Log log, boolean systemdCgroup) {
}
