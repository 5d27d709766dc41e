package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * examples/threads/parallel_blur.wasm (C, atomics, shared imported memory) driven from Java threads over one
 * frame: the blurred frame and histogram must equal a single-thread run and a Java reference, in both tiers.
 */
class ParallelKernelTest {
    static final int W = 256, H = 123, BAND = 8;

    static byte[] frame() {
        byte[] px = new byte[W * H * 4];
        Random rnd = new Random(15);
        for (int i = 0; i < px.length; i++) px[i] = (byte) ((i % 4 == 0 ? i / 7 : rnd.nextInt(256)));
        return px;
    }

    record Result(byte[] pixels, int[] histogram, int[] rowsPerWorker) {}

    static Result run(Tier tier, byte[] frame, int workers) throws Exception {
        Module m = WebAssembly.compile(Files.readAllBytes(Path.of("../examples/threads/parallel_blur.wasm")), tier);
        Memory mem = new Memory(MemoryType.shared(260, 512));
        Imports imports = Imports.builder().add("env", "memory", mem).build();
        Instance[] insts = new Instance[workers];
        for (int i = 0; i < workers; i++) insts[i] = WebAssembly.instantiate(m, imports);
        Exports e = insts[0].exports();
        int src = i32(e.function("src_buffer").call()), dst = i32(e.function("dst_buffer").call());
        mem.write(src, frame);
        assertEquals(1, i32(e.function("job_begin").call(Value.i32(W), Value.i32(H), Value.i32(BAND))));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        int[] rows = new int[workers];
        try {
            List<Future<Value[]>> fs = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Function work = insts[i].exports().function("job_work");
                Value id = Value.i32(i);
                fs.add(pool.submit(() -> work.call(id)));
            }
            // The coordinator blocks in memory.atomic.wait32 until the last worker's notify.
            assertEquals(H, i32(e.function("job_wait").call()));
            for (int i = 0; i < workers; i++) rows[i] = i32(fs.get(i).get());
        } finally {
            pool.shutdownNow();
        }
        int hist = i32(e.function("histogram").call());
        int[] h = new int[256];
        for (int i = 0; i < 256; i++) h[i] = mem.readInt(hist + 4L * i);
        return new Result(mem.read(dst, W * H * 4), h, rows);
    }

    private static int i32(Value[] v) { return ((Value.I32) v[0]).value(); }

    /** The kernel's 1-2-1 blur with clamped edges, alpha copied, in plain Java. */
    static byte[] reference(byte[] in) {
        byte[] out = new byte[in.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int k = 0; k < 4; k++) {
                    int at = (y * W + x) * 4 + k;
                    if (k == 3) {
                        out[at] = in[at];
                        continue;
                    }
                    int s = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = Math.clamp(y + dy, 0, H - 1), xx = Math.clamp(x + dx, 0, W - 1);
                            s += (in[(yy * W + xx) * 4 + k] & 0xFF) * (2 - Math.abs(dx)) * (2 - Math.abs(dy));
                        }
                    }
                    out[at] = (byte) ((s + 8) >> 4);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void fourThreadsProduceTheSingleThreadFrame(Tier tier) throws Exception {
        byte[] frame = frame();
        Result one = run(tier, frame, 1);
        Result four = run(tier, frame, 4);
        assertArrayEquals(reference(frame), one.pixels());
        assertArrayEquals(one.pixels(), four.pixels());
        assertArrayEquals(one.histogram(), four.histogram());
        assertEquals(W * H, java.util.Arrays.stream(four.histogram()).sum());
        assertEquals(H, one.rowsPerWorker()[0]);
        assertEquals(H, java.util.Arrays.stream(four.rowsPerWorker()).sum());
    }
}
