package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.FunctionType;
import dev.gatun.LinkError;
import dev.gatun.RuntimeError;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.conformance.Target;
import dev.gatun.conformance.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gatun run [--invoke NAME] MODULE ARGS...}: call an export, or run a WASI command. */
@Command(name = "run", description = {
        "Run a WASI command module (its _start) with ARGS as its arguments; the exit status is the program's,",
        "134 if it traps. With --invoke, call one exported function instead and print its results, one per line."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--invoke", paramLabel = "NAME", description = "exported function to call with ARGS")
    String invoke;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "let the program use host directory HOST, seen as GUEST (default: the same name); repeatable")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]",
            description = "set an environment variable for the program (NAME alone passes on the host's value); repeatable")
    List<String> envs = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "TIER", description = "interpreter, compiler or tiered (default: -Dgatun.tier, else tiered)")
    String tier;

    @Parameters(index = "0", paramLabel = "MODULE", description = "the module (binary, or text format)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "the program's arguments; with --invoke, the function's, parsed by its param types")
    List<String> args = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = Cli.binary(file, Cli.read(file));
        if (invoke == null) return WasiRun.run(file, bytes, Cli.tier(tier), dirs, envs, args, spec.commandLine().getErr());
        Target<?, ?> target = Targets.gatun(Cli.tier(tier));
        return run(target, bytes);
    }

    private <M, I> int run(Target<M, I> target, byte[] bytes) {
        M module;
        try {
            module = target.compile(bytes);
        } catch (CompileError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
        FunctionType type = target.exportedFunction(module, invoke);
        if (type == null) throw new Cli.Failure(Cli.EXIT_USAGE, file + " exports no function named '" + invoke + "'");
        List<ValType> params = type.params();
        if (args.size() != params.size())
            throw new Cli.Failure(Cli.EXIT_USAGE, "'" + invoke + "' takes " + params.size() + " argument(s) " + params + ", got " + args.size());
        Value[] argv = new Value[params.size()];
        for (int i = 0; i < argv.length; i++) {
            try {
                argv[i] = ValueText.parse(params.get(i), args.get(i));
            } catch (IllegalArgumentException e) {
                throw new Cli.Failure(Cli.EXIT_USAGE, "argument " + (i + 1) + ": " + e.getMessage());
            }
        }
        Value[] results;
        try {
            I instance = target.instantiate(module, Map.of());
            try {
                results = target.invoke(instance, invoke, argv);
            } finally {
                target.release(instance);
            }
        } catch (LinkError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, "link error: " + Cli.firstLine(e.getMessage()));
        } catch (RuntimeError e) {
            // The whole message: the trap and the Wasm stack, innermost frame first.
            throw new Cli.Failure(Cli.EXIT_FAILED, "trap: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (results != null) for (Value v : results) out.println(ValueText.format(v));
        out.flush();
        return 0;
    }
}
