package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The capability sets of the container process, as names ("CAP_KILL"); see {@link Capabilities}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CapabilitySets(
        List<String> bounding,
        List<String> effective,
        List<String> inheritable,
        List<String> permitted,
        List<String> ambient) {

    public CapabilitySets {
        bounding = Copies.list(bounding);
        effective = Copies.list(effective);
        inheritable = Copies.list(inheritable);
        permitted = Copies.list(permitted);
        ambient = Copies.list(ambient);
    }
}
