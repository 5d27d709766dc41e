package dev.gatun.cli;

import static dev.gatun.cli.Subcommand.flag;
import static dev.gatun.cli.Subcommand.valued;

import dev.gatun.CompileOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code gatun run [--invoke NAME] MODULE ARGS...}: call an export, or run a WASI command. */
final class RunCommand {
    private RunCommand() {}

    static final Subcommand COMMAND = new Subcommand("run",
            "Run a WASI command module, or call one export of a module.", List.of(
            "Without --invoke, runs the module's _start with ARGS as the program's arguments and exits with its status (134 if it traps).",
            "With --invoke, calls the export with ARGS parsed by its parameter types and prints its results, one per line; "
                    + "WASI is linked if the module imports it.",
            "A -- right after MODULE is dropped: gatun run prog.wasm -- -n 3 passes -n 3 to the program."),
            Subcommand.optionSet(
                    valued("invoke", "NAME", "exported function to call with ARGS"),
                    valued("dir", "HOST[::GUEST]", "let the program use host directory HOST, seen as GUEST (default: the same name); repeatable"),
                    valued("env", "NAME[=VALUE]", "set an environment variable for the program (NAME alone passes on the host's value); repeatable"),
                    valued("tier", "TIER", "interpreter, compiler or tiered (default: -Dgatun.tier, else tiered)"),
                    flag("strict-compile", "refuse a module with a function tier 2 cannot compile, instead of interpreting it (-Dgatun.compiler.strict=true)"),
                    flag("stats", "print what tier 2 compiled (and why any function stays interpreted) on stderr after the run"),
                    valued("timeout", "DURATION", "trap the program after DURATION of wall-clock time (100ms, 2s, 1m)"),
                    valued("max-memory", "SIZE", "cap each memory the module defines at SIZE: bytes (64MiB, 1GiB) or pages (1024pages); memory.grow beyond fails"),
                    valued("fuel", "N", "give the program N units of fuel (about one per instruction); it traps when they are consumed"),
                    valued("max-table-elements", "N", "cap each table the module defines at N elements; table.grow beyond fails"),
                    valued("max-call-depth", "N", "trap when Wasm calls nest deeper than N (default 10000, also the most)"),
                    valued("cache-dir", "DIR", "keep tier 2's compiled classes in DIR for the next run of the same module "
                            + "(default: -Dgatun.cache.dir, else $XDG_CACHE_HOME/gatun or ~/.cache/gatun)"),
                    flag("no-cache", "compile without the class cache")),
            List.of(new String[] {"MODULE", "the module (binary, or text format)"},
                    new String[] {"ARGS...", "the program's arguments; with --invoke, the function's, parsed by its param types"}),
            1, true, RunCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        Path file = a.positionalPath(0);
        List<String> args = a.rest(1);
        byte[] bytes = Cli.binary(file, Cli.read(file));
        RunLimits limits = RunLimits.parse(a.value("timeout"), a.value("max-memory"), a.value("fuel"),
                a.value("max-table-elements"), a.value("max-call-depth"));
        List<String> argv = !args.isEmpty() && args.get(0).equals("--") ? args.subList(1, args.size()) : args;
        CompileOptions options = CompileOptions.defaults().withTier(Cli.tier(a.value("tier")));
        if (a.flag("strict-compile")) options = options.withStrictCompilation(true);
        if (!a.flag("no-cache")) {
            Path cacheDir = a.path("cache-dir");
            options = options.withClassCache(CodeCacheDir.usable(cacheDir != null ? cacheDir : CodeCacheDir.standard()));
        }
        PrintWriter statsTo = a.flag("stats") ? err : null;
        List<String> dirs = a.values("dir"), envs = a.values("env");
        String invoke = a.value("invoke");
        if (invoke == null) return WasiRun.run(file, bytes, options, dirs, envs, argv, limits, err, statsTo);
        return Invoke.run(file, bytes, options, invoke, argv, dirs, envs, limits, out, statsTo);
    }
}
