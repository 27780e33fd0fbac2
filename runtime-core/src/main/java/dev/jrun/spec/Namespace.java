package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A namespace to create, or to join when {@code path} is set. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Namespace(@JsonInclude(JsonInclude.Include.ALWAYS) String type, String path) {

    public static final String PID = "pid";
    public static final String NETWORK = "network";
    public static final String MOUNT = "mount";
    public static final String IPC = "ipc";
    public static final String UTS = "uts";
    public static final String USER = "user";
    public static final String CGROUP = "cgroup";
    public static final String TIME = "time";

    /** The types the runtime-spec defines. */
    public static final List<String> TYPES = List.of(PID, NETWORK, MOUNT, IPC, UTS, USER, CGROUP, TIME);

    public Namespace(String type) {
        this(type, null);
    }

    /** Whether this joins an existing namespace rather than creating one. */
    public boolean joins() {
        return path != null && !path.isEmpty();
    }
}
