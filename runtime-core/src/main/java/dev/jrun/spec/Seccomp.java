package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/** The seccomp profile of {@code linux.seccomp}, in libseccomp's names (SCMP_ACT_*, SCMP_ARCH_*, SCMP_CMP_*). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Seccomp(
        @JsonInclude(JsonInclude.Include.ALWAYS) String defaultAction,
        Long defaultErrnoRet,
        List<String> architectures,
        List<String> flags,
        String listenerPath,
        String listenerMetadata,
        List<Syscall> syscalls) {

    public Seccomp {
        architectures = Copies.list(architectures);
        flags = Copies.list(flags);
        syscalls = Copies.list(syscalls);
    }

    /** A rule: the action for these syscalls when all the argument conditions hold. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Syscall(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> names,
            String action,
            Long errnoRet,
            List<Arg> args) {

        public Syscall {
            names = Copies.list(names);
            args = Copies.list(args);
        }
    }

    /** A condition on argument {@code index}; values are uint64 held in a long's bits. */
    public record Arg(
            long index,
            @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long value,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long valueTwo,
            String op) {
    }
}
