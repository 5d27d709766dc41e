package dev.gatun.vector;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a kernel against a scalar reference over many random, edge-biased inputs placed at random
 * register indexes (with dst aliasing an operand some of the time), checks the result and that no
 * other register changed.
 */
final class Harness {
    static final int N = Integer.getInteger("gatun.simd.iterations", 12_000);
    static final Set<String> TESTED = ConcurrentHashMap.newKeySet();

    interface K1 { void run(long[] regs, int dst, int a); }
    interface K2 { void run(long[] regs, int dst, int a, int b); }
    interface K3 { void run(long[] regs, int dst, int a, int b, int c); }
    interface R1 { V ref(V a); }
    interface R2 { V ref(V a, V b); }
    interface R3 { V ref(V a, V b, V c); }
    interface Gen { V gen(SplittableRandom r); }

    /** How result lanes compare: exactly, or as f32/f64 lanes with the Wasm NaN rules. */
    enum Cmp { EXACT, F32, F64 }

    static final int CANON32 = 0x7FC0_0000;
    static final long CANON64 = 0x7FF8_0000_0000_0000L;
    /** Expected-lane marker meaning "any arithmetic NaN" (quiet bit set, any payload, any sign). */
    static final int ARITH32 = 0x7FC0_0001;
    static final long ARITH64 = 0x7FF8_0000_0000_0001L;

    /** Wasm nans{z*} for f32: canonical if every NaN input is canonical, else any arithmetic NaN. */
    static float nans32(float... in) {
        for (float f : in) {
            if (f != f && (Float.floatToRawIntBits(f) & 0x7FFF_FFFF) != CANON32) return Float.intBitsToFloat(ARITH32);
        }
        return Float.intBitsToFloat(CANON32);
    }

    static double nans64(double... in) {
        for (double d : in) {
            if (d != d && (Double.doubleToRawLongBits(d) & Long.MAX_VALUE) != CANON64) {
                return Double.longBitsToDouble(ARITH64);
            }
        }
        return Double.longBitsToDouble(CANON64);
    }

    static Gen gen(int width, boolean fp) {
        return r -> V.random(r, width, fp);
    }

    private static long seed(String name) {
        return name.hashCode() * 0x9E37_79B9_7F4A_7C15L;
    }

    static void un(String name, K1 k, Gen g, Cmp cmp, R1 ref) {
        SplittableRandom r = new SplittableRandom(seed(name));
        for (int n = 0; n < N; n++) {
            V a = g.gen(r);
            long[] regs = garbage(r);
            int ra = r.nextInt(15), rd = r.nextInt(4) == 0 ? ra : r.nextInt(15);
            put(regs, ra, a);
            long[] before = regs.clone();
            k.run(regs, rd, ra);
            check(name, cmp, ref.ref(a), regs, before, rd, "a=" + a);
        }
        TESTED.add(name);
    }

    static void bin(String name, K2 k, Gen g, Cmp cmp, R2 ref) {
        bin(name, k, g, g, cmp, ref);
    }

    static void bin(String name, K2 k, Gen ga, Gen gb, Cmp cmp, R2 ref) {
        SplittableRandom r = new SplittableRandom(seed(name));
        for (int n = 0; n < N; n++) {
            V a = ga.gen(r), b = n % 16 == 0 ? a : gb.gen(r);
            long[] regs = garbage(r);
            int ra = r.nextInt(15), rb = r.nextInt(15);
            if (rb == ra || rb == ra + 1 || rb + 1 == ra) {
                rb = ra;
                b = a;
            }
            int rd = switch (r.nextInt(4)) {
                case 0 -> ra;
                case 1 -> rb;
                default -> r.nextInt(15);
            };
            put(regs, ra, a);
            put(regs, rb, b);
            long[] before = regs.clone();
            k.run(regs, rd, ra, rb);
            check(name, cmp, ref.ref(a, b), regs, before, rd, "a=" + a + " b=" + b);
        }
        TESTED.add(name);
    }

