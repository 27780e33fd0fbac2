package dev.jrun.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "kill", description = {
    "kill sends the specified signal (default: SIGTERM) to the container's init process",
    "",
    "The signal is a name, with or without SIG and in any case (KILL, sigterm, SIGRTMIN+3), or a number.",
})
final class KillCommand implements Callable<Integer> {

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Option(names = {"-a", "--all"}, description = "send the specified signal to all processes inside the container")
    boolean all;

    @Parameters(index = "0", paramLabel = "<container-id>", description = "the name of the container instance")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "[signal]", defaultValue = "SIGTERM",
            description = "the signal to send (default: SIGTERM)")
    String signal;

    @Override
    public Integer call() {
        int number = Signals.parse(signal);
        globals.runtime().kill(id, number, all);
        return 0;
    }
}
