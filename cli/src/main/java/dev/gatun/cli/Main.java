package dev.gatun.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of the {@code gatun} command: picks the subcommand, and turns every failure into one line. */
public final class Main {
    private Main() {}

    static final String VERSION = "gatun 0.1.0";

    /** The subcommands, in the order {@code gatun --help} lists them. */
    static final Map<String, Subcommand> COMMANDS = new LinkedHashMap<>();

    static {
        for (Subcommand c : List.of(ValidateCommand.COMMAND, InspectCommand.COMMAND, PrintCommand.COMMAND,
                RunCommand.COMMAND, CompileCommand.COMMAND, WastCommand.COMMAND)) COMMANDS.put(c.name(), c);
    }

    public static void main(String[] args) {
        System.exit(Output.main(args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } catch (SimdRelaunch.Needed e) {
            out.flush();
            err.flush();
            return SimdRelaunch.run(e);
        } catch (Exception | Error e) {
            // Bad input is the user's problem, not a bug: one line on stderr, never a stack trace.
            err.println("gatun: " + Cli.message(e));
            err.flush();
            return e instanceof Cli.Failure f ? f.exitCode : Cli.EXIT_INTERNAL;
        }
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        String first = args.length == 0 ? null : args[0];
        Subcommand command = first == null ? null : COMMANDS.get(first);
        if (command != null) return command.execute(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (first == null) throw usage("missing subcommand");
        switch (first) {
            case "-h", "--help" -> Help.printMain(out);
            case "-V", "--version" -> out.println(VERSION);
            case "completion" -> out.print(Help.completionScript());
            case "help" -> {
                if (args.length == 1) Help.printMain(out);
                else if (COMMANDS.containsKey(args[1])) COMMANDS.get(args[1]).printHelp(out);
                else throw usage("no such command: '" + args[1] + "'");
            }
            default -> throw usage(first.startsWith("-") ? "unknown option " + first : "no such command: '" + first + "'");
        }
        out.flush();
        return 0;
    }

    private static Cli.Failure usage(String message) {
        return new Cli.Failure(Cli.EXIT_USAGE, message + " (see gatun --help)");
    }
}
