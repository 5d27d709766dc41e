import dev.gatun.Exports;
import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Threads the way Node runs them (no WASI thread-spawn): the host makes one shared memory, instantiates
 * parallel_blur.wasm once per Java thread over it, and every thread calls job_work; the main thread waits
 * in the module's job_wait (memory.atomic.wait32) until the last worker notifies.
 *
 * <p>Usage: ParallelBlur WASM IN.ppm OUT.ppm [THREADS]
 */
public final class ParallelBlur {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ParallelBlur WASM IN.ppm OUT.ppm [THREADS]");
            System.exit(2);
        }
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Module module = WebAssembly.compile(Files.readAllBytes(Path.of(args[0])));
        byte[] ppm = Files.readAllBytes(Path.of(args[1]));
        int[] header = ppmHeader(ppm);
        int w = header[0], h = header[1], at = header[2];

        try (Memory mem = new Memory(MemoryType.shared(260, 512))) {
            Imports imports = Imports.builder().add("env", "memory", mem).build();
            Instance[] workers = new Instance[threads];
            for (int i = 0; i < threads; i++) workers[i] = WebAssembly.instantiate(module, imports);
            Exports e = workers[0].exports();
            int src = i32(e.function("src_buffer").call()), dst = i32(e.function("dst_buffer").call());
            byte[] rgba = new byte[w * h * 4];
            for (int p = 0; p < w * h; p++) {
                System.arraycopy(ppm, at + 3 * p, rgba, 4 * p, 3);
                rgba[4 * p + 3] = (byte) 255;
            }
            mem.write(src, rgba);
            if (i32(e.function("job_begin").call(Value.i32(w), Value.i32(h), Value.i32(8))) != 1)
                throw new IllegalArgumentException(w + "x" + h + " is larger than the kernel's 1920x1080 buffers");
            long t0 = System.nanoTime();
            Thread[] ts = new Thread[threads];
            int[] rows = new int[threads];
            for (int i = 0; i < threads; i++) {
                Function work = workers[i].exports().function("job_work");
                int id = i;
                ts[i] = Thread.ofPlatform().start(() -> rows[id] = i32(work.call(Value.i32(id))));
            }
            i32(e.function("job_wait").call());
            for (Thread t : ts) t.join();
            long us = (System.nanoTime() - t0) / 1000;
            byte[] out = mem.read(dst, w * h * 4);
            ByteArrayOutputStream ppmOut = new ByteArrayOutputStream();
            ppmOut.writeBytes(("P6\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            for (int p = 0; p < w * h; p++) ppmOut.write(out, 4 * p, 3);
            Files.write(Path.of(args[2]), ppmOut.toByteArray());
            StringBuilder split = new StringBuilder();
            for (int r : rows) split.append(split.isEmpty() ? "" : "+").append(r);
            System.out.println("parallel_blur: " + w + "x" + h + " on " + threads + " threads (rows " + split + ") in "
                    + us + " us -> " + args[2]);
        }
    }

    private static int i32(Value[] v) { return ((Value.I32) v[0]).value(); }

    /** Width, height and the offset of the pixels of a binary PPM (P6, maxval 255, no comments). */
    private static int[] ppmHeader(byte[] b) throws IOException {
        int[] f = new int[4];
        int at = 0;
        for (int k = 0; k < 4; k++) {
            while (at < b.length && Character.isWhitespace(b[at])) at++;
            int start = at;
            while (at < b.length && !Character.isWhitespace(b[at])) at++;
            String tok = new String(b, start, at - start, StandardCharsets.US_ASCII);
            if (k == 0) {
                if (!tok.equals("P6")) throw new IOException("not a binary PPM (P6)");
            } else {
                f[k - 1] = Integer.parseInt(tok);
            }
        }
        if (f[2] != 255) throw new IOException("only maxval 255 is supported");
        return new int[] {f[0], f[1], at + 1};
    }
}
