package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A bundle's config.json (OCI runtime-spec). Components are declared in the order of the
 * runtime-spec's Go structs, which is the order runc writes them. Objects that may be absent
 * ({@code process}, {@code root}, {@code hooks}, {@code linux}) are null then; lists and maps
 * are never null.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Spec(
        String ociVersion,
        Process process,
        Root root,
        String hostname,
        String domainname,
        List<Mount> mounts,
        Hooks hooks,
        Map<String, String> annotations,
        Linux linux) {

    public Spec {
        mounts = Copies.list(mounts);
        annotations = Copies.map(annotations);
    }

    /** {@code linux}, or {@link Linux#EMPTY} when config.json has none. */
    public Linux linuxOrEmpty() {
        return linux != null ? linux : Linux.EMPTY;
    }
}
