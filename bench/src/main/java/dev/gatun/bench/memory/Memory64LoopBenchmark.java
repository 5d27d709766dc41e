package dev.gatun.bench.memory;

import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * A Wasm load/store loop (i64.load, i64.add, i64.store over 1 MiB, 16 bytes a step) with the same code on a
 * 32-bit memory and on a 64-bit (memory64) one, in each tier: what memory64's checked 64-bit addressing
 * costs against memory 0's 32-bit path. Score: ns per load+store pair.
 *
 * <pre>java -jar bench/target/benchmarks.jar Memory64LoopBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
@State(Scope.Thread)
public class Memory64LoopBenchmark {
    static final int OUTER = 16;
    static final int PAIRS = OUTER * (1 << 20) / 16;

    @Param({"i32", "i64"})
    public String address;

    @Param({"INTERPRETER", "COMPILER"})
    public Tier tier;

    Function run;

    /** The loop, written once for either address type (a = the address type's text prefix). */
    static String module(String a) {
        return """
                (module
                  (memory %1$s 16)
                  (func (export "run") (param $outer i32) (result i64)
                    (local $p %1$s) (local $acc i64) (local $k i32)
                    (loop $o
                      (local.set $p (%1$s.const 0))
                      (loop $in
                        (local.set $acc (i64.add (local.get $acc) (i64.load (local.get $p))))
                        (i64.store offset=8 (local.get $p) (local.get $acc))
                        (local.set $p (%1$s.add (local.get $p) (%1$s.const 16)))
                        (br_if $in (%1$s.lt_u (local.get $p) (%1$s.const 1048576))))
                      (local.set $k (i32.add (local.get $k) (i32.const 1)))
                      (br_if $o (i32.lt_u (local.get $k) (local.get $outer))))
                    (local.get $acc)))
                """.formatted(a);
    }

    @Setup(Level.Trial)
    public void setUp() {
        byte[] bin = dev.gatun.Wat.parse(module(address));
        run = WebAssembly.instantiate(WebAssembly.compile(bin, tier), Imports.empty()).exports().function("run");
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public Value loop() {
        return run.call(Value.i32(OUTER))[0];
    }
}
