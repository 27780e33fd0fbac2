package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "resume", description = "resumes all processes that have been previously paused")
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "<container-id>", description = "the name of the container instance")
    String id;

    @Override
    public Integer call() {
        globals.runtime().resume(id);
        return 0;
    }
}
