package dev.jrun.state;

/** What {@code state} and {@code list} show of one container: what was stored and its derived status. */
public record ContainerView(ContainerState state, Status status) {

    /** The init's pid, or 0 once it is gone (runc's convention). */
    public int pid() {
        return status == Status.STOPPED ? 0 : state.initPid();
    }
}
