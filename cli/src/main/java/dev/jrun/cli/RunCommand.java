package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", sortOptions = false, description = {
    "create and run a container",
    "",
    "Without --detach jrun waits for the container's process and exits with its status "
        + "(128+n when signal n ended it).",
})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    CreateFlags flags;

    @Option(names = {"-d", "--detach"}, description = "detach from the container's process")
    boolean detach;

    @Parameters(paramLabel = "<container-id>", description = "your name for the instance of the container")
    String id;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        return globals.runtime().run(flags.toOptions(id, globals.log()), detach);
    }
}
