package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A device node to create in the container's /dev; type is c, b, u or p. Null fields are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Device(String path, String type, long major, long minor, Integer fileMode, Long uid, Long gid) {
}
