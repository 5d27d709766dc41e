package dev.gatun.bench.imaging;

import dev.gatun.imaging.Bundled;
import dev.gatun.imaging.FrameFormat;
import dev.gatun.imaging.FramePipeline;
import dev.gatun.imaging.RgbaImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * The frame pipeline as a stream filter: 64 frames per operation, each copied from a Java array into a
 * worker's linear memory (the source), blurred there by the wasm filter, and handed to a sink that only
 * touches it, on 1 or 2 worker threads. ops/s is frames/s; times the frame's pixels, megapixels/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipelineBenchmark {
    static final int FRAMES = 64;

    @Param({"1", "2"})
    public int threads;

    @Param({"grayscale", "blur"})
    public String filter;

    private RgbaImage picture;
    private FramePipeline pipeline;

    @Setup(Level.Trial)
    public void setup() {
        picture = Picture.load();
        FramePipeline.Builder b = FramePipeline.builder(Bundled.FILTERS.module(), filter,
                FrameFormat.rgba(picture.width(), picture.height())).threads(threads);
        if (filter.equals("blur")) b.args(FilterBenchmark.RADIUS);
        pipeline = b.build();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long stream() throws IOException {
        long[] touched = {0};
        MemorySegment src = picture.segment();
        pipeline.run((i, frame) -> {
            if (i >= FRAMES) return false;
            MemorySegment.copy(src, 0, frame, 0, frame.byteSize());
            return true;
        }, (i, frame) -> touched[0] += frame.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i));
        return touched[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() { pipeline.close(); }
}
