package dev.jrun.state;

/**
 * The two fields of /proc/PID/stat that tell whether a pid is still the process jrun started.
 *
 * @param state     field 3: 'R', 'S', 'D', 'Z' (zombie), 'X' (dead), ...
 * @param startTime field 22: when the process started, in clock ticks since boot
 */
public record ProcStat(int pid, char state, long startTime) {

    /** A zombie or dead process has exited; only its parent has not reaped it yet. */
    public boolean exited() {
        return state == 'Z' || state == 'X';
    }
}
