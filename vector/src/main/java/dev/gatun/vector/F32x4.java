package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
import static dev.gatun.vector.I16x8.*;
import static dev.gatun.vector.I32x4.*;
import static dev.gatun.vector.I64x2.*;
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

/** Kernels of the f32x4 instructions (four f32 lanes). */
public final class F32x4 {
    private F32x4() {}

    /** f32x4.splat (raw bits, NaN payloads kept). */
    public static void f32x4_splat(long[] regs, int dst, int a) {
        i32x4_splat(regs, dst, a);
    }

    /** f32x4.extract_lane, lane 0..3 (raw bits, NaN payloads kept). */
    public static void f32x4_extract_lane(long[] regs, int dst, int a, int lane) {
        i32x4_extract_lane(regs, dst, a, lane);
    }

    /** f32x4.replace_lane (raw bits). */
    public static void f32x4_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put32(regs, dst, a, regs[b], lane);
    }

    /** f32x4.add: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_add(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.sub: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_sub(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.mul: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_mul(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.div: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_div(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.DIV, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.sqrt: IEEE 754 square root. */
    public static void f32x4_sqrt(long[] regs, int dst, int a) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        x.lanewise(VectorOperators.SQRT).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.eq: all-ones lanes where the comparison holds. */
    public static void f32x4_eq(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.EQ, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.ne: all-ones lanes where the comparison holds. */
    public static void f32x4_ne(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.NE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.lt: all-ones lanes where the comparison holds. */
    public static void f32x4_lt(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.LT, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.gt: all-ones lanes where the comparison holds. */
    public static void f32x4_gt(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.GT, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.le: all-ones lanes where the comparison holds. */
    public static void f32x4_le(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.LE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.ge: all-ones lanes where the comparison holds. */
    public static void f32x4_ge(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.GE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.abs: clears the sign bit (NaN payloads kept). */
    public static void f32x4_abs(long[] regs, int dst, int a) {
        long lo = regs[a] & 0x7FFF_FFFF_7FFF_FFFFL, hi = regs[a + 1] & 0x7FFF_FFFF_7FFF_FFFFL;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f32x4.neg: flips the sign bit (NaN payloads kept). */
    public static void f32x4_neg(long[] regs, int dst, int a) {
        long lo = regs[a] ^ 0x8000_0000_8000_0000L, hi = regs[a + 1] ^ 0x8000_0000_8000_0000L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f32x4.min: NaN in either lane gives the canonical NaN; -0 &lt; +0. */
    public static void f32x4_min(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).or(y.test(VectorOperators.IS_NAN));
        x.lanewise(VectorOperators.MIN, y).blend(Float.NaN, nan).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.max: NaN in either lane gives the canonical NaN; +0 &gt; -0. */
    public static void f32x4_max(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).or(y.test(VectorOperators.IS_NAN));
        x.lanewise(VectorOperators.MAX, y).blend(Float.NaN, nan).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.pmin: b &lt; a ? b : a (bits of the chosen operand, NaN payloads kept). */
    public static void f32x4_pmin(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Integer> m = y.compare(VectorOperators.LT, x).cast(I);
        x.reinterpretAsInts().blend(y.reinterpretAsInts(), m).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.pmax: a &lt; b ? b : a */
    public static void f32x4_pmax(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Integer> m = x.compare(VectorOperators.LT, y).cast(I);
        x.reinterpretAsInts().blend(y.reinterpretAsInts(), m).reinterpretAsLongs().intoArray(regs, dst);
    }

    /**
     * f32x4.nearest, vectorized: for |x| &lt; 2^23, (|x| + 2^23) - 2^23 rounds to an integer with ties to
     * even; the sign of x is copied back (so -0.4 gives -0). Larger magnitudes, infinities and NaN are
     * already integral: kept, with NaN quieted.
     */
    public static void f32x4_nearest(long[] regs, int dst, int a) {
        IntVector bits = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector mag = bits.lanewise(VectorOperators.AND, 0x7FFF_FFFF);
        IntVector sign = bits.lanewise(VectorOperators.AND, 0x8000_0000);
        FloatVector fm = mag.reinterpretAsFloats();
        IntVector rounded = fm.add(0x1p23f).sub(0x1p23f).reinterpretAsInts().or(sign);
        VectorMask<Integer> small = mag.compare(VectorOperators.LT, 0x4B00_0000); // |x| < 2^23
        VectorMask<Integer> nan = mag.compare(VectorOperators.GT, 0x7F80_0000);
        bits.blend(bits.or(F32_QUIET), nan).blend(rounded, small).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.ceil: vectorized, see {@code f32x4Round}. */
    public static void f32x4_ceil(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 0);
    }

    /** f32x4.floor: vectorized, see {@code f32x4Round}. */
    public static void f32x4_floor(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 1);
    }

    /** f32x4.trunc: vectorized, see {@code f32x4Round}. */
    public static void f32x4_trunc(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 2);
    }

    /** f32x4.convert_i32x4_s: round to nearest. */
    public static void f32x4_convert_i32x4_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convert(VectorOperators.I2F, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.convert_i32x4_u: via long (Java's long-to-float is correctly rounded), per lane. */
    public static void f32x4_convert_i32x4_u(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(Float.floatToRawIntBits((float) (lo & 0xFFFF_FFFFL)),
                Float.floatToRawIntBits((float) (lo >>> 32)));
        regs[dst + 1] = pack(Float.floatToRawIntBits((float) (hi & 0xFFFF_FFFFL)),
                Float.floatToRawIntBits((float) (hi >>> 32)));
    }

    /** f32x4.demote_f64x2_zero: two lanes rounded to f32 (NaN quieted), upper lanes zero. */
    public static void f32x4_demote_f64x2_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(demote(lo), demote(hi));
        regs[dst + 1] = 0L;
    }
}
