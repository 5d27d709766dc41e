package dev.gatun.bench.simd;

import dev.gatun.vector.ShufflePlan;
import dev.gatun.vector.F32x4;
import dev.gatun.vector.I16x8;
import dev.gatun.vector.I32x4;
import dev.gatun.vector.I8x16;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Representative SIMD kernels run over a register file the way the interpreter calls them: absolute
 * register indexes that change from one call to the next. Each invocation runs {@link #OPS} kernel
 * calls; scores and {@code -prof gc}'s gc.alloc.rate.norm are per kernel call (expect 0 B/op).
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Simd -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SimdKernelBench {
    static final int OPS = 256;

    /** 16 v128 registers: sources in slots 0..15, destinations in 16..31. */
    long[] regs;
    ShufflePlan shuffle;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(42);
        regs = new long[32];
        for (int i = 0; i < 16; i++) {
            // i32/f32 lanes that are ordinary finite floats and mixed-sign ints
            long lo = Float.floatToRawIntBits((float) (r.nextDouble() * 2000 - 1000)) & 0xFFFF_FFFFL;
            long hi = Float.floatToRawIntBits((float) (r.nextDouble() * 2000 - 1000)) & 0xFFFF_FFFFL;
            regs[i] = lo | (hi << 32);
        }
        // swizzle indexes in register 6 (slots 12/13): mostly in range, some out
        regs[12] = 0x0F03_1007_0001_0209L;
        regs[13] = 0x0004_0A0B_FF05_0C0DL;
        byte[] lanes = {0, 17, 2, 19, 4, 21, 6, 23, 31, 9, 30, 11, 12, 28, 14, 16};
        shuffle = I8x16.shufflePlan(lanes);
    }

    private static int dst(int i) {
        return 16 + ((i & 7) << 1);
    }

    private static int a(int i) {
        return (i & 7) << 1;
    }

    private static int b(int i) {
        return ((i + 3) & 7) << 1;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i8x16_add() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) I8x16.i8x16_add(r, dst(i), a(i), b(i));
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i16x8_mul() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) I16x8.i16x8_mul(r, dst(i), a(i), b(i));
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long f32x4_mul() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) F32x4.f32x4_mul(r, dst(i), a(i), b(i));
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i8x16_shuffle() {
        long[] r = regs;
        ShufflePlan p = shuffle;
        for (int i = 0; i < OPS; i++) I8x16.i8x16_shuffle(r, dst(i), a(i), b(i), p);
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i8x16_swizzle() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) I8x16.i8x16_swizzle(r, dst(i), a(i), 12);
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i16x8_narrow_i32x4_u() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) I16x8.i16x8_narrow_i32x4_u(r, dst(i), a(i), b(i));
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long i32x4_dot_i16x8_s() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) I32x4.i32x4_dot_i16x8_s(r, dst(i), a(i), b(i));
        return r[16];
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long f32x4_nearest() {
        long[] r = regs;
        for (int i = 0; i < OPS; i++) F32x4.f32x4_nearest(r, dst(i), a(i));
        return r[16];
    }
}
