package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of a uid_map or gid_map: {@code size} ids from {@code containerId} map to ids from {@code hostId}. */
public record IdMapping(
        @JsonProperty("containerID") long containerId,
        @JsonProperty("hostID") long hostId,
        long size) {

    public boolean containsContainerId(long id) {
        return id >= containerId && id - containerId < size;
    }
}
