package dev.gatun.bench.exec;

import dev.gatun.Exports;
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
 * Execution speed on clang-built kernels (bench/src/main/c/exec/kernels.c): Gatun's register interpreter
 * against Endive 1.2.0's interpreter and Chicory 1.7.5's bytecode compiler, all running the same bytes.
 * Results are checked against each other in setup, so a broken engine cannot post a fast time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class ExecBenchmark {
    /** Calls an exported function with i32/i64 arguments and returns its first result's raw bits. */
    interface Engine {
        long call(String name, long... args);
    }

    /** gatun: the default tier; gatun-interpreter: tier 1 only. */
    @Param({"gatun", "gatun-interpreter", "endive", "chicory"})
    public String engine;

    private Engine e;

    static byte[] kernels() {
        try (InputStream in = ExecBenchmark.class.getResourceAsStream("/exec/kernels.wasm")) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Engine create(String which, byte[] wasm) {
        return switch (which) {
            case "gatun", "gatun-interpreter" -> {
                dev.gatun.Module m = which.equals("gatun") ? WebAssembly.compile(wasm)
                        : WebAssembly.compile(wasm, dev.gatun.Tier.INTERPRETER);
                Exports x = WebAssembly.instantiate(m, Imports.empty()).exports();
                yield (name, args) -> {
                    Value[] vs = new Value[args.length];
                    for (int i = 0; i < args.length; i++) vs[i] = Value.i32((int) args[i]);
                    Value r = x.function(name).call(vs)[0];
                    return switch (r) {
                        case Value.I32 v -> v.value() & 0xFFFF_FFFFL;
                        case Value.I64 v -> v.value();
                        case Value.F64 v -> v.bits();
                        default -> throw new IllegalStateException(String.valueOf(r));
                    };
                };
            }
            case "endive" -> {
                var inst = run.endive.runtime.Instance.builder(run.endive.wasm.Parser.parse(wasm)).build();
                yield (name, args) -> norm(inst.exportType(name).returns().get(0).toString(), inst.export(name).apply(args)[0]);
            }
            case "chicory" -> {
                var module = com.dylibso.chicory.wasm.Parser.parse(wasm);
                var inst = com.dylibso.chicory.runtime.Instance.builder(module)
                        .withMachineFactory(com.dylibso.chicory.compiler.MachineFactoryCompiler.compile(module)).build();
                yield (name, args) -> norm(inst.exportType(name).returns().get(0).toString(), inst.export(name).apply(args)[0]);
            }
            default -> throw new IllegalArgumentException(which);
        };
    }

    /** i32 results as unsigned 32-bit, so all engines compare equal. */
    private static long norm(String type, long v) {
        return type.equalsIgnoreCase("i32") ? v & 0xFFFF_FFFFL : v;
    }

    @Setup(Level.Trial)
    public void setup() {
        byte[] wasm = kernels();
        e = create(engine, wasm);
        if (e.call("pixels_setup", 64) != 1) throw new IllegalStateException("pixels_setup failed");
        // Cross-check every kernel against Gatun on small inputs.
        Engine ref = engine.equals("gatun") ? null : create("gatun", wasm);
        if (ref != null) {
            check("fib", ref, e, 15);
            check("sieve", ref, e, 10_000);
            check("matmul", ref, e, 16);
            check("coremark", ref, e, 2);
        }
        if (e.call("fib", 20) != 6765) throw new IllegalStateException("fib(20) wrong on " + engine);
        if (e.call("sieve", 1_000_000) != 78498) throw new IllegalStateException("sieve wrong on " + engine);
    }

    private static void check(String name, Engine want, Engine got, long arg) {
        long a = want.call(name, arg), b = got.call(name, arg);
        if (a != b) throw new IllegalStateException(name + "(" + arg + "): gatun " + a + ", other " + b);
    }

    @Benchmark
    public long fib() { return e.call("fib", 27); }

    @Benchmark
    public long sieve() { return e.call("sieve", 1_000_000); }

    @Benchmark
    public long matmul() { return e.call("matmul", 128); }

    @Benchmark
    public long coremark() { return e.call("coremark", 20); }

    /** One pass of the per-pixel kernel over the 64 MiB buffer. */
    @Benchmark
    public long pixels() { return e.call("pixels_run", 300); }
}
