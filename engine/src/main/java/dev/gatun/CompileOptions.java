package dev.gatun;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link WebAssembly#compile(byte[], CompileOptions)} prepares a module: the {@link Tier} its functions
 * run in, whether compilation is strict, and where tier 2 caches its code. By default a function tier 2
 * cannot compile (see {@link Module#compileReport()}) runs in the interpreter; with strict compilation that
 * is an error instead: the module is compiled to JVM bytecode at once and a {@link CompileError} of kind
 * {@link CompileError.Kind#UNCOMPILABLE} names the first function left behind. Strictness has no effect on
 * {@link Tier#INTERPRETER}.
 *
 * @param classCache a directory where tier 2 keeps the classes it generates, keyed by the module's bytes,
 *                   this engine build and the JVM, so another process compiling the same module loads them
 *                   instead (as wasmtime's cache does); null for none. The classes in it run as the engine's
 *                   own code: it must be writable only by whoever runs the program.
 */
public record CompileOptions(Tier tier, boolean strictCompilation, Path classCache) {
    public CompileOptions {
        Objects.requireNonNull(tier, "tier");
    }

    public CompileOptions(Tier tier, boolean strictCompilation) { this(tier, strictCompilation, null); }

    /** The tier of {@code gatun.tier} ({@link Tier#fromProperty()}), strict when {@code gatun.compiler.strict} is true, no class cache. */
    public static CompileOptions defaults() {
        return new CompileOptions(Tier.fromProperty(), Boolean.getBoolean("gatun.compiler.strict"));
    }

    /** These options with another tier. */
    public CompileOptions withTier(Tier tier) {
        return new CompileOptions(tier, strictCompilation, classCache);
    }

    /** These options, strict or not. */
    public CompileOptions withStrictCompilation(boolean strict) {
        return new CompileOptions(tier, strict, classCache);
    }

    /** These options with tier 2's class cache in {@code dir} (null: none). */
    public CompileOptions withClassCache(Path dir) {
        return new CompileOptions(tier, strictCompilation, dir);
    }
}
