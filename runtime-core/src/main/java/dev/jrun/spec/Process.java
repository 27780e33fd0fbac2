package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The container process. {@code user} is never null (runtime-spec makes it a plain struct, so an
 * absent user is uid 0, gid 0); {@code consoleSize}, {@code capabilities} and
 * {@code oomScoreAdj} are null when absent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Process(
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean terminal,
        ConsoleSize consoleSize,
        User user,
        List<String> args,
        List<String> env,
        String cwd,
        CapabilitySets capabilities,
        List<Rlimit> rlimits,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean noNewPrivileges,
        String apparmorProfile,
        Integer oomScoreAdj,
        String selinuxLabel) {

    public Process {
        user = user == null ? User.ROOT : user;
        args = Copies.list(args);
        env = Copies.list(env);
        rlimits = Copies.list(rlimits);
    }

    /** The initial size of the console when {@code terminal} is true. */
    public record ConsoleSize(long height, long width) {
    }
}
