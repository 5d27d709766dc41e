package dev.gatun.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/** Help for every subcommand, {@code gatun help CMD} and {@code gatun completion}, added in one place. */
final class Help {
    private Help() {}

    static void install(CommandLine cl) {
        // Done here rather than in each @Command so that every subcommand, present or future, gets -h/--help:
        // picocli then skips the required-parameter check when help is asked for.
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().mixinStandardHelpOptions(true);
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().description(
                "Print a bash completion script for gatun.",
                "Load it in the current shell with: source <(gatun completion)");
        cl.addSubcommand("completion", completion);
    }
}
