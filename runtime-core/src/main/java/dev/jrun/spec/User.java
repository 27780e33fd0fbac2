package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Who the container process runs as; ids are uint32 in the spec, held in longs. {@code umask} is null when absent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record User(long uid, long gid, Long umask, List<Long> additionalGids, String username) {

    static final User ROOT = new User(0, 0, null, List.of(), null);

    public User {
        additionalGids = Copies.list(additionalGids);
    }

    public User(long uid, long gid) {
        this(uid, gid, null, List.of(), null);
    }
}
