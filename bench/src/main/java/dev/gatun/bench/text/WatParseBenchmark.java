package dev.gatun.bench.text;

import dev.gatun.Wat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Text-format parse speed on a large module: the decode benchmark's clang-built big.wasm (about 1 MB of
 * code) printed by {@code wasm2wat} (about 10 MB of text), parsed to a binary by {@code Wat.parse} and by
 * wabt's {@code wat2wasm} run as a process (what a user of wabt pays, start-up included). Both produce the
 * same bytes. Needs wabt's wasm2wat and wat2wasm on the PATH. MB/s = text size (printed at setup) / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xss16m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class WatParseBenchmark {
    private Path dir, wat;
    private byte[] text;

    @Setup(Level.Trial)
    public void print() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("gatun-wat-bench");
        Path wasm = dir.resolve("big.wasm");
        try (InputStream in = WatParseBenchmark.class.getResourceAsStream("/decode/big.wasm")) {
            if (in == null) throw new IOException("missing resource /decode/big.wasm");
            Files.write(wasm, in.readAllBytes());
        }
        wat = dir.resolve("big.wat");
        Process p = new ProcessBuilder("wasm2wat", wasm.toString(), "-o", wat.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException("wasm2wat failed (is wabt installed?)");
        text = Files.readAllBytes(wat);
        System.out.printf("%nbig.wat: %d bytes (%.3f MB); MB/s = %.3f / (ms/op / 1000)%n", text.length, text.length / 1e6, text.length / 1e6);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(wat);
        Files.deleteIfExists(dir.resolve("big.wasm"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public byte[] gatunWatParse() {
        return Wat.parse(text);
    }

    @Benchmark
    public int wat2wasmProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("wat2wasm", wat.toString(), "-o", "/dev/null").inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) throw new IOException("wat2wasm exited with " + rc);
        return rc;
    }
}
