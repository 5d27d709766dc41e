package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
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

/** Kernels of the i8x16 instructions (sixteen 8-bit lanes), shuffle and swizzle included. */
public final class I8x16 {
    private I8x16() {}

    /** i8x16.splat: the low 8 bits of the i32 in every lane. */
    public static void i8x16_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFL) * SPLAT8).intoArray(regs, dst);
    }

    /** i8x16.extract_lane_s, lane 0..15: the lane sign-extended to i32. */
    public static void i8x16_extract_lane_s(long[] regs, int dst, int a, int lane) {
        regs[dst] = (byte) (regs[a + (lane >>> 3)] >>> ((lane & 7) << 3));
    }

    /** i8x16.extract_lane_u, lane 0..15: the lane zero-extended to i32. */
    public static void i8x16_extract_lane_u(long[] regs, int dst, int a, int lane) {
        regs[dst] = (regs[a + (lane >>> 3)] >>> ((lane & 7) << 3)) & 0xFFL;
    }

    /** i8x16.replace_lane: copy of a with lane set to the low 8 bits of the i32 in b. */
    public static void i8x16_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put8(regs, dst, a, regs[b], lane);
    }

    /**
     * Builds the plan for one i8x16.shuffle instruction (16 immediate lane indexes, each 0..31). Call once
     * per instruction at translation time and keep the plan in the function's constant pool.
     *
     * @throws IllegalArgumentException if there are not 16 indexes or one is not in 0..31
     */
    public static ShufflePlan shufflePlan(byte[] lanes) {
        return new ShufflePlan(lanes);
    }

    /** i8x16.shuffle: lane i of the result is byte plan[i] of the 32-byte concatenation a ++ b. */
    public static void i8x16_shuffle(long[] regs, int dst, int a, int b, ShufflePlan plan) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ByteVector idx = ByteVector.fromArray(B, plan.indexes, 0);
        idx.selectFrom(x, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.swizzle: lane i is a[b[i]] if b[i] &lt; 16 (unsigned), else 0. */
    public static void i8x16_swizzle(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector idx = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        idx.selectFrom(x, idx.compare(VectorOperators.ULT, (byte) 16)).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.add: wrapping add. */
    public static void i8x16_add(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.sub: wrapping subtract. */
    public static void i8x16_sub(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.add_sat_s: signed saturating add. */
    public static void i8x16_add_sat_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.SADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.add_sat_u: unsigned saturating add. */
    public static void i8x16_add_sat_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.SUADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.sub_sat_s: signed saturating subtract. */
    public static void i8x16_sub_sat_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.SSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.sub_sat_u: unsigned saturating subtract. */
    public static void i8x16_sub_sat_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.SUSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.min_s: signed minimum. */
    public static void i8x16_min_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.MIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.min_u: unsigned minimum. */
    public static void i8x16_min_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.UMIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.max_s: signed maximum. */
    public static void i8x16_max_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.MAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.max_u: unsigned maximum. */
    public static void i8x16_max_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.lanewise(VectorOperators.UMAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.abs: wrapping absolute value (MIN stays MIN). */
    public static void i8x16_abs(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.neg: wrapping negation. */
    public static void i8x16_neg(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.shl: count taken modulo the lane width (8). */
    public static void i8x16_shl(long[] regs, int dst, int a, int b) {
        byte n = (byte) (regs[b] & 7);
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.shr_s: count taken modulo the lane width (8). */
    public static void i8x16_shr_s(long[] regs, int dst, int a, int b) {
        byte n = (byte) (regs[b] & 7);
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.shr_u: count taken modulo the lane width (8). */
    public static void i8x16_shr_u(long[] regs, int dst, int a, int b) {
        byte n = (byte) (regs[b] & 7);
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.eq: all-ones lanes where the comparison holds. */
    public static void i8x16_eq(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.EQ, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.ne: all-ones lanes where the comparison holds. */
    public static void i8x16_ne(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.NE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.lt_s: all-ones lanes where the comparison holds. */
    public static void i8x16_lt_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.LT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.lt_u: all-ones lanes where the comparison holds. */
    public static void i8x16_lt_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.ULT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.gt_s: all-ones lanes where the comparison holds. */
    public static void i8x16_gt_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.GT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.gt_u: all-ones lanes where the comparison holds. */
    public static void i8x16_gt_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.UGT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.le_s: all-ones lanes where the comparison holds. */
    public static void i8x16_le_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.LE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.le_u: all-ones lanes where the comparison holds. */
    public static void i8x16_le_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.ULE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.ge_s: all-ones lanes where the comparison holds. */
    public static void i8x16_ge_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.GE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.ge_u: all-ones lanes where the comparison holds. */
    public static void i8x16_ge_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        x.compare(VectorOperators.UGE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.all_true: 1 if no lane is zero. */
    public static void i8x16_all_true(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        regs[dst] = x.compare(VectorOperators.NE, (byte) 0).allTrue() ? 1L : 0L;
    }

    /** i8x16.bitmask: bit i of the i32 result is the sign bit of lane i. */
    public static void i8x16_bitmask(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        regs[dst] = x.compare(VectorOperators.LT, (byte) 0).toLong();
    }

    /** i8x16.popcnt: bits set in each byte. */
    public static void i8x16_popcnt(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.lanewise(VectorOperators.BIT_COUNT).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.avgr_u: (a + b + 1) / 2 unsigned, computed in-width as (a | b) - ((a ^ b) >>> 1). */
    public static void i8x16_avgr_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ByteVector half = x.lanewise(VectorOperators.XOR, y).lanewise(VectorOperators.LSHR, (byte) 1);
        x.lanewise(VectorOperators.OR, y).lanewise(VectorOperators.SUB, half).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.narrow_i16x8_s: lanes of a then b, each clamped to [-128, 127]. */
    public static void i8x16_narrow_i16x8_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x = x.max((short) -128).min((short) 127);
        y = y.max((short) -128).min((short) 127);
        ByteVector lo = (ByteVector) x.convertShape(VectorOperators.S2B, B, 0);
        ByteVector hi = (ByteVector) y.convertShape(VectorOperators.S2B, B, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i8x16.narrow_i16x8_u: signed input lanes clamped to [0, 255]. */
    public static void i8x16_narrow_i16x8_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x = x.max((short) 0).min((short) 255);
        y = y.max((short) 0).min((short) 255);
        ByteVector lo = (ByteVector) x.convertShape(VectorOperators.S2B, B, 0);
        ByteVector hi = (ByteVector) y.convertShape(VectorOperators.S2B, B, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }
}
