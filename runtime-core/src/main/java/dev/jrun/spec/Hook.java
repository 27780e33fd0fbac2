package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A program run at a point of the lifecycle; {@code timeout} in seconds, null for none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Hook(
        @JsonInclude(JsonInclude.Include.ALWAYS) String path,
        List<String> args,
        List<String> env,
        Integer timeout) {

    public Hook {
        args = Copies.list(args);
        env = Copies.list(env);
    }
}
