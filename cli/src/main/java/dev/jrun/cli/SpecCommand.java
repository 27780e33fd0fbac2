package dev.jrun.cli;

import dev.jrun.spec.IdRange;
import dev.jrun.spec.ProcMount;
import dev.jrun.spec.SpecTemplate;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "spec", sortOptions = false, description = {
    "create a new specification file",
    "",
    "The spec command writes a config.json for a container running sh, to be edited, into the "
        + "bundle directory. The security options below change what the template grants.",
})
final class SpecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--bundle"}, paramLabel = "DIR", description = "path to the root of the bundle directory")
    Path bundle = Path.of("");

    @Option(names = "--rootless", description = "generate a configuration for a rootless container")
    boolean rootless;

    @Option(names = "--no-new-privileges", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "set noNewPrivileges for the process (default: true, as runc's template)")
    boolean noNewPrivileges = true;

    @Option(names = "--userns", paramLabel = "HOSTID[:SIZE]",
            description = "a user namespace mapping container ids from 0 to host ids from HOSTID (SIZE: 65536)")
    String userns;

    @Option(names = "--proc-mount", paramLabel = "Default|Unmasked",
            description = "Unmasked leaves /proc without masked and read-only paths")
    String procMount;

    @Option(names = "--user", paramLabel = "UID[:GID]", description = "the user the process runs as")
    String user;

    @Option(names = "--cap-add", paramLabel = "CAP", description = "add a capability (repeatable)")
    List<String> capAdd = new ArrayList<>();

    @Option(names = "--cap-drop", paramLabel = "CAP", description = "drop a capability (repeatable)")
    List<String> capDrop = new ArrayList<>();

    @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "make the root filesystem read-only (default: true, as runc's template)")
    boolean readOnly = true;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws IOException {
        Path config = bundle.toAbsolutePath().resolve("config.json");
        String text = SpecTemplate.render(templateOptions(), rootless ? caller() : SpecTemplate.Caller.ROOT);
        try {
            Files.writeString(config, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // runc's refusal, in jrun's style
            throw new IllegalStateException("file " + config + " exists, remove it first");
        }
        return 0;
    }

    SpecTemplate.Options templateOptions() {
        Optional<IdRange> range = userns == null ? Optional.empty() : Optional.of(IdRange.parse(userns));
        OptionalInt uid = OptionalInt.empty();
        OptionalInt gid = OptionalInt.empty();
        if (user != null) {
            int colon = user.indexOf(':');
            uid = OptionalInt.of(userId(colon < 0 ? user : user.substring(0, colon)));
            if (colon >= 0) {
                gid = OptionalInt.of(userId(user.substring(colon + 1)));
            }
        }
        return new SpecTemplate.Options(rootless, noNewPrivileges, range,
                procMount == null ? ProcMount.DEFAULT : ProcMount.parse(procMount), uid, gid, capAdd, capDrop, readOnly);
    }

    /** A rootless template maps the caller's ids; /proc/self belongs to the effective uid and gid. */
    private static SpecTemplate.Caller caller() throws IOException {
        Path self = Path.of("/proc/self");
        return new SpecTemplate.Caller((Integer) Files.getAttribute(self, "unix:uid"),
                (Integer) Files.getAttribute(self, "unix:gid"));
    }

    private int userId(String digits) {
        try {
            int id = Integer.parseInt(digits);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(),
                "invalid --user value \"" + user + "\": expected UID[:GID]");
    }
}
