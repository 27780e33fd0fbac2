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

    /** Without --force only a container that is stopped (or never started) may be deleted. */
    public boolean canDelete(boolean force) {
        return force || this == STOPPED;
    }

    /** The lower-case word runc prints. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
