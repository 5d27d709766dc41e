package dev.gatun.bench.simd;

import dev.gatun.Exports;
import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Image kernels (bench/src/main/c/simd/image.c: RGBA to grayscale, 3x3 box blur, alpha blend) over frames
 * of {@code frameMiB} MiB, one frame per invocation, on three set-ups:
 * <ul>
 *   <li>{@code gatun-simd}: Gatun running the {@code -msimd128} build (v128 ops on the Vector API kernels);
 *   <li>{@code gatun-scalar}: Gatun running the build without SIMD;
 *   <li>{@code endive-simd}: Endive 1.2.0's interpreter running the {@code -msimd128} build.
 * </ul>
 * Setup runs every kernel once and compares the output frame's hash with Gatun on the scalar build, so an
 * engine that computes the wrong image cannot post a time.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar ImageBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class ImageBenchmark {
    /** Calls an exported function with i32 arguments; returns the first result (u32) or 0. */
    interface Engine {
        long call(String name, long... args);
    }

    @Param({"gatun-simd", "gatun-scalar", "endive-simd"})
    public String setup;

    /** Frame size: 16 MiB is an RGBA 2048x2048 frame, a 4096x4096 grayscale one. */
    @Param({"16"})
    public int frameMiB;

    private Engine e;
    private int bytes, side;

    static byte[] wasm(String build) {
        try (InputStream in = ImageBenchmark.class.getResourceAsStream("/simd/image-" + build + ".wasm")) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Engine create(String which) {
        String build = which.substring(which.indexOf('-') + 1);
        byte[] wasm = wasm(build);
        if (which.startsWith("gatun")) {
            Exports x = WebAssembly.instantiate(WebAssembly.compile(wasm), Imports.empty()).exports();
            return (name, args) -> {
                Function f = x.function(name);
                Value[] vs = new Value[args.length];
                for (int i = 0; i < args.length; i++) vs[i] = Value.i32((int) args[i]);
                Value[] r = f.call(vs);
                return r.length == 0 ? 0 : ((Value.I32) r[0]).value() & 0xFFFF_FFFFL;
            };
        }
        if (which.startsWith("endive")) {
            var inst = run.endive.runtime.Instance.builder(run.endive.wasm.Parser.parse(wasm)).build();
            return (name, args) -> {
                long[] r = inst.export(name).apply(args);
                return r == null || r.length == 0 ? 0 : r[0] & 0xFFFF_FFFFL;
            };
        }
        throw new IllegalArgumentException(which);
    }

    @Setup(Level.Trial)
    public void setup() {
        bytes = frameMiB << 20;
        side = (int) Math.sqrt(bytes);
        e = create(setup);
        Engine ref = setup.equals("gatun-scalar") ? null : create("gatun-scalar");
        for (Engine x : ref == null ? new Engine[] {e} : new Engine[] {e, ref}) {
            if (x.call("frames_setup", bytes) != 1) throw new IllegalStateException("frames_setup failed");
        }
        if (ref != null) {
            check("grayscale", ref, bytes / 4, () -> grayscale());
            check("box_blur", ref, bytes, () -> blur());
            check("alpha_blend", ref, bytes, () -> blend());
        }
    }

    private void check(String kernel, Engine ref, int n, Runnable run) {
        Engine mine = e;
        e = ref;
        run.run();
        long want = ref.call("output_hash", n);
        e = mine;
        run.run();
        long got = e.call("output_hash", n);
        if (want != got) throw new IllegalStateException(kernel + ": output hash " + got + " on " + setup + ", " + want + " on gatun-scalar");
    }

    /** One RGBA frame to grayscale. */
    @Benchmark
    public long grayscale() { return e.call("grayscale", bytes / 4); }

    /** One side x side grayscale frame through the 3x3 box blur. */
    @Benchmark
    public long blur() { return e.call("box_blur", side, side); }

    /** Two frames blended byte by byte. */
    @Benchmark
    public long blend() { return e.call("alpha_blend", bytes, 77); }
}
