package dev.jrun.state;

import java.util.Optional;

/**
 * The status of a container is never stored; it follows from what the kernel says now (runc's
 * rule). The stored start time tells a reused pid from the container's init.
 */
public final class StatusDerivation {

    private StatusDerivation() {
    }

    /**
     * @param now        /proc/PID/stat of the stored init pid, empty when there is no such pid
     * @param fifoExists exec.fifo is still there: the init waits for {@code start}
     * @param frozen     the container's freezer cgroup says FROZEN
     */
    public static Status derive(ContainerState state, Optional<ProcStat> now, boolean fifoExists, boolean frozen) {
        if (now.isEmpty() || now.get().startTime() != state.initStartTime() || now.get().exited()) {
            // runc asks the freezer first; a gone init is reported stopped here even when its
            // cgroup is still frozen, so that delete works without --force
            return Status.STOPPED;
        }
        if (frozen) {
            return Status.PAUSED;
        }
        return fifoExists ? Status.CREATED : Status.RUNNING;
    }

    /** For callers that do not use a freezer. */
    public static Status derive(ContainerState state, Optional<ProcStat> now, boolean fifoExists) {
        return derive(state, now, fifoExists, false);
    }
}
