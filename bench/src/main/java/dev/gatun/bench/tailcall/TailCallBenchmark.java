package dev.gatun.bench.tailcall;

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
import java.util.concurrent.TimeUnit;

/**
 * Tail calls, 10^6 per call, in each tier: {@code self} (return_call to itself: a loop), {@code mutual}
 * (two functions tail-calling each other: return_call to another function) and {@code dispatch} (four
 * handlers through a table: return_call_indirect, as tail-call interpreters dispatch), the last two from
 * clang -mtail-call (src/main/c/tailcall). Divide the score by 10^6 for one tail call. The engine
 * comparison runs the same module's exports on GraalWasm, Chicory and Endive
 * ({@code scripts/bench-compare -p wasm=bench/src/main/resources/tailcall/tailcall.wasm -p export=mutual -p args=1000000}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class TailCallBenchmark {
    static final int N = 1_000_000;

    static final String SELF = """
            (module
              (func (export "self") (param $n i32) (result i64) (return_call $loop (local.get $n) (i64.const 1)))
              (func $loop (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (local.get $acc))
                  (else (return_call $loop (i32.sub (local.get $n) (i32.const 1))
                                           (i64.add (i64.mul (local.get $acc) (i64.const 3)) (i64.const 1)))))))
            """;

    @Param({"INTERPRETER", "COMPILER"})
    public Tier tier;

    @Param({"self", "mutual", "dispatch"})
    public String kernel;

    private Function f;

    @Setup
    public void setup() {
        byte[] wasm = kernel.equals("self") ? Wat.parse(SELF) : resource("/tailcall/tailcall.wasm");
        Instance i = WebAssembly.instantiate(WebAssembly.compile(wasm, tier), Imports.empty());
        f = i.exports().function(kernel);
    }

    @Benchmark
    public long tailCalls() {
        return ((Value.I64) f.call(Value.i32(N))[0]).value();
    }

    static byte[] resource(String name) {
        try (InputStream in = TailCallBenchmark.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
