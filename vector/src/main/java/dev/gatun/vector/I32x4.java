package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
import static dev.gatun.vector.I16x8.*;
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

/** Kernels of the i32x4 instructions (four 32-bit lanes). */
public final class I32x4 {
    private I32x4() {}

    /** i32x4.splat */
    public static void i32x4_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFFF_FFFFL) * SPLAT32).intoArray(regs, dst);
    }

    /** i32x4.extract_lane, lane 0..3 */
    public static void i32x4_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = (int) (regs[a + (lane >>> 1)] >>> ((lane & 1) << 5));
    }

    /** i32x4.replace_lane */
    public static void i32x4_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put32(regs, dst, a, regs[b], lane);
    }

    /** i32x4.add: wrapping add. */
    public static void i32x4_add(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.sub: wrapping subtract. */
    public static void i32x4_sub(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.mul: wrapping multiply. */
    public static void i32x4_mul(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.min_s: signed minimum. */
    public static void i32x4_min_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.min_u: unsigned minimum. */
    public static void i32x4_min_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.UMIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.max_s: signed maximum. */
    public static void i32x4_max_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.max_u: unsigned maximum. */
    public static void i32x4_max_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.UMAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.abs: wrapping absolute value (MIN stays MIN). */
    public static void i32x4_abs(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.neg: wrapping negation. */
    public static void i32x4_neg(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shl: count taken modulo the lane width (32). */
    public static void i32x4_shl(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shr_s: count taken modulo the lane width (32). */
    public static void i32x4_shr_s(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shr_u: count taken modulo the lane width (32). */
    public static void i32x4_shr_u(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.eq: all-ones lanes where the comparison holds. */
    public static void i32x4_eq(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.EQ, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ne: all-ones lanes where the comparison holds. */
    public static void i32x4_ne(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.NE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.lt_s: all-ones lanes where the comparison holds. */
    public static void i32x4_lt_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.LT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.lt_u: all-ones lanes where the comparison holds. */
    public static void i32x4_lt_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.ULT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.gt_s: all-ones lanes where the comparison holds. */
    public static void i32x4_gt_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.GT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.gt_u: all-ones lanes where the comparison holds. */
    public static void i32x4_gt_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.UGT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.le_s: all-ones lanes where the comparison holds. */
    public static void i32x4_le_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.LE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.le_u: all-ones lanes where the comparison holds. */
    public static void i32x4_le_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.ULE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ge_s: all-ones lanes where the comparison holds. */
    public static void i32x4_ge_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.GE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ge_u: all-ones lanes where the comparison holds. */
    public static void i32x4_ge_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.UGE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.all_true: 1 if no lane is zero. */
    public static void i32x4_all_true(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        regs[dst] = x.compare(VectorOperators.NE, (int) 0).allTrue() ? 1L : 0L;
    }

    /** i32x4.bitmask: bit i of the i32 result is the sign bit of lane i. */
    public static void i32x4_bitmask(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        regs[dst] = x.compare(VectorOperators.LT, (int) 0).toLong();
    }

    /** i32x4.extend_low_i16x8_s */
    public static void i32x4_extend_low_i16x8_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.S2I, I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extend_low_i16x8_u */
    public static void i32x4_extend_low_i16x8_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extend_high_i16x8_s */
    public static void i32x4_extend_high_i16x8_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.S2I, I, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extend_high_i16x8_u */
    public static void i32x4_extend_high_i16x8_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extmul_low_i16x8_s: the low halves extended, then multiplied (exact). */
    public static void i32x4_extmul_low_i16x8_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.S2I, I, 0);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.S2I, I, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extmul_low_i16x8_u: the low halves extended, then multiplied (exact). */
    public static void i32x4_extmul_low_i16x8_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extmul_high_i16x8_s: the high halves extended, then multiplied (exact). */
    public static void i32x4_extmul_high_i16x8_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.S2I, I, 1);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.S2I, I, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extmul_high_i16x8_u: the high halves extended, then multiplied (exact). */
    public static void i32x4_extmul_high_i16x8_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extadd_pairwise_i16x8_s */
    public static void i32x4_extadd_pairwise_i16x8_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector lo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector hi = x.lanewise(VectorOperators.ASHR, 16);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extadd_pairwise_i16x8_u */
    public static void i32x4_extadd_pairwise_i16x8_u(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector lo = x.lanewise(VectorOperators.AND, 0xFFFF);
        IntVector hi = x.lanewise(VectorOperators.LSHR, 16);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.dot_i16x8_s: lane i = a[2i]*b[2i] + a[2i+1]*b[2i+1], wrapping (only -32768^2 * 2 wraps). */
    public static void i32x4_dot_i16x8_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        IntVector xlo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector ylo = y.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector xhi = x.lanewise(VectorOperators.ASHR, 16);
        IntVector yhi = y.lanewise(VectorOperators.ASHR, 16);
        xlo.mul(ylo).add(xhi.mul(yhi)).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.trunc_sat_f32x4_s: Java's F2I is exactly Wasm's (NaN to 0, saturating). */
    public static void i32x4_trunc_sat_f32x4_s(long[] regs, int dst, int a) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        x.convert(VectorOperators.F2I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.trunc_sat_f32x4_u: NaN and negatives to 0, saturating at 2^32-1 (per lane). */
    public static void i32x4_trunc_sat_f32x4_u(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(truncSatU32(Float.intBitsToFloat((int) lo)), truncSatU32(Float.intBitsToFloat((int) (lo >>> 32))));
        regs[dst + 1] = pack(truncSatU32(Float.intBitsToFloat((int) hi)), truncSatU32(Float.intBitsToFloat((int) (hi >>> 32))));
    }

    /** i32x4.trunc_sat_f64x2_s_zero: two lanes converted like (int) d, upper lanes zero. */
    public static void i32x4_trunc_sat_f64x2_s_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack((int) Double.longBitsToDouble(lo), (int) Double.longBitsToDouble(hi));
        regs[dst + 1] = 0L;
    }

    /** i32x4.trunc_sat_f64x2_u_zero */
    public static void i32x4_trunc_sat_f64x2_u_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(truncSatU32(Double.longBitsToDouble(lo)), truncSatU32(Double.longBitsToDouble(hi)));
        regs[dst + 1] = 0L;
    }
}
