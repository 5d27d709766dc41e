package dev.gatun.bench.compare;

import dev.gatun.FunctionType;
import dev.gatun.bench.nativec.gatun_bench_h;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The physical reference: the C behind the wasm kernels, built by gcc -O2 into a shared library
 * (bench/src/main/c/native/build.sh) and called through the jextract bindings in dev.gatun.bench.nativec.
 */
final class NativeEngine implements Engine {
    /** Where scripts/bench-compare builds the library, relative to the repository root JMH runs in. */
    static final String DEFAULT_LIBRARY = "bench/target/native/libgatunbench.so";

    private NativeEngine() {}

    /** {@code source}: the C source file of the module, or null when there is none. */
    static NativeEngine load(String source) {
        if (source == null) throw new Unsupported("no C source for this module");
        Path lib = Path.of(System.getProperty("gatun.bench.native", DEFAULT_LIBRARY)).toAbsolutePath();
        if (!Files.isRegularFile(lib)) {
            throw new Unsupported("native library " + lib + " not built (scripts/bench-compare builds it)");
        }
        // The bindings look symbols up through this class loader's libraries.
        System.load(lib.toString());
        return new NativeEngine();
    }

    @Override
    public Call export(String name, FunctionType type) {
        return switch (name) {
            case "fib" -> a -> gatun_bench_h.fib((int) a[0]) & 0xFFFF_FFFFL;
            case "sieve" -> a -> gatun_bench_h.sieve((int) a[0]) & 0xFFFF_FFFFL;
            case "matmul" -> a -> Double.doubleToRawLongBits(gatun_bench_h.matmul((int) a[0]));
            case "coremark" -> a -> gatun_bench_h.coremark((int) a[0]) & 0xFFFF_FFFFL;
            case "pixels_setup" -> a -> gatun_bench_h.pixels_setup((int) a[0]) & 0xFFFF_FFFFL;
            case "pixels_run" -> a -> gatun_bench_h.pixels_run((int) a[0]) & 0xFFFF_FFFFL;
            case "frames_setup" -> a -> gatun_bench_h.frames_setup((int) a[0]) & 0xFFFF_FFFFL;
            case "output_hash" -> a -> gatun_bench_h.output_hash((int) a[0]) & 0xFFFF_FFFFL;
            case "grayscale" -> a -> { gatun_bench_h.grayscale((int) a[0]); return 0; };
            case "box_blur" -> a -> { gatun_bench_h.box_blur((int) a[0], (int) a[1]); return 0; };
            case "alpha_blend" -> a -> { gatun_bench_h.alpha_blend((int) a[0], (int) a[1]); return 0; };
            default -> throw new Unsupported("no native binding for " + name);
        };
    }
}
