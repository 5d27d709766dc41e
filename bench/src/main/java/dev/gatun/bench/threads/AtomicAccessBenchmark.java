package dev.gatun.bench.threads;

import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * The cost of one uncontended atomic against a plain store, compiled tier, in a Wasm loop over a 4 KiB
 * window of a shared memory: ns per access (loop overhead included in all three, so the differences are
 * the accesses'). rmw is i32.atomic.rmw.add (a locked add on x86), atomicStore i32.atomic.store (a
 * volatile store: a fence after it), plain i32.store.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class AtomicAccessBenchmark {
    static final int N = 1 << 16;

    static final String WAT = """
            (module
              (memory (import "env" "mem") 1 1 shared)
              (func (export "plain") (param $n i32)
                (loop $l
                  (i32.store (i32.and (i32.shl (local.get $n) (i32.const 2)) (i32.const 4092)) (local.get $n))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "atomicStore") (param $n i32)
                (loop $l
                  (i32.atomic.store (i32.and (i32.shl (local.get $n) (i32.const 2)) (i32.const 4092)) (local.get $n))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "rmw") (param $n i32)
                (loop $l
                  (drop (i32.atomic.rmw.add (i32.and (i32.shl (local.get $n) (i32.const 2)) (i32.const 4092)) (local.get $n)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
            """;

    private Memory mem;
    private Function plain, atomicStore, rmw;
    private final Value n = Value.i32(N);

    @Setup(Level.Trial)
    public void setUp() {
        mem = new Memory(MemoryType.shared(1, 1));
        var inst = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), Tier.COMPILER),
                Imports.builder().add("env", "mem", mem).build());
        plain = inst.exports().function("plain");
        atomicStore = inst.exports().function("atomicStore");
        rmw = inst.exports().function("rmw");
    }

    @TearDown(Level.Trial)
    public void tearDown() { mem.close(); }

    @Benchmark
    @OperationsPerInvocation(N)
    public Value[] plainStore() { return plain.call(n); }

    @Benchmark
    @OperationsPerInvocation(N)
    public Value[] atomicStore() { return atomicStore.call(n); }

    @Benchmark
    @OperationsPerInvocation(N)
    public Value[] atomicRmwAdd() { return rmw.call(n); }
}
