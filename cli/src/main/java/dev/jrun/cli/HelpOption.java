package dev.jrun.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for every command; runc has no per-command version option, nor has jrun. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show help")
    boolean help;
}
