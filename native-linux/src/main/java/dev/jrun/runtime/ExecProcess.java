package dev.jrun.runtime;

import dev.jrun.io.IoErrors;
import dev.jrun.spec.CapabilitySets;
import dev.jrun.spec.Capabilities;
import dev.jrun.spec.ConfigException;
import dev.jrun.spec.Process;
import dev.jrun.spec.SpecLoader;
import dev.jrun.spec.User;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@code exec} starts: the --process file as it is, or, like runc, the container's own
 * process with the command line's args and overrides.
 */
final class ExecProcess {

    private ExecProcess() {
    }

    static Process of(ExecOptions options, Process container) {
        if (options.processJson().isPresent()) {
            try {
                return SpecLoader.parseProcess(Files.readAllBytes(options.processJson().get()));
            } catch (IOException e) {
                throw new RuntimeFailure("read " + options.processJson().get() + ": " + IoErrors.reason(e));
            }
        }
        List<String> env = new ArrayList<>(container.env());
        env.addAll(options.env());
        return new Process(options.tty(), null, user(options, container.user()), options.args(), env,
                options.cwd().orElse(container.cwd()), capabilities(options.capAdd(), container.capabilities()),
                container.rlimits(), container.noNewPrivileges() || options.noNewPrivileges(),
                container.apparmorProfile(), null, container.selinuxLabel());
    }

    private static User user(ExecOptions options, User container) {
        if (options.user().isEmpty() && options.additionalGids().isEmpty()) {
            return container;
        }
        long uid = container.uid();
        long gid = container.gid();
        if (options.user().isPresent()) {
            String[] parts = options.user().get().split(":", 2);
            try {
                uid = Long.parseLong(parts[0]);
                gid = parts.length > 1 ? Long.parseLong(parts[1]) : gid;
            } catch (NumberFormatException e) {
                throw new ConfigException("exec --user " + options.user().get() + ": expected UID[:GID] as numbers");
            }
        }
        // like runc, --additional-gids adds to the container's groups
        List<Long> groups = new ArrayList<>(container.additionalGids());
        options.additionalGids().stream().map(Integer::longValue).forEach(groups::add);
        return new User(uid, gid, container.umask(), groups, null);
    }

    /** --cap adds to every set but ambient, like runc's exec. */
    private static CapabilitySets capabilities(List<String> added, CapabilitySets container) {
        if (added.isEmpty()) {
            return container;
        }
        CapabilitySets base = container == null
                ? new CapabilitySets(List.of(), List.of(), List.of(), List.of(), List.of())
                : container;
        List<String> names = added.stream().map(Capabilities::canonical).toList();
        for (String name : names) {
            if (!Capabilities.isKnown(name)) {
                throw new ConfigException("exec --cap " + name + ": unknown capability");
            }
        }
        return new CapabilitySets(union(base.bounding(), names), union(base.effective(), names),
                union(base.inheritable(), names), union(base.permitted(), names), base.ambient());
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }
}
