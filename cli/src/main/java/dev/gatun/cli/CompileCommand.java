package dev.gatun.cli;

import dev.gatun.CompileOptions;
import dev.gatun.CompileReport;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.WebAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gatun compile FILE}: compiles the module with tier 2 into the class cache, so the next run starts warm. */
@Command(name = "compile", description = "Compile a module with tier 2 into the class cache, so that `gatun run` of it starts with its code ready.")
final class CompileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the module (binary, or text format)")
    Path file;

    @Option(names = "--tier", paramLabel = "TIER", description = "the tier the runs will use, compiler or tiered (default: -Dgatun.tier, else tiered)")
    String tier;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "the class cache (default: -Dgatun.cache.dir, else $XDG_CACHE_HOME/gatun or ~/.cache/gatun)")
    Path cacheDir;

    @Option(names = "--stats", description = "print what tier 2 compiled (and why any function stays interpreted) on stderr")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Tier t = Cli.tier(tier);
        if (t == Tier.INTERPRETER) throw new Cli.Failure(Cli.EXIT_USAGE, "the interpreter has no code to cache: use --tier compiler or tiered");
        Path dir = CodeCacheDir.usable(cacheDir != null ? cacheDir : CodeCacheDir.standard());
        if (dir == null) throw new Cli.Failure(Cli.EXIT_FAILED, "no usable cache directory: give one with --cache-dir");
        // Cli.binary makes a malformed or invalid module the one-line failure validate prints.
        Module module = WebAssembly.compile(Cli.binary(file, Cli.read(file)), CompileOptions.defaults().withTier(t).withClassCache(dir));
        CompileReport r = module.compileNow().orElseThrow();
        spec.commandLine().getOut().println("compiled " + r.compiled() + " of " + r.functions() + " functions into " + dir);
        if (stats) CompileStats.print(module, spec.commandLine().getErr());
        return 0;
    }
}
