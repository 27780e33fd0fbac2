package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The container's root file system, {@code path} relative to the bundle or absolute. */
public record Root(String path, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean readonly) {
}
