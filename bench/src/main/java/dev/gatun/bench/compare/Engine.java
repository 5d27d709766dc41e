package dev.gatun.bench.compare;

import dev.gatun.FunctionType;
import dev.gatun.Tier;
import dev.gatun.ValType;

/**
 * One Wasm engine (or the native reference) as the comparison harness drives it: load a module, then call
 * its exports with raw argument bits. Every engine speaks the same convention, so one workload definition
 * runs on all of them and their results compare bit for bit.
 */
public interface Engine {
    /** Engine names in the order tables and charts list them. */
    java.util.List<String> ALL = java.util.List.of(
            "gatun", "gatun-interpreter", "chicory", "endive", "graalwasm", "native");

    /**
     * Binds an export. Arguments are raw bits (i32/i64 as integers, f32/f64 as their IEEE bits), the result
     * is the first result's raw bits with i32 and f32 zero-extended, or 0 when there is none.
     */
    Call export(String name, FunctionType type);

    /** A bound export. */
    interface Call {
        long call(long... args);
    }

    /** Thrown when an engine cannot run a workload at all (as opposed to running it wrongly). */
    final class Unsupported extends RuntimeException {
        public Unsupported(String reason) { super(reason, null, false, false); }
    }

    /**
     * Creates the engine {@code name} on {@code wasm}; {@code source} names the C functions behind the module
     * for the native engine, which runs those instead of the bytes (null: no C source, so no native run).
     */
    static Engine create(String name, byte[] wasm, String source) {
        return switch (name) {
            case "gatun" -> new GatunEngine(wasm, Tier.TIERED);
            case "gatun-interpreter" -> new GatunEngine(wasm, Tier.INTERPRETER);
            case "gatun-compiler" -> new GatunEngine(wasm, Tier.COMPILER);
            case "gatun-compiler-fuel" -> new GatunEngine(wasm, Tier.COMPILER, true);
            case "gatun-interpreter-fuel" -> new GatunEngine(wasm, Tier.INTERPRETER, true);
            case "endive" -> new EndiveEngine(wasm);
            case "chicory" -> new ChicoryEngine(wasm);
            case "graalwasm" -> new GraalWasmEngine(wasm);
            case "native" -> NativeEngine.load(source);
            default -> throw new IllegalArgumentException("unknown engine " + name + "; known: " + ALL);
        };
    }

    /** The first result of a call, normalised as {@link #export} describes. */
    static long normalise(FunctionType type, long raw) {
        if (type.results().isEmpty()) return 0;
        ValType t = type.results().getFirst();
        return t == ValType.I32 || t == ValType.F32 ? raw & 0xFFFF_FFFFL : raw;
    }
}
