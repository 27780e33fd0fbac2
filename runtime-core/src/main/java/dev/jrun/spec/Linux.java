package dev.jrun.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Linux part of the config. {@code resources} and {@code seccomp} are null when absent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Linux(
        List<IdMapping> uidMappings,
        List<IdMapping> gidMappings,
        Map<String, String> sysctl,
        Resources resources,
        String cgroupsPath,
        List<Namespace> namespaces,
        List<Device> devices,
        Seccomp seccomp,
        String rootfsPropagation,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        String mountLabel) {

    /** No Linux settings at all: what a config without a "linux" object asks for. */
    public static final Linux EMPTY = new Linux(null, null, null, null, null, null, null, null, null, null, null, null);

    public Linux {
        uidMappings = Copies.list(uidMappings);
        gidMappings = Copies.list(gidMappings);
        sysctl = Copies.map(sysctl);
        namespaces = Copies.list(namespaces);
        devices = Copies.list(devices);
        maskedPaths = Copies.list(maskedPaths);
        readonlyPaths = Copies.list(readonlyPaths);
    }

    /** The first entry of that type, created or joined. */
    public Optional<Namespace> namespace(String type) {
        return namespaces.stream().filter(ns -> type.equals(ns.type())).findFirst();
    }

    /** Whether the container gets a namespace of that type other than the caller's, new or joined. */
    public boolean hasNamespace(String type) {
        return namespace(type).isPresent();
    }

    /** Whether a namespace of that type is created for the container. */
    public boolean createsNamespace(String type) {
        return namespace(type).filter(ns -> !ns.joins()).isPresent();
    }
}
