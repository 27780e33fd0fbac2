package dev.jrun.cli;

import dev.jrun.state.StateJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "state", description = "output the state of a container")
final class StateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "<container-id>", description = "your name for the instance of the container")
    String id;

    @Override
    public Integer call() {
        // runc prints the JSON without a final newline, and so does StateJson
        spec.commandLine().getOut().print(StateJson.render(globals.runtime().state(id)));
        return 0;
    }
}
