package dev.gatun.bench.imaging;

import dev.gatun.imaging.ImageFilter;
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

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One RGBA frame filtered in place per operation, by the wasm filter (one instance per JMH thread, the frame
 * in its linear memory), the same C native through FFM (the frame in native memory), and the Java version
 * (the frame in a byte[]). Run with -t 1 and -t 2: each thread filters its own frame, so ops/s over all
 * threads times the frame's pixels is the megapixels/s of that many cores. Setup checks that the three give
 * the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilterBenchmark {
    @Param({"wasm", "native", "java"})
    public String impl;

    @Param({"grayscale", "blur"})
    public String filter;

    /** blur's radius (the other filters take no argument). */
    static final int RADIUS = 4;

    private RgbaImage picture;
    private ImageFilter wasm;
    private NativeImaging nat;
    private MemorySegment nativeFrame;
    private Arena arena;
    private byte[] javaFrame;
    private int w, h;

    @Setup(Level.Trial)
    public void setup() throws Throwable {
        picture = Picture.load();
        w = picture.width();
        h = picture.height();
        byte[] reference = wasmOnce(picture.pixels().clone());
        switch (impl) {
            case "wasm" -> {
                wasm = ImageFilter.bundled();
                MemorySegment.copy(picture.segment(), 0, wasm.buffer(picture.pixels().length), 0, picture.pixels().length);
            }
            case "native" -> {
                nat = NativeImaging.filters(filter);
                arena = Arena.ofShared();
                nativeFrame = arena.allocate(picture.pixels().length, 64);
                MemorySegment.copy(picture.segment(), 0, nativeFrame, 0, picture.pixels().length);
                nat.filter(nativeFrame, w, h, w * 4, RADIUS, filter.equals("blur"));
                check(reference, nativeFrame.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            }
            case "java" -> {
                javaFrame = picture.pixels().clone();
                java();
                check(reference, javaFrame);
            }
            default -> throw new IllegalArgumentException(impl);
        }
    }

    private byte[] wasmOnce(byte[] px) {
        try (ImageFilter f = ImageFilter.bundled()) {
            RgbaImage img = new RgbaImage(w, h, px);
            if (filter.equals("blur")) f.apply(filter, img, RADIUS);
            else f.apply(filter, img);
            return px;
        }
    }

    private void check(byte[] want, byte[] got) {
        if (!Arrays.equals(want, got)) throw new IllegalStateException(impl + " " + filter + " differs from the wasm build");
    }

    @Benchmark
    public void frame() throws Throwable {
        switch (impl) {
            case "wasm" -> {
                if (filter.equals("blur")) wasm.applyInPlace(filter, w, h, w * 4, RADIUS);
                else wasm.applyInPlace(filter, w, h, w * 4);
            }
            case "native" -> nat.filter(nativeFrame, w, h, w * 4, RADIUS, filter.equals("blur"));
            default -> java();
        }
    }

    private void java() {
        if (filter.equals("blur")) JavaFilters.blur(javaFrame, w, h, w * 4, RADIUS);
        else JavaFilters.grayscale(javaFrame, w, h, w * 4);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (wasm != null) wasm.close();
        if (arena != null) arena.close();
    }
}
