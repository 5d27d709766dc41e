package dev.gatun.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code gatun} subcommand: its options (Commons CLI), its positional parameters, its help, and what it runs.
 *
 * @param summary          the first sentence, shown in {@code gatun --help}
 * @param description      further paragraphs of its help
 * @param parameters       the positionals, each {@code {LABEL, description}}; a label ending in "..." takes the rest
 * @param required         how many positionals must be given
 * @param stopAtPositional everything from the first positional on is a positional, options included
 *                         ({@code gatun run prog.wasm -n 3} passes {@code -n} to the program)
 */
record Subcommand(String name, String summary, List<String> description, Options options, List<String[]> parameters,
                  int required, boolean stopAtPositional, Action action) {

    /** What a subcommand does with its parsed arguments; returns the exit code. */
    interface Action {
        int run(Args args, PrintWriter out, PrintWriter err);
    }

    static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help message and exit.").get();
    static final Option VERSION = Option.builder("V").longOpt("version").desc("Print version information and exit.").get();

    Subcommand {
        // Every subcommand, present or future, takes -h/--help and -V/--version.
        options.addOption(HELP).addOption(VERSION);
    }

    static Options optionSet(Option... all) {
        Options o = new Options();
        for (Option x : all) o.addOption(x);
        return o;
    }

    /** {@code --name=LABEL}: an option with a value. */
    static Option valued(String name, String label, String description) {
        return Option.builder().longOpt(name).hasArg().argName(label).desc(description).get();
    }

    /** {@code --name}: an option without a value. */
    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    /** The parsed command line of one subcommand. */
    record Args(Subcommand command, CommandLine parsed, List<String> positionals) {
        boolean flag(String name) {
            return parsed.hasOption(name);
        }

        /** The option's value, or null; an option that is not repeatable may be given once only. */
        String value(String name) {
            String[] v = parsed.getOptionValues(name);
            if (v == null) return null;
            if (v.length > 1) throw command.usage("--" + name + " should be given only once");
            return v[0];
        }

        /** Every value of a repeatable option, in order. */
        List<String> values(String name) {
            String[] v = parsed.getOptionValues(name);
            return v == null ? List.of() : List.of(v);
        }

        Path path(String name) {
            return command.path(value(name));
        }

        Path positionalPath(int i) {
            return command.path(positionals.get(i));
        }

        List<String> rest(int from) {
            return positionals.subList(Math.min(from, positionals.size()), positionals.size());
        }
    }

    /** Parses {@code args} (the words after the subcommand's name) and runs the subcommand, or prints its help. */
    int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine parsed;
        try {
            // No abbreviations: --max would be ambiguous today and silently change meaning when an option is added.
            parsed = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args, stopAtPositional);
        } catch (UnrecognizedOptionException e) {
            throw usage("unknown option " + e.getOption());
        } catch (MissingArgumentException e) {
            Option o = e.getOption();
            throw usage("--" + o.getLongOpt() + " needs a value (" + o.getArgName() + ")");
        } catch (ParseException e) {
            throw usage(e.getMessage());
        }
        if (parsed.hasOption(HELP)) {
            printHelp(out);
            return 0;
        }
        if (parsed.hasOption(VERSION)) {
            out.println(Main.VERSION);
            return 0;
        }
        List<String> positionals = parsed.getArgList();
        // Stopping at the first positional also stops at an unknown option; one not after a "--" is still a mistake.
        if (stopAtPositional && !positionals.isEmpty()) {
            String first = positionals.getFirst();
            int at = args.length - positionals.size();
            if (first.startsWith("-") && first.length() > 1 && (at == 0 || !args[at - 1].equals("--")))
                throw usage("unknown option " + first);
        }
        if (positionals.size() < required) throw usage("missing " + parameters.get(positionals.size())[0]);
        boolean rest = !parameters.isEmpty() && parameters.getLast()[0].endsWith("...");
        if (!rest && positionals.size() > parameters.size())
            throw usage("unexpected argument '" + positionals.get(parameters.size()) + "'");
        return action.run(new Args(this, parsed, positionals), out, err);
    }

    Cli.Failure usage(String message) {
        return new Cli.Failure(Cli.EXIT_USAGE, message + " (see gatun " + name + " --help)");
    }

    Path path(String text) {
        if (text == null) return null;
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw usage("not a file name: '" + text + "'");
        }
    }

    /** {@code Usage: gatun run [OPTIONS] MODULE [ARGS...]}, what it does, its parameters and its options. */
    void printHelp(PrintWriter out) {
        StringBuilder usage = new StringBuilder("Usage: gatun ").append(name).append(" [OPTIONS]");
        for (int i = 0; i < parameters.size(); i++) {
            String label = parameters.get(i)[0];
            usage.append(' ').append(i < required ? label : "[" + label + "]");
        }
        out.println(usage);
        out.print(Help.wrap(summary, 0, 0));
        for (String d : description) out.print(Help.wrap(d, 0, 0));
        out.println();
        List<String[]> rows = new ArrayList<>(parameters);
        for (Option o : options.getOptions()) {
            String names = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt();
            rows.add(new String[] {o.hasArg() ? names + "=" + o.getArgName() : names, o.getDescription()});
        }
        Help.table(out, rows);
        out.flush();
    }
}
