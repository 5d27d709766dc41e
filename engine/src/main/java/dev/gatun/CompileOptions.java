package dev.gatun;

import java.util.Objects;

/**
 * How {@link WebAssembly#compile(byte[], CompileOptions)} prepares a module: the {@link Tier} its functions
 * run in, and whether compilation is strict. By default a function tier 2 cannot compile (see
 * {@link Module#compileReport()}) runs in the interpreter; with strict compilation that is an error instead:
 * the module is compiled to JVM bytecode at once and a {@link CompileError} of kind
 * {@link CompileError.Kind#UNCOMPILABLE} names the first function left behind. Strictness has no effect on
 * {@link Tier#INTERPRETER}.
 */
public record CompileOptions(Tier tier, boolean strictCompilation) {
    public CompileOptions {
        Objects.requireNonNull(tier, "tier");
    }

    /** The tier of {@code gatun.tier} ({@link Tier#fromProperty()}), strict when {@code gatun.compiler.strict} is true. */
    public static CompileOptions defaults() {
        return new CompileOptions(Tier.fromProperty(), Boolean.getBoolean("gatun.compiler.strict"));
    }

    /** These options with another tier. */
    public CompileOptions withTier(Tier tier) {
        return new CompileOptions(tier, strictCompilation);
    }

    /** These options, strict or not. */
    public CompileOptions withStrictCompilation(boolean strict) {
        return new CompileOptions(tier, strict);
    }
}
