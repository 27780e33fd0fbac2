package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "create", sortOptions = false, description = {
    "create a container",
    "",
    "The create command creates an instance of a container for a bundle. The bundle is a directory "
        + "with a specification file named \"config.json\" and a root filesystem.",
})
final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    CreateFlags flags;

    @Parameters(paramLabel = "<container-id>", description = "your name for the instance of the container")
    String id;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        globals.runtime().create(flags.toOptions(id, globals.log()));
        return 0;
    }
}
