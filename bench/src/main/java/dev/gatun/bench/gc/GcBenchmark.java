package dev.gatun.bench.gc;

import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Wasm GC kernels in each tier (src/main/resources/gc/gc.wat): {@code trees} allocation-heavy (8 binary
 * trees of depth 14 per call: 262,136 structs), {@code casts} cast-heavy (100 passes of 1,024 br_on_cast
 * dispatches over three subtypes), {@code sieve} array-heavy (primes below 10^6 in an i8 array). The
 * engine comparison runs the same exports on GraalWasm, Chicory and Endive where they support GC
 * ({@code scripts/bench-compare -p wasm=bench/src/main/resources/gc/gc.wasm -p export=trees -p args=14}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class GcBenchmark {
    @Param({"INTERPRETER", "COMPILER"})
    public Tier tier;

    @Param({"trees", "casts", "sieve"})
    public String kernel;

    private Function f;
    private int arg;

    @Setup
    public void setup() {
        Instance i = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(resource("/gc/gc.wat")), tier), Imports.empty());
        f = i.exports().function(kernel);
        arg = switch (kernel) {
            case "trees" -> 14;
            case "casts" -> 100;
            default -> 1_000_000;
        };
    }

    @Benchmark
    public int run() {
        return ((Value.I32) f.call(Value.i32(arg))[0]).value();
    }

    static String resource(String name) {
        try (InputStream in = GcBenchmark.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
