package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The lifecycle hooks, one list per point in the lifecycle; {@code prestart} is deprecated by the spec but still run. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Hooks(
        List<Hook> prestart,
        List<Hook> createRuntime,
        List<Hook> createContainer,
        List<Hook> startContainer,
        List<Hook> poststart,
        List<Hook> poststop) {

    public Hooks {
        prestart = Copies.list(prestart);
        createRuntime = Copies.list(createRuntime);
        createContainer = Copies.list(createContainer);
        startContainer = Copies.list(startContainer);
        poststart = Copies.list(poststart);
        poststop = Copies.list(poststop);
    }
}
