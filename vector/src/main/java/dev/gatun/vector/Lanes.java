package dev.gatun.vector;

import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
import static dev.gatun.vector.I16x8.*;
import static dev.gatun.vector.I32x4.*;
import static dev.gatun.vector.I64x2.*;
import static dev.gatun.vector.F32x4.*;
import static dev.gatun.vector.F64x2.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** What the kernels of several lane shapes share: species, little-endian layouts, lane access, NaN and rounding helpers. */
final class Lanes {
    private Lanes() {}

    static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    static final VectorSpecies<Integer> I = IntVector.SPECIES_128;
    static final VectorSpecies<Long> L = LongVector.SPECIES_128;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_128;

    static final ValueLayout.OfShort LE_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static final ValueLayout.OfInt LE_INT =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static final long SPLAT8 = 0x0101_0101_0101_0101L;
    static final long SPLAT16 = 0x0001_0001_0001_0001L;
    static final long SPLAT32 = 0x0000_0001_0000_0001L;
    static final int F32_QUIET = 0x0040_0000;
    static final long F64_QUIET = 0x0008_0000_0000_0000L;
    static final long CANON64 = 0x7FF8_0000_0000_0000L;

    static void put8(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 7) << 3;
        long m = 0xFFL << sh;
        long x = (v & 0xFFL) << sh;
        if (lane < 8) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    static void put16(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 3) << 4;
        long m = 0xFFFFL << sh;
        long x = (v & 0xFFFFL) << sh;
        if (lane < 4) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    static void put32(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 1) << 5;
        long m = 0xFFFF_FFFFL << sh;
        long x = (v & 0xFFFF_FFFFL) << sh;
        if (lane < 2) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    static void put64(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        if (lane == 0) {
            lo = v;
        } else {
            hi = v;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /**
     * ceil (mode 0), floor (1), trunc (2) on f32 lanes, in the magnitude domain: with m = |x| &lt; 2^23,
     * r = (m + 2^23) - 2^23 is m rounded to an integer, fl = r - (r &gt; m) = floor(m) = trunc(m) and
     * ce = r + (r &lt; m) = ceil(m). Then floor(x) = fl or -ce, ceil(x) = ce or -fl by the sign of x, and
     * the sign is put back (so zero results keep the sign of x, as IEEE roundToIntegral does). Larger
     * magnitudes, infinities and NaN are already integral: kept, NaN quieted. {@code mode} is a constant
     * at every call site, so C2 folds the selects. Vectors stay inside this method (it is inlined into
     * the three kernels).
     */
    static void f32x4Round(long[] regs, int dst, int a, int mode) {
        IntVector bits = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector mag = bits.lanewise(VectorOperators.AND, 0x7FFF_FFFF);
        IntVector sign = bits.lanewise(VectorOperators.AND, 0x8000_0000);
        FloatVector m = mag.reinterpretAsFloats();
        FloatVector r = m.add(0x1p23f).sub(0x1p23f);
        FloatVector fl = r.sub(1f, r.compare(VectorOperators.GT, m));
        IntVector res;
        if (mode == 2) {
            res = fl.reinterpretAsInts();
        } else {
            FloatVector ce = r.add(1f, r.compare(VectorOperators.LT, m));
            VectorMask<Integer> neg = bits.compare(VectorOperators.LT, 0);
            IntVector up = ce.reinterpretAsInts(), down = fl.reinterpretAsInts();
            res = mode == 0 ? up.blend(down, neg) : down.blend(up, neg);
        }
        res = res.or(sign);
        VectorMask<Integer> small = mag.compare(VectorOperators.LT, 0x4B00_0000); // |x| < 2^23
        VectorMask<Integer> nan = mag.compare(VectorOperators.GT, 0x7F80_0000);
        bits.blend(bits.or(F32_QUIET), nan).blend(res, small).reinterpretAsLongs().intoArray(regs, dst);
    }

    static long pack(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    /** mode 0 ceil, 1 floor, 2 trunc, 3 nearest; NaN quieted. */
    static long round64(long bits, int mode) {
        double d = Double.longBitsToDouble(bits);
        if (d != d) {
            return bits | F64_QUIET;
        }
        double r = switch (mode) {
            case 0 -> Math.ceil(d);
            case 1 -> Math.floor(d);
            case 2 -> d < 0 ? Math.ceil(d) : Math.floor(d);
            default -> Math.rint(d);
        };
        return Double.doubleToRawLongBits(r);
    }

    static int truncSatU32(double d) {
        if (!(d > -1.0)) {
            return 0; // NaN, or truncates below zero
        }
        long v = (long) d; // saturates at Long.MAX_VALUE
        return v >= 0xFFFF_FFFFL ? -1 : (int) v;
    }

    static long fmin64(long xb, long yb) {
        double x = Double.longBitsToDouble(xb), y = Double.longBitsToDouble(yb);
        return x != x || y != y ? CANON64 : Double.doubleToRawLongBits(Math.min(x, y));
    }

    static long fmax64(long xb, long yb) {
        double x = Double.longBitsToDouble(xb), y = Double.longBitsToDouble(yb);
        return x != x || y != y ? CANON64 : Double.doubleToRawLongBits(Math.max(x, y));
    }

    static int demote(long bits) {
        double d = Double.longBitsToDouble(bits);
        int r = Float.floatToRawIntBits((float) d);
        return d != d ? r | F32_QUIET : r;
    }

    static long promote(int bits) {
        float f = Float.intBitsToFloat(bits);
        long r = Double.doubleToRawLongBits(f);
        return f != f ? r | F64_QUIET : r;
    }
}
