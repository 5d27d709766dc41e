package dev.gatun.bench.exceptions;

import dev.gatun.Function;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import dev.gatun.Imports;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Wasm exception round trips in each of Gatun's tiers (resources/exceptions/roundtrip.wat): a callee
 * throws, a try_table in the caller catches (throw_catch); the same try_table around a call that returns
 * (no_throw) against the bare call (plain), which is what entering a try costs when nothing is thrown.
 * The legacy try/catch form of each is measured too. Scores are ns per iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class ExceptionBenchmark {
    static final int N = 10_000;

    @Param({"INTERPRETER", "COMPILER"})
    public String tier;

    @Param({"roundtrip", "roundtrip-legacy"})
    public String module;

    private Function throwCatch, noThrow, plain;
    private final Value n = Value.i32(N);

    @Setup(Level.Trial)
    public void setup() {
        byte[] bytes;
        try (InputStream in = ExceptionBenchmark.class.getResourceAsStream("/exceptions/" + module + ".wasm")) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Module m = WebAssembly.compile(bytes, Tier.valueOf(tier));
        var ex = WebAssembly.instantiate(m, Imports.empty()).exports();
        throwCatch = ex.function("throw_catch");
        noThrow = ex.function("no_throw");
        plain = ex.function("plain");
        // Every variant computes the sum of 0..N-1: a wrong result must not post a time.
        int want = N * (N - 1) / 2;
        for (Function f : new Function[] {throwCatch, noThrow, plain}) {
            int got = ((Value.I32) f.call(n)[0]).value();
            if (got != want) throw new IllegalStateException(f + " returned " + got + ", want " + want);
        }
    }

    @Benchmark @OperationsPerInvocation(N)
    public Value[] throwCatch() { return throwCatch.call(n); }

    @Benchmark @OperationsPerInvocation(N)
    public Value[] noThrow() { return noThrow.call(n); }

    @Benchmark @OperationsPerInvocation(N)
    public Value[] plain() { return plain.call(n); }
}
