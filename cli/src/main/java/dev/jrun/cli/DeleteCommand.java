package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "delete",
        description = "delete any resources held by the container often used with detached container")
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Option(names = {"-f", "--force"},
            description = "forcibly deletes the container if it is still running (uses SIGKILL)")
    boolean force;

    @Parameters(paramLabel = "<container-id>", description = "the name of the container instance")
    String id;

    @Override
    public Integer call() {
        globals.runtime().delete(id, force);
        return 0;
    }
}
