package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The runtime-spec's features document (what podman's info and containerd's runtime
 * introspection ask for). A field left out means "unknown" in that document, so only what jrun
 * is known to implement is listed; it grows with the runtime.
 */
@Command(name = "features", description = "show the enabled features")
final class FeaturesCommand implements Callable<Integer> {

    static final String FEATURES = """
            {
                "ociVersionMin": "1.0.0",
                "ociVersionMax": "%s",
                "hooks": [
                    "prestart",
                    "createRuntime",
                    "poststart",
                    "poststop"
                ],
                "linux": {
                    "namespaces": [
                        "cgroup",
                        "ipc",
                        "mount",
                        "network",
                        "pid",
                        "user",
                        "uts"
                    ]
                },
                "annotations": {
                    "dev.jrun.version": "%s"
                }
            }
            """;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(String.format(FEATURES, Main.SPEC_VERSION, Main.VERSION));
        return 0;
    }
}
