package dev.gatun.bench.tools;

import dev.gatun.Exports;
import dev.gatun.Imports;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rough timing loop for profiling sessions: {@code QuickBench file.wasm export arg reps} (the JMH benchmarks
 * are the measurement of record).
 */
public final class QuickBench {
    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        Exports x = WebAssembly.instantiate(WebAssembly.compile(Files.readAllBytes(Path.of(args[0]))), Imports.empty()).exports();
        String fn = args[1];
        int arg = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        if (fn.equals("pixels_run")) x.function("pixels_setup").call(Value.i32(64));
        for (int r = 0; r < reps; r++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            Value v = x.function(fn).call(Value.i32(arg))[0];
            System.out.printf("%s(%d) = %s  %.1f ms wall, %.1f ms cpu%n", fn, arg, v, (System.nanoTime() - t0) / 1e6,
                    (cpu() - c0) / 1e6);
        }
    }
}
