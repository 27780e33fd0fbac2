package dev.jrun.state;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/** Gathers the facts {@link StatusDerivation} needs for one stored container. */
public final class StatusProbe {

    private final ProcessProbe processes;
    private final Predicate<ContainerState> frozen;

    /** @param frozen whether the container's freezer cgroup is frozen (asked only while its init lives) */
    public StatusProbe(ProcessProbe processes, Predicate<ContainerState> frozen) {
        this.processes = processes;
        this.frozen = frozen;
    }

    public ContainerView view(ContainerState state, Path execFifo) {
        Optional<ProcStat> now = processes.stat(state.initPid());
        boolean fifoExists = Files.exists(execFifo, LinkOption.NOFOLLOW_LINKS);
        boolean alive = now.isPresent() && now.get().startTime() == state.initStartTime();
        return new ContainerView(state,
                StatusDerivation.derive(state, now, fifoExists, alive && frozen.test(state)));
    }
}
