package dev.gatun.bench.threads;

import dev.gatun.Exports;
import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.Tier;
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
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * examples/threads/parallel_blur.wasm on one 1280x720 RGBA frame, compiled tier, with 1 and 2 worker threads
 * (one instance each over one shared memory): ms per frame, so the speed-up is the 1-thread score over the
 * 2-thread one. The coordinating benchmark thread waits in the module's job_wait (memory.atomic.wait32).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class ParallelKernelBenchmark {
    static final int W = 1280, H = 720, BAND = 8;

    @Param({"1", "2"})
    public int threads;

    private Memory mem;
    private Function begin, await;
    private Function[] work;
    private ExecutorService pool;

    static Path wasm() {
        for (String p : List.of("examples/threads/parallel_blur.wasm", "../examples/threads/parallel_blur.wasm")) {
            if (Files.isRegularFile(Path.of(p))) return Path.of(p);
        }
        throw new IllegalStateException("run from the repository root: examples/threads/parallel_blur.wasm not found");
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Module m = WebAssembly.compile(Files.readAllBytes(wasm()), Tier.COMPILER);
        mem = new Memory(MemoryType.shared(260, 512));
        Imports imports = Imports.builder().add("env", "memory", mem).build();
        work = new Function[threads];
        Exports first = null;
        for (int i = 0; i < threads; i++) {
            Instance inst = WebAssembly.instantiate(m, imports);
            if (first == null) first = inst.exports();
            work[i] = inst.exports().function("job_work");
        }
        begin = first.function("job_begin");
        await = first.function("job_wait");
        byte[] frame = new byte[W * H * 4];
        new SplittableRandom(15).nextBytes(frame);
        mem.write(((Value.I32) first.function("src_buffer").call()[0]).value(), frame);
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        mem.close();
    }

    @Benchmark
    public int blurFrame() throws Exception {
        begin.call(Value.i32(W), Value.i32(H), Value.i32(BAND));
        List<Future<Value[]>> fs = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            Function f = work[i];
            Value id = Value.i32(i);
            fs.add(pool.submit(() -> f.call(id)));
        }
        int rows = ((Value.I32) await.call()[0]).value();
        for (Future<Value[]> f : fs) f.get();
        return rows;
    }
}
