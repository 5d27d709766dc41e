package dev.gatun.bench.imaging;

import dev.gatun.imaging.ImageCodec;
import dev.gatun.imaging.RgbaImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Decode and encode of the benchmark picture by each wasm codec against the same C native through FFM. Both
 * sides do the same copies: the input into the codec's memory, the output out into a new array. Setup checks
 * that wasm and native produce identical bytes. JPEG at quality 90.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    @Param({"png", "jpeg", "qoi"})
    public String codec;

    @Param({"wasm", "native"})
    public String impl;

    private RgbaImage picture;
    private byte[] encoded;
    private ImageCodec wasm;
    private NativeImaging nat;

    @Setup(Level.Trial)
    public void setup() throws Throwable {
        picture = Picture.load();
        wasm = switch (codec) {
            case "png" -> ImageCodec.png();
            case "jpeg" -> ImageCodec.jpeg();
            default -> ImageCodec.qoi();
        };
        nat = NativeImaging.codec(codec);
        encoded = nat.encode(picture.pixels(), picture.width(), picture.height(), 90);
        if (!Arrays.equals(encoded, wasm.encode(picture, 90))) throw new IllegalStateException(codec + ": wasm and native encode differ");
        if (!Arrays.equals(nat.decode(encoded), wasm.decode(encoded).pixels())) {
            throw new IllegalStateException(codec + ": wasm and native decode differ");
        }
    }

    @Benchmark
    public byte[] decode() throws Throwable {
        return impl.equals("wasm") ? wasm.decode(encoded).pixels() : nat.decode(encoded);
    }

    @Benchmark
    public byte[] encode() throws Throwable {
        return impl.equals("wasm") ? wasm.encode(picture, 90) : nat.encode(picture.pixels(), picture.width(), picture.height(), 90);
    }

    @TearDown(Level.Trial)
    public void tearDown() { wasm.close(); }
}
