package dev.gatun.bench.simd;

import dev.gatun.model.Feature;
import dev.gatun.model.Instruction;
import dev.gatun.vector.I8x16;
import dev.gatun.vector.Kernels;
import dev.gatun.vector.ShufflePlan;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Allocation check for every SIMD kernel, called NOT inlined (through a non-constant MethodHandle), so
 * each kernel is compiled on its own: warm up, then measure the bytes the thread allocates over many
 * calls with com.sun.management.ThreadMXBean. Complements SimdKernelBench (-prof gc), which measures
 * the inlined case for a few kernels. Also prints a rough ns per (not inlined) call: a kernel whose Vector
 * API intrinsic failed shows up as tens to hundreds of ns.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.gatun.bench.simd.SimdAllocCheck</pre>
 */
public final class SimdAllocCheck {
    static final int WARM = Integer.getInteger("warm", 60_000);
    static final int MEASURE = Integer.getInteger("measure", 50_000);
    static final int ROUNDS = Integer.getInteger("rounds", 30);

    public static void main(String[] args) throws Throwable {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] regs = new long[32];
        for (int i = 0; i < regs.length; i++) regs[i] = 0x3F80_0000_4000_0000L + i;
        ShufflePlan plan = I8x16.shufflePlan(new byte[] {0, 17, 2, 19, 4, 21, 6, 23, 31, 9, 30, 11, 12, 28, 14, 16});
        Map<String, Double> result = new TreeMap<>();
        Map<String, Double> time = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mem = arena.allocate(256);
            for (Instruction in : Instruction.values()) {
                if (in.feature != Feature.SIMD || in == Instruction.V128_CONST) continue;
                String name = in.text.replace('.', '_');
                Method m = find(name);
                MethodHandle mh = MethodHandles.lookup().unreflect(m);
                Runnable run = caller(mh, m.getParameterTypes(), regs, mem, plan);
                for (int i = 0; i < WARM; i++) run.run();
                // C2 compiles in the background: measure rounds until one is clean (steady state) or give up
                double perOp = Double.NaN;
                for (int round = 0; round < ROUNDS && !(perOp == 0); round++) {
                    long before = mx.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < MEASURE; i++) run.run();
                    perOp = (double) (mx.getCurrentThreadAllocatedBytes() - before) / MEASURE;
                    if (perOp != 0) Thread.sleep(20);
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < MEASURE; i++) run.run();
                double ns = (double) (System.nanoTime() - t0) / MEASURE;
                time.put(in.text, ns);
                result.put(in.text, perOp);
                if (perOp > 0.5) failed.add(in.text + "=" + perOp + " B/op");
            }
        }
        result.forEach((k, v) -> System.out.printf("%-32s %8.3f B/op %8.1f ns/call (not inlined)%n", k, v, time.get(k)));
        System.out.println(failed.isEmpty() ? "ALL " + result.size() + " kernels allocation-free"
                : "ALLOCATING: " + failed);
    }

    static Method find(String name) {
        for (Method m : Kernels.owner(name).getMethods()) {
            if (m.getName().equals(name)) return m;
        }
        throw new IllegalStateException(name);
    }

    /** A call of the kernel with fixed, valid operands; the handle is not constant, so nothing inlines. */
    static Runnable caller(MethodHandle mh, Class<?>[] p, long[] regs, MemorySegment mem, ShufflePlan plan) {
        String sig = MethodType.methodType(void.class, p).toMethodDescriptorString();
        return switch (sig) {
            case "([JII)V" -> () -> { try { mh.invokeExact(regs, 16, 2); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JIII)V" -> () -> { try { mh.invokeExact(regs, 16, 2, 1); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JIIII)V" -> () -> { try { mh.invokeExact(regs, 16, 2, 6, 1); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JIIILdev/gatun/vector/ShufflePlan;)V" -> () -> { try { mh.invokeExact(regs, 16, 2, 6, plan); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JILjava/lang/foreign/MemorySegment;J)V" -> () -> { try { mh.invokeExact(regs, 16, mem, 40L); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JIILjava/lang/foreign/MemorySegment;JI)V" ->
                () -> { try { mh.invokeExact(regs, 16, 2, mem, 40L, 1); } catch (Throwable t) { throw new RuntimeException(t); } };
            case "([JILjava/lang/foreign/MemorySegment;JI)V" -> () -> { try { mh.invokeExact(regs, 16, mem, 40L, 1); } catch (Throwable t) { throw new RuntimeException(t); } };
            default -> throw new IllegalStateException("unexpected kernel signature " + sig);
        };
    }

    private SimdAllocCheck() {}
}
