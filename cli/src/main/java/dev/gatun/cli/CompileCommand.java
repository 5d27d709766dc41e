package dev.gatun.cli;

import dev.gatun.CompileOptions;
import dev.gatun.CompileReport;
import dev.gatun.Module;
import dev.gatun.Tier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code gatun compile FILE}: compiles the module with tier 2 into the class cache, so the next run starts warm. */
final class CompileCommand {
    private CompileCommand() {}

    static final Subcommand COMMAND = new Subcommand("compile",
            "Compile a module with tier 2 into the class cache, so that `gatun run` of it starts with its code ready.", List.of(),
            Subcommand.optionSet(
                    Subcommand.valued("tier", "TIER", "the tier the runs will use, compiler or tiered (default: -Dgatun.tier, else tiered)"),
                    Subcommand.valued("cache-dir", "DIR", "the class cache (default: -Dgatun.cache.dir, else $XDG_CACHE_HOME/gatun or ~/.cache/gatun)"),
                    Subcommand.flag("stats", "print what tier 2 compiled (and why any function stays interpreted) on stderr")),
            List.of(new String[][] {{"FILE", "the module (binary, or text format)"}}), 1, false, CompileCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        Path file = a.positionalPath(0), cacheDir = a.path("cache-dir");
        Tier t = Cli.tier(a.value("tier"));
        if (t == Tier.INTERPRETER) throw new Cli.Failure(Cli.EXIT_USAGE, "the interpreter has no code to cache: use --tier compiler or tiered");
        Path dir = CodeCacheDir.usable(cacheDir != null ? cacheDir : CodeCacheDir.standard());
        if (dir == null) throw new Cli.Failure(Cli.EXIT_FAILED, "no usable cache directory: give one with --cache-dir");
        // Cli.binary makes a malformed or invalid module the one-line failure validate prints.
        Module module = SimdRelaunch.compile(Cli.binary(file, Cli.read(file)), CompileOptions.defaults().withTier(t).withClassCache(dir));
        CompileReport r = module.compileNow().orElseThrow();
        out.println("compiled " + r.compiled() + " of " + r.functions() + " functions into " + dir);
        if (a.flag("stats")) CompileStats.print(module, err);
        return 0;
    }
}
