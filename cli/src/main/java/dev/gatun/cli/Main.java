package dev.gatun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code gatun} command. */
@Command(name = "gatun", mixinStandardHelpOptions = true, version = "gatun 0.1.0",
        description = "A WebAssembly runtime for the JVM.",
        subcommands = {ValidateCommand.class, InspectCommand.class, PrintCommand.class, RunCommand.class, CompileCommand.class, WastCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(Output.main(args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // Everything after the module is the program's: "gatun run prog.wasm -n 3" passes -n to prog.
        cl.getSubcommands().get("run").setStopAtPositional(true);
        Help.install(cl);
        cl.setOut(out);
        cl.setErr(err);
        // Bad input is the user's problem, not a bug: one line on stderr, never a stack trace.
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("gatun: " + Cli.message(ex));
            commandLine.getErr().flush();
            return ex instanceof Cli.Failure f ? f.exitCode : Cli.EXIT_INTERNAL;
        });
        return cl.execute(args);
    }
}
