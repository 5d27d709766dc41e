package dev.gatun.bench.api;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import dev.gatun.Function;
import dev.gatun.Imports;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;

/**
 * The cost of one call of {@code add(i32, i32) -> i32} from Java: Gatun's typed views (a functional
 * interface and a method handle, compiled tier) against the baseline they must reach, a method handle
 * of a plain Java method (in a field, and constant), and against Gatun's boxing {@code call(Value...)}, Chicory's compiled
 * {@code apply(long...)} and Endive's interpreted {@code apply(long...)}. Run with {@code -prof gc}
 * for the bytes allocated per call. Handles sit in instance fields, so neither side is constant-folded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Thread)
public class TypedCallBenchmark {
    static final String ADD = "(module (func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))";

    int a = 20, b = 22;
    long la = 20, lb = 22;
    IntBinaryOperator typed;
    MethodHandle typedHandle;
    MethodHandle javaHandle;
    IntBinaryOperator javaInterface = TypedCallBenchmark::javaAdd;
    Function boxed;
    com.dylibso.chicory.runtime.ExportFunction chicory;
    run.endive.runtime.ExportFunction endive;

    static int javaAdd(int x, int y) { return x + y; }

    /** The same Java method through a constant handle, which the JIT inlines like a direct call. */
    static final MethodHandle JAVA_CONSTANT;

    static {
        try {
            JAVA_CONSTANT = MethodHandles.lookup().findStatic(TypedCallBenchmark.class, "javaAdd",
                    MethodType.methodType(int.class, int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Setup
    public void setUp() throws ReflectiveOperationException {
        byte[] wasm = Wat.parse(ADD);
        Function add = WebAssembly.instantiate(WebAssembly.compile(wasm, Tier.COMPILER), Imports.empty())
                .exports().function("add");
        typed = add.typed(IntBinaryOperator.class);
        typedHandle = add.asMethodHandle();
        boxed = add;
        javaHandle = MethodHandles.lookup().findStatic(TypedCallBenchmark.class, "javaAdd",
                MethodType.methodType(int.class, int.class, int.class));
        var cm = Parser.parse(wasm);
        chicory = com.dylibso.chicory.runtime.Instance.builder(cm)
                .withMachineFactory(MachineFactoryCompiler.compile(cm)).build().export("add");
        endive = run.endive.runtime.Instance.builder(run.endive.wasm.Parser.parse(wasm)).build().export("add");
    }

    @Benchmark
    public int javaMethodHandle() throws Throwable { return (int) javaHandle.invokeExact(a, b); }

    /** The baseline of the interface view: the same interface implemented by a Java method reference. */
    @Benchmark
    public int javaInterface() { return javaInterface.applyAsInt(a, b); }

    @Benchmark
    public int javaConstantMethodHandle() throws Throwable { return (int) JAVA_CONSTANT.invokeExact(a, b); }

    @Benchmark
    public int gatunTypedInterface() { return typed.applyAsInt(a, b); }

    @Benchmark
    public int gatunTypedMethodHandle() throws Throwable { return (int) typedHandle.invokeExact(a, b); }

    @Benchmark
    public int gatunCallValues() { return ((Value.I32) boxed.call(Value.i32(a), Value.i32(b))[0]).value(); }

    @Benchmark
    public long chicoryApply() { return chicory.apply(la, lb)[0]; }

    @Benchmark
    public long endiveApply() { return endive.apply(la, lb)[0]; }
}
