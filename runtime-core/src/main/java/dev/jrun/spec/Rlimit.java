package dev.jrun.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One resource limit. {@code hard} and {@code soft} are uint64 in the spec and hold their bits in a
 * long, so RLIM_INFINITY (2^64-1) reads as -1: compare them with {@link Long#compareUnsigned}.
 */
public record Rlimit(
        String type,
        @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long hard,
        @JsonSerialize(using = Uint64.Writer.class) @JsonDeserialize(using = Uint64.Reader.class) long soft) {
}
