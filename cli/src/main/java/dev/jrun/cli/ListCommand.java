package dev.jrun.cli;

import dev.jrun.state.ContainerView;
import dev.jrun.state.ListFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "lists containers started by jrun with the given root")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    GlobalOptions globals;

    @Mixin
    HelpOption help;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "select one of: table or json (default: \"table\")")
    String format = "table";

    @Option(names = {"-q", "--quiet"}, description = "display only container IDs")
    boolean quiet;

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "invalid format option: " + format);
        }
        List<ContainerView> containers = globals.runtime().list();
        String output = quiet ? ListFormat.quiet(containers)
                : format.equals("json") ? ListFormat.json(containers)
                : ListFormat.table(containers);
        spec.commandLine().getOut().print(output);
        return 0;
    }
}
