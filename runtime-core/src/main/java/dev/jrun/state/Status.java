package dev.jrun.state;

/** The OCI lifecycle states, with the transitions each one allows (runc's names and rules). */
public enum Status {
    CREATED, RUNNING, STOPPED, PAUSED;

    public boolean canStart() {
        return this == CREATED;
    }

    public boolean canKill() {
        return this == CREATED || this == RUNNING || this == PAUSED;
    }

    /**
     * Without --force only a container whose process is not running may be deleted: a stopped
     * one, or a created one, whose init waits for start and is killed (runc's rule).
     */
    public boolean canDelete(boolean force) {
        return force || this == STOPPED || this == CREATED;
    }

    /** The lower-case word runc prints. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
