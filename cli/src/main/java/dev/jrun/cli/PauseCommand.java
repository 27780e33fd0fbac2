package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "pause", description = "suspends all processes inside the container (cgroup freezer)")
final class PauseCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "<container-id>", description = "the name of the container instance")
    String id;

    @Override
    public Integer call() {
        globals.runtime().pause(id);
        return 0;
    }
}