    static void ter(String name, K3 k, Gen g, R3 ref) {
        SplittableRandom r = new SplittableRandom(seed(name));
        for (int n = 0; n < N; n++) {
            V a = g.gen(r), b = g.gen(r), c = g.gen(r);
            long[] regs = new long[8];
            int ra = 0, rb = 2, rc = 4, rd = r.nextInt(4) * 2;
            put(regs, ra, a);
            put(regs, rb, b);
            put(regs, rc, c);
            long[] before = regs.clone();
            k.run(regs, rd, ra, rb, rc);
            check(name, Cmp.EXACT, ref.ref(a, b, c), regs, before, rd, "a=" + a + " b=" + b + " c=" + c);
        }
        TESTED.add(name);
    }

    /** Kernel writing a scalar to regs[dst] from one v128: the reference gives the expected long. */
    interface RS { long ref(V a); }

    static void reduce(String name, K1 k, Gen g, RS ref) {
        SplittableRandom r = new SplittableRandom(seed(name));
        for (int n = 0; n < N; n++) {
            V a = g.gen(r);
            long[] regs = garbage(r);
            int ra = r.nextInt(15), rd = r.nextInt(4) == 0 ? ra : r.nextInt(16);
            put(regs, ra, a);
            long[] before = regs.clone();
            k.run(regs, rd, ra);
            long want = ref.ref(a);
            if (regs[rd] != want) fail(name + ": a=" + a + " want " + want + " got " + regs[rd]);
            for (int i = 0; i < regs.length; i++) {
                if (i != rd && regs[i] != before[i]) fail(name + ": clobbered register " + i);
            }
        }
        TESTED.add(name);
    }

    static long[] garbage(SplittableRandom r) {
        long[] regs = new long[16];
        for (int i = 0; i < regs.length; i++) regs[i] = r.nextLong();
        return regs;
    }

    static void put(long[] regs, int at, V v) {
        regs[at] = v.lo();
        regs[at + 1] = v.hi();
    }

    static void check(String name, Cmp cmp, V want, long[] regs, long[] before, int rd, String inputs) {
        V got = new V(regs[rd], regs[rd + 1]);
        if (!matches(cmp, want, got)) {
            fail(name + ": " + inputs + " want " + want + " got " + got);
        }
        for (int i = 0; i < regs.length; i++) {
            if (i != rd && i != rd + 1 && regs[i] != before[i]) fail(name + ": clobbered register " + i);
        }
    }

    static boolean matches(Cmp cmp, V want, V got) {
        switch (cmp) {
            case EXACT:
                return want.equals(got);
            case F32:
                for (int i = 0; i < 4; i++) {
                    if (!f32Matches(want.i32(i), got.i32(i))) return false;
                }
                return true;
            default:
                for (int i = 0; i < 2; i++) {
                    if (!f64Matches(want.i64(i), got.i64(i))) return false;
                }
                return true;
        }
    }

    static boolean f32Matches(int want, int got) {
        if ((want & 0x7FFF_FFFF) > 0x7F80_0000) {
            if ((got & 0x7FFF_FFFF) <= 0x7F80_0000) return false;
            if ((want & 0x7FFF_FFFF) == CANON32) return (got & 0x7FFF_FFFF) == CANON32;
            return (got & 0x0040_0000) != 0;
        }
        return want == got;
    }

    static boolean f64Matches(long want, long got) {
        if ((want & Long.MAX_VALUE) > 0x7FF0_0000_0000_0000L) {
            if ((got & Long.MAX_VALUE) <= 0x7FF0_0000_0000_0000L) return false;
            if ((want & Long.MAX_VALUE) == CANON64) return (got & Long.MAX_VALUE) == CANON64;
            return (got & 0x0008_0000_0000_0000L) != 0;
        }
        return want == got;
    }

    private Harness() {}
}
