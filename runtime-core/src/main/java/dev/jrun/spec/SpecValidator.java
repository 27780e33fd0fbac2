package dev.jrun.spec;

import java.util.List;

/**
 * Decides whether a config can become a container, before anything is created. Like runc's
 * configs/validate it is an ordered list of named checks, warnings kept apart from errors; every
 * finding names its JSON path. It reads nothing from the host: {@link HostFacts} brings what it needs.
 */
public final class SpecValidator {

    /** A check and the name it has in runc's validator where it has a counterpart there. */
    private record Named(String name, Check check) {
    }

    private static final List<Named> CHECKS = List.of(
            new Named("ociVersion", SpecValidator::ociVersion),
            new Named("rootfs", MountChecks::root),
            new Named("process", ProcessChecks::process),
            new Named("user", ProcessChecks::user),
            new Named("capabilities", ProcessChecks::capabilities),
            new Named("rlimits", ProcessChecks::rlimits),
            new Named("namespaces", NamespaceChecks::namespaces),
            new Named("idMappings", IdMappingChecks::idMappings),
            new Named("rootlessEUID", NamespaceChecks::rootless),
            new Named("uts", NamespaceChecks::uts),
            new Named("sysctl", NamespaceChecks::sysctl),
            new Named("mounts", MountChecks::mounts),
            new Named("security", MountChecks::maskedPaths),
            new Named("rootfsPropagation", MountChecks::rootfsPropagation),
            new Named("devices", MountChecks::devices),
            new Named("deviceRules", ResourceChecks::deviceRules),
            new Named("seccomp", SeccompCheck::seccomp),
            new Named("hooks", HookChecks::hooks),
            new Named("unmaskedProc", MountChecks::unmaskedProc));

    private SpecValidator() {
    }

    /** Runs every check and returns all findings. */
    public static Validation check(Spec spec, HostFacts host) {
        Findings findings = new Findings();
        for (Named named : CHECKS) {
            named.check().run(spec, host, findings);
        }
        return findings.result();
    }

    /** Throws a {@link ConfigException} for the first error; returns the warnings. */
    public static List<Finding> validate(Spec spec, HostFacts host) {
        return check(spec, host).orThrow();
    }

    /** The names of the checks in the order they run. */
    public static List<String> checkNames() {
        return CHECKS.stream().map(Named::name).toList();
    }

    private static void ociVersion(Spec spec, HostFacts host, Findings out) {
        if (spec.ociVersion() == null || spec.ociVersion().isEmpty()) {
            out.error("ociVersion", "must not be empty");
        }
    }
}
