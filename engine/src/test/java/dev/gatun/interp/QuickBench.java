package dev.gatun.interp;

import dev.gatun.Exports;
import dev.gatun.Imports;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.nio.file.Files;
import java.nio.file.Path;

/** A rough timing loop for profiling sessions (JMH in bench/ is the measurement of record). */
public final class QuickBench {
    /** Thread CPU time, through reflection: java.management is not read by the module under test. */
    static long cpu() throws Exception {
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        var m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        return (Long) m.invoke(mx);
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
