package dev.gatun.bench.decode;

import dev.gatun.WebAssembly;
import dev.gatun.binary.ModuleDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import java.util.concurrent.TimeUnit;

/**
 * Decode + validate throughput on a large clang-built module (bench/src/main/c/decode, about 1 MB of
 * code): Gatun's {@code WebAssembly.compile} against Endive's {@code Parser.parse}, which validates by
 * default. Throughput in MB/s = ops/s * module size (printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xss16m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DecodeBenchmark {
    @Param({"big.wasm"})
    public String module;

    private byte[] bytes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        try (InputStream in = DecodeBenchmark.class.getResourceAsStream("/decode/" + module)) {
            if (in == null) throw new IOException("missing resource /decode/" + module + " (run bench/src/main/c/decode/build.sh)");
            bytes = in.readAllBytes();
        }
        System.out.printf("%n%s: %d bytes (%.3f MB); MB/s = ops/s * %.3f%n", module, bytes.length, bytes.length / 1e6, bytes.length / 1e6);
    }

    /** Decode and validate: what WebAssembly.compile does. */
    @Benchmark
    public Object gatunCompile() {
        return WebAssembly.compile(bytes);
    }

    /** Decode and validate from a stream, section by section. */
    @Benchmark
    public Object gatunCompileStreaming() {
        return WebAssembly.compileStreaming(new java.io.ByteArrayInputStream(bytes));
    }

    /** Decoding alone (structural checks of every body included, type checking not). */
    @Benchmark
    public Object gatunDecodeOnly() {
        return ModuleDecoder.decode(bytes);
    }

    /** Endive's parser with its default validation. */
    @Benchmark
    public Object endiveParse() {
        return run.endive.wasm.Parser.parse(bytes);
    }
}
