package dev.gatun.bench.compare;

import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.Module;
import dev.gatun.WebAssembly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The comparison harness: one workload on one engine per fork. Subclasses pick the engines (and the fork's
 * JVM flags, which differ for GraalWasm). Setup runs the workload once on the engine and once on a
 * reference (the native build of the same C, or Gatun's default tier for a user's module) and refuses to
 * measure unless the results agree, so a broken engine cannot post a fast time.
 *
 * <p>JMH cannot skip a parameter combination, so an engine that cannot run a workload fails its setup;
 * before that, setup appends the reason to the file named by {@code GATUN_BENCH_STATUS} (one line: engine,
 * workload, "unsupported" or "failed", reason), which the {@link Report} prints in place of a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class CompareBenchmark {
    @Param({"fib", "sieve", "matmul", "coremark", "pixels", "grayscale", "blur", "blend",
            "grayscale-scalar", "blur-scalar", "blend-scalar"})
    public String workload;

    /** Input sizes: quick or full (see {@link Workload.Profile}). */
    @Param({"quick"})
    public String profile;

    /**
     * The user's workload ({@code -p workload=wasm}): module path, export name, and arguments separated by
     * spaces (JMH splits parameter values at commas).
     */
    @Param({""})
    public String wasm;

    @Param({""})
    public String export;

    @Param({""})
    public String args;

    private Engine.Call op;
    private long[] opArgs;

    /** The engine this fork measures. */
    protected abstract String engine();

    @Setup(Level.Trial)
    public void setup() {
        Workload w = Workload.named(workload, profile, wasm, export, args);
        Module module = WebAssembly.compile(w.module());
        FunctionType opType;
        try {
            opType = type(module, w.op().export());
            opArgs = parse(w.op(), opType);
        } catch (IllegalArgumentException e) {
            throw status("failed", "bad workload: " + e.getMessage());
        }
        Engine engine;
        try {
            engine = Engine.create(engine(), w.module(), w.source());
        } catch (Engine.Unsupported e) {
            throw status("unsupported", e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw status("unsupported", "cannot load the module: " + oneLine(e));
        }
        if (engine instanceof GraalWasmEngine g) record("runtime", g.runtime());

        String refName = w.source() != null ? "native" : "gatun";
        long want = 0;
        if (!refName.equals(engine())) {
            try {
                want = runOnce(Engine.create(refName, w.module(), w.source()), module, w);
            } catch (RuntimeException | StackOverflowError e) {
                throw status("failed", "the reference (" + refName + ") cannot run it: " + oneLine(e));
            }
        }
        long got;
        try {
            got = runOnce(engine, module, w);
        } catch (Engine.Unsupported e) {
            throw status("unsupported", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw status("unsupported", "cannot run it: " + oneLine(e));
        }
        if (!refName.equals(engine()) && got != want) {
            throw status("failed", "wrong result: " + Long.toHexString(got) + ", " + refName + " says " + Long.toHexString(want));
        }
        op = engine.export(w.op().export(), opType);
    }

    /** Setup (must return 1), one measured call, and the check: the check's result, or the call's. */
    private static long runOnce(Engine e, Module module, Workload w) {
        if (w.setup() != null && call(e, module, w.setup()) != 1) {
            throw new IllegalStateException(w.setup().export() + " did not return 1");
        }
        long r = call(e, module, w.op());
        return w.check() == null ? r : call(e, module, w.check());
    }

    private static long call(Engine e, Module module, Workload.Step s) {
        FunctionType t = type(module, s.export());
        return e.export(s.export(), t).call(parse(s, t));
    }

    private static FunctionType type(Module module, String name) {
        for (ExportDescriptor d : module.exports()) {
            if (d.name().equals(name) && d.type() instanceof FunctionType t) return t;
        }
        throw new IllegalArgumentException("the module exports no function " + name);
    }

    /** Arguments from text, by parameter type, to raw bits. */
    private static long[] parse(Workload.Step s, FunctionType t) {
        List<dev.gatun.ValType> ps = t.params();
        if (ps.size() != s.args().length) {
            throw new IllegalArgumentException(s.export() + " takes " + ps.size() + " arguments " + ps + ", got " + s.args().length);
        }
        long[] out = new long[ps.size()];
        for (int i = 0; i < out.length; i++) {
            String a = s.args()[i].strip();
            out[i] = switch (ps.get(i)) {
                case I32 -> (int) Long.parseLong(a);
                case I64 -> Long.parseLong(a);
                case F32 -> Float.floatToRawIntBits(Float.parseFloat(a));
                case F64 -> Double.doubleToRawLongBits(Double.parseDouble(a));
                default -> throw new IllegalArgumentException(s.export() + ": parameter type " + ps.get(i) + " cannot be given as text");
            };
        }
        return out;
    }

    @Benchmark
    public long run() {
        return op.call(opArgs);
    }

    private RuntimeException status(String kind, String reason) {
        record(kind, reason);
        return new Engine.Unsupported(engine() + " on " + workload + ": " + kind + " (" + reason + ")");
    }

    private void record(String kind, String text) {
        String file = System.getenv("GATUN_BENCH_STATUS");
        if (file == null) return;
        String line = engine() + "\t" + workload + "\t" + kind + "\t" + text.replaceAll("\\s+", " ") + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
