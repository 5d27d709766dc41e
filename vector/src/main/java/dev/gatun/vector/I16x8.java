package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
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

/** Kernels of the i16x8 instructions (eight 16-bit lanes). */
public final class I16x8 {
    private I16x8() {}

    /** i16x8.splat */
    public static void i16x8_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFFFL) * SPLAT16).intoArray(regs, dst);
    }

    /** i16x8.extract_lane_s, lane 0..7 */
    public static void i16x8_extract_lane_s(long[] regs, int dst, int a, int lane) {
        regs[dst] = (short) (regs[a + (lane >>> 2)] >>> ((lane & 3) << 4));
    }

    /** i16x8.extract_lane_u, lane 0..7 */
    public static void i16x8_extract_lane_u(long[] regs, int dst, int a, int lane) {
        regs[dst] = (regs[a + (lane >>> 2)] >>> ((lane & 3) << 4)) & 0xFFFFL;
    }

    /** i16x8.replace_lane */
    public static void i16x8_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put16(regs, dst, a, regs[b], lane);
    }

    /** i16x8.add: wrapping add. */
    public static void i16x8_add(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub: wrapping subtract. */
    public static void i16x8_sub(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.mul: wrapping multiply. */
    public static void i16x8_mul(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.add_sat_s: signed saturating add. */
    public static void i16x8_add_sat_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.add_sat_u: unsigned saturating add. */
    public static void i16x8_add_sat_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub_sat_s: signed saturating subtract. */
    public static void i16x8_sub_sat_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub_sat_u: unsigned saturating subtract. */
    public static void i16x8_sub_sat_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.min_s: signed minimum. */
    public static void i16x8_min_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.min_u: unsigned minimum. */
    public static void i16x8_min_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.UMIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.max_s: signed maximum. */
    public static void i16x8_max_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.max_u: unsigned maximum. */
    public static void i16x8_max_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.UMAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.abs: wrapping absolute value (MIN stays MIN). */
    public static void i16x8_abs(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.neg: wrapping negation. */
    public static void i16x8_neg(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shl: count taken modulo the lane width (16). */
    public static void i16x8_shl(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shr_s: count taken modulo the lane width (16). */
    public static void i16x8_shr_s(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shr_u: count taken modulo the lane width (16). */
    public static void i16x8_shr_u(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.eq: all-ones lanes where the comparison holds. */
    public static void i16x8_eq(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.EQ, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ne: all-ones lanes where the comparison holds. */
    public static void i16x8_ne(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.NE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.lt_s: all-ones lanes where the comparison holds. */
    public static void i16x8_lt_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.LT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.lt_u: all-ones lanes where the comparison holds. */
    public static void i16x8_lt_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.ULT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.gt_s: all-ones lanes where the comparison holds. */
    public static void i16x8_gt_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.GT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.gt_u: all-ones lanes where the comparison holds. */
    public static void i16x8_gt_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.UGT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.le_s: all-ones lanes where the comparison holds. */
    public static void i16x8_le_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.LE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.le_u: all-ones lanes where the comparison holds. */
    public static void i16x8_le_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.ULE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ge_s: all-ones lanes where the comparison holds. */
    public static void i16x8_ge_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.GE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ge_u: all-ones lanes where the comparison holds. */
    public static void i16x8_ge_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.UGE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.all_true: 1 if no lane is zero. */
    public static void i16x8_all_true(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        regs[dst] = x.compare(VectorOperators.NE, (short) 0).allTrue() ? 1L : 0L;
    }

    /** i16x8.bitmask: bit i of the i32 result is the sign bit of lane i. */
    public static void i16x8_bitmask(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        regs[dst] = x.compare(VectorOperators.LT, (short) 0).toLong();
    }

    /** i16x8.avgr_u */
    public static void i16x8_avgr_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        ShortVector half = x.lanewise(VectorOperators.XOR, y).lanewise(VectorOperators.LSHR, (short) 1);
        x.lanewise(VectorOperators.OR, y).lanewise(VectorOperators.SUB, half).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.narrow_i32x4_s: lanes of a then b, each clamped to [-32768, 32767]. */
    public static void i16x8_narrow_i32x4_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x = x.max(-32768).min(32767);
        y = y.max(-32768).min(32767);
        ShortVector lo = (ShortVector) x.convertShape(VectorOperators.I2S, S, 0);
        ShortVector hi = (ShortVector) y.convertShape(VectorOperators.I2S, S, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.narrow_i32x4_u: signed input lanes clamped to [0, 65535]. */
    public static void i16x8_narrow_i32x4_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x = x.max(0).min(65535);
        y = y.max(0).min(65535);
        ShortVector lo = (ShortVector) x.convertShape(VectorOperators.I2S, S, 0);
        ShortVector hi = (ShortVector) y.convertShape(VectorOperators.I2S, S, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extend_low_i8x16_s */
    public static void i16x8_extend_low_i8x16_s(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.B2S, S, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extend_low_i8x16_u */
    public static void i16x8_extend_low_i8x16_u(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extend_high_i8x16_s */
    public static void i16x8_extend_high_i8x16_s(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.B2S, S, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extend_high_i8x16_u */
    public static void i16x8_extend_high_i8x16_u(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extmul_low_i8x16_s: the low halves extended, then multiplied (exact). */
    public static void i16x8_extmul_low_i8x16_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.B2S, S, 0);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.B2S, S, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extmul_low_i8x16_u: the low halves extended, then multiplied (exact). */
    public static void i16x8_extmul_low_i8x16_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extmul_high_i8x16_s: the high halves extended, then multiplied (exact). */
    public static void i16x8_extmul_high_i8x16_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.B2S, S, 1);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.B2S, S, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extmul_high_i8x16_u: the high halves extended, then multiplied (exact). */
    public static void i16x8_extmul_high_i8x16_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extadd_pairwise_i8x16_s: viewed as i16 lanes, the low byte is (x &lt;&lt; 8) &gt;&gt; 8, the high x &gt;&gt; 8. */
    public static void i16x8_extadd_pairwise_i8x16_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector lo = x.lanewise(VectorOperators.LSHL, (short) 8).lanewise(VectorOperators.ASHR, (short) 8);
        ShortVector hi = x.lanewise(VectorOperators.ASHR, (short) 8);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extadd_pairwise_i8x16_u */
    public static void i16x8_extadd_pairwise_i8x16_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector lo = x.lanewise(VectorOperators.AND, (short) 0xFF);
        ShortVector hi = x.lanewise(VectorOperators.LSHR, (short) 8);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /**
     * i16x8.q15mulr_sat_s: (a*b + 0x4000) &gt;&gt; 15 saturated to i16. Computed per i16 pair inside i32
     * lanes (no cross-lane work): the only overflow is -32768 * -32768, which gives 32768 and is clamped.
     */
    public static void i16x8_q15mulr_sat_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        IntVector xlo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector ylo = y.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector xhi = x.lanewise(VectorOperators.ASHR, 16);
        IntVector yhi = y.lanewise(VectorOperators.ASHR, 16);
        IntVector plo = xlo.mul(ylo).add(0x4000).lanewise(VectorOperators.ASHR, 15).min(32767);
        IntVector phi = xhi.mul(yhi).add(0x4000).lanewise(VectorOperators.ASHR, 15).min(32767);
        plo.and(0xFFFF).or(phi.lanewise(VectorOperators.LSHL, 16)).reinterpretAsLongs().intoArray(regs, dst);
    }
}
