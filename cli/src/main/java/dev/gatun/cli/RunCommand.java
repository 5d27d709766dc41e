package dev.gatun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.gatun.CompileOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gatun run [--invoke NAME] MODULE ARGS...}: call an export, or run a WASI command. */
@Command(name = "run", description = {
        "Run a WASI command module, or call one export of a module.",
        "Without --invoke, runs the module's _start with ARGS as the program's arguments and exits with its status (134 if it traps).",
        "With --invoke, calls the export with ARGS parsed by its parameter types and prints its results, one per line; "
                + "WASI is linked if the module imports it.",
        "A -- right after MODULE is dropped: gatun run prog.wasm -- -n 3 passes -n 3 to the program."})
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

    @Option(names = "--strict-compile", description = "refuse a module with a function tier 2 cannot compile, instead of interpreting it (-Dgatun.compiler.strict=true)")
    boolean strictCompile;

    @Option(names = "--stats", description = "print what tier 2 compiled (and why any function stays interpreted) on stderr after the run")
    boolean stats;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "trap the program after DURATION of wall-clock time (100ms, 2s, 1m)")
    String timeout;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "cap each memory the module defines at SIZE: bytes (64MiB, 1GiB) or pages (1024pages); memory.grow beyond fails")
    String maxMemory;

    @Option(names = "--fuel", paramLabel = "N",
            description = "give the program N units of fuel (about one per instruction); it traps when they are consumed")
    String fuel;

    @Option(names = "--max-table-elements", paramLabel = "N", description = "cap each table the module defines at N elements; table.grow beyond fails")
    String maxTableElements;

    @Option(names = "--max-call-depth", paramLabel = "N", description = "trap when Wasm calls nest deeper than N (default 10000, also the most)")
    String maxCallDepth;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "keep tier 2's compiled classes in DIR for the next run of the same module (default: -Dgatun.cache.dir, else $XDG_CACHE_HOME/gatun or ~/.cache/gatun)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "compile without the class cache")
    boolean noCache;

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
        RunLimits limits = RunLimits.parse(timeout, maxMemory, fuel, maxTableElements, maxCallDepth);
        List<String> argv = !args.isEmpty() && args.get(0).equals("--") ? args.subList(1, args.size()) : args;
        CompileOptions options = CompileOptions.defaults().withTier(Cli.tier(tier));
        if (strictCompile) options = options.withStrictCompilation(true);
        if (!noCache) options = options.withClassCache(CodeCacheDir.usable(cacheDir != null ? cacheDir : CodeCacheDir.standard()));
        PrintWriter err = spec.commandLine().getErr(), statsTo = stats ? err : null;
        if (invoke == null) return WasiRun.run(file, bytes, options, dirs, envs, argv, limits, err, statsTo);
        return Invoke.run(file, bytes, options, invoke, argv, dirs, envs, limits, spec.commandLine().getOut(), statsTo);
    }
}
