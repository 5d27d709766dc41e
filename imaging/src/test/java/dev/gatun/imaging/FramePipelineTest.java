package dev.gatun.imaging;

import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Tier;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePipelineTest {
    private static final FrameFormat SMALL = FrameFormat.rgba(32, 16);

    private static Module trapping() {
        return WebAssembly.compile(Fixtures.bytes("trapping_filter.wasm"), Tier.COMPILER);
    }

    /** Frame i: every byte (i * 7 + position) & 0xFF, except byte 0, which is 13 for the frames in {@code traps}. */
    private static FrameSource frames(int count, Set<Long> traps) {
        return (index, frame) -> {
            if (index >= count) return false;
            for (long b = 0; b < frame.byteSize(); b++) frame.set(ValueLayout.JAVA_BYTE, b, (byte) (index * 7 + b));
            frame.set(ValueLayout.JAVA_BYTE, 0, (byte) (traps.contains(index) ? 13 : 0));
            return true;
        };
    }

    private static byte expectedInverted(long index, long b) { return (byte) ~(b == 0 ? 0 : index * 7 + b); }

    @Test
    void everyFrameArrivesFilteredAndInOrderWithBoundedFramesInFlight() throws IOException {
        int threads = 3, slots = 2, count = 60;
        List<Long> order = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        Set<String> sinkThreads = ConcurrentHashMap.newKeySet();
        FrameSource source = frames(count, Set.of());
        try (FramePipeline p = FramePipeline.builder(trapping(), "filter", SMALL).threads(threads).slots(slots).build()) {
            FramePipeline.Result r = p.run((index, frame) -> {
                maxInFlight.accumulateAndGet(index - delivered.get(), Math::max);
                return source.read(index, frame);
            }, (index, frame) -> {
                order.add(index);
                for (long b = 0; b < frame.byteSize(); b++) {
                    if (frame.get(ValueLayout.JAVA_BYTE, b) != expectedInverted(index, b)) {
                        throw new AssertionError("frame " + index + " byte " + b + " was not filtered");
                    }
                }
                try {
                    Thread.sleep(1); // a slow sink, so the source runs into back-pressure
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                sinkThreads.add(Thread.currentThread().getName());
                delivered.incrementAndGet();
            });
            assertEquals(count, r.frames());
            assertTrue(r.fps() > 0);
        }
        assertEquals(count, order.size());
        for (int i = 0; i < count; i++) assertEquals(i, order.get(i));
        assertTrue(maxInFlight.get() <= threads * slots, "frames in flight: " + maxInFlight.get());
        assertTrue(maxInFlight.get() >= threads, "the source never got ahead of the sink: " + maxInFlight.get());
        assertEquals(Set.of("gatun-frame-writer"), sinkThreads);
    }

    @Test
    void aTrapNamesItsFrameDeliversTheOnesBeforeAndThePipelineRunsAgain() throws IOException {
        try (FramePipeline p = FramePipeline.builder(trapping(), "filter", SMALL).threads(2).build()) {
            List<Long> delivered = new ArrayList<>();
            FrameFailedException e = assertThrows(FrameFailedException.class,
                    () -> p.run(frames(40, Set.of(7L, 12L)), (index, frame) -> delivered.add(index)));
            assertEquals(7, e.frame());
            assertInstanceOf(RuntimeError.class, e.getCause());
            assertEquals(RuntimeError.Trap.UNREACHABLE, ((RuntimeError) e.getCause()).trap());
            assertTrue(e.getMessage().startsWith("frame 7: the filter trapped"), e.getMessage());
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), delivered);

            AtomicLong n = new AtomicLong();
            assertEquals(25, p.run(frames(25, Set.of()), (index, frame) -> assertEquals(n.getAndIncrement(), index)).frames());
        }
    }

    @Test
    void streamsInAndOutWithTheBundledFilterMatchTheSingleImageFilter() throws IOException {
        RgbaImage img = Fixtures.expectedPixels("mandelbrot.png.pam");
        int frames = 6;
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) in.writeBytes(img.pixels());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameFormat format = FrameFormat.rgba(img.width(), img.height());
        try (FramePipeline p = FramePipeline.builder(Bundled.FILTERS.module(), "blur", format).threads(2).args(3).build()) {
            assertEquals(frames, p.run(FrameSource.of(new ByteArrayInputStream(in.toByteArray())), FrameSink.of(out)).frames());
        }
        byte[] want = Fixtures.expectedPixels("mandelbrot.blur3.pam").pixels();
        byte[] got = out.toByteArray();
        assertEquals((long) frames * want.length, got.length);
        for (int i = 0; i < frames; i++) {
            assertArrayEquals(want, java.util.Arrays.copyOfRange(got, i * want.length, (i + 1) * want.length), "frame " + i);
        }
    }

    @Test
    void yuvFramesKeepTheirLumaAndLoseTheirChroma() throws IOException {
        FrameFormat yuv = FrameFormat.yuv420p(5, 3); // odd sizes: chroma planes of 3x2
        assertEquals(15 + 2 * 6, yuv.frameBytes());
        List<byte[]> out = new ArrayList<>();
        try (FramePipeline p = FramePipeline.builder(Bundled.FILTERS.module(), "yuv_grayscale", yuv).threads(2).build()) {
            p.run(frames(4, Set.of()), (index, frame) -> out.add(frame.toArray(ValueLayout.JAVA_BYTE)));
        }
        assertEquals(4, out.size());
        for (int i = 0; i < 4; i++) {
            for (int b = 1; b < 15; b++) assertEquals((byte) (i * 7 + b), out.get(i)[b], "luma byte " + b);
            for (int b = 15; b < 27; b++) assertEquals((byte) 128, out.get(i)[b], "chroma byte " + b);
        }
    }

    @Test
    void aStreamEndingInsideAFrameIsAnIoError() {
        byte[] partial = new byte[(int) SMALL.frameBytes() * 2 + 100];
        try (FramePipeline p = FramePipeline.builder(trapping(), "filter", SMALL).threads(2).build()) {
            List<Long> delivered = new ArrayList<>();
            EOFException e = assertThrows(EOFException.class,
                    () -> p.run(FrameSource.of(new ByteArrayInputStream(partial)), (index, frame) -> delivered.add(index)));
            assertTrue(e.getMessage().contains("inside frame 2"), e.getMessage());
        }
    }

    @Test
    void aFailingSinkEndsTheRunInsteadOfHangingIt() {
        try (FramePipeline p = FramePipeline.builder(trapping(), "filter", SMALL).threads(2).slots(1).build()) {
            for (Throwable failure : new Throwable[] {new IOException("disk full"), new IllegalStateException("bug"), new AssertionError("error")}) {
                Throwable thrown = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertThrows(Throwable.class,
                        () -> p.run(frames(1000, Set.of()), (index, frame) -> {
                            if (index == 3) {
                                if (failure instanceof IOException e) throw e;
                                if (failure instanceof RuntimeException e) throw e;
                                throw (Error) failure;
                            }
                        })));
                assertEquals(failure, thrown);
            }
        }
    }

    @Test
    void aModuleWithoutTheFilterIsRejectedWhenBuilt() {
        ImagingException e = assertThrows(ImagingException.class,
                () -> FramePipeline.builder(trapping(), "sharpen", SMALL).threads(1).build());
        assertTrue(e.getMessage().contains("exports no function 'sharpen'"), e.getMessage());
    }
}
