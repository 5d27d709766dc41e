package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
import static dev.gatun.vector.I16x8.*;
import static dev.gatun.vector.I32x4.*;
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

/** Kernels of the i64x2 instructions (two 64-bit lanes). */
public final class I64x2 {
    private I64x2() {}

    /** i64x2.splat */
    public static void i64x2_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, regs[a]).intoArray(regs, dst);
    }

    /** i64x2.extract_lane, lane 0..1 */
    public static void i64x2_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = regs[a + lane];
    }

    /** i64x2.replace_lane */
    public static void i64x2_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put64(regs, dst, a, regs[b], lane);
    }

    /** i64x2.add: wrapping add. */
    public static void i64x2_add(long[] regs, int dst, int a, int b) {
        LongVector x = LongVector.fromArray(L, regs, a);
        LongVector y = LongVector.fromArray(L, regs, b);
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.sub: wrapping subtract. */
    public static void i64x2_sub(long[] regs, int dst, int a, int b) {
        LongVector x = LongVector.fromArray(L, regs, a);
        LongVector y = LongVector.fromArray(L, regs, b);
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.mul: wrapping multiply. */
    public static void i64x2_mul(long[] regs, int dst, int a, int b) {
        LongVector x = LongVector.fromArray(L, regs, a);
        LongVector y = LongVector.fromArray(L, regs, b);
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.abs: wrapping absolute value (MIN stays MIN). */
    public static void i64x2_abs(long[] regs, int dst, int a) {
        LongVector x = LongVector.fromArray(L, regs, a);
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.neg: wrapping negation. */
    public static void i64x2_neg(long[] regs, int dst, int a) {
        LongVector x = LongVector.fromArray(L, regs, a);
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.shl: count taken modulo the lane width (64). */
    public static void i64x2_shl(long[] regs, int dst, int a, int b) {
        long n = (long) (regs[b] & 63);
        LongVector x = LongVector.fromArray(L, regs, a);
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.shr_s: count taken modulo the lane width (64). */
    public static void i64x2_shr_s(long[] regs, int dst, int a, int b) {
        long n = (long) (regs[b] & 63);
        LongVector x = LongVector.fromArray(L, regs, a);
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.shr_u: count taken modulo the lane width (64). */
    public static void i64x2_shr_u(long[] regs, int dst, int a, int b) {
        long n = (long) (regs[b] & 63);
        LongVector x = LongVector.fromArray(L, regs, a);
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.eq: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_eq(long[] regs, int dst, int a, int b) {
        long lo = regs[a] == regs[b] ? -1L : 0L;
        long hi = regs[a + 1] == regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.ne: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_ne(long[] regs, int dst, int a, int b) {
        long lo = regs[a] != regs[b] ? -1L : 0L;
        long hi = regs[a + 1] != regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.lt_s: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_lt_s(long[] regs, int dst, int a, int b) {
        long lo = regs[a] < regs[b] ? -1L : 0L;
        long hi = regs[a + 1] < regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.gt_s: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_gt_s(long[] regs, int dst, int a, int b) {
        long lo = regs[a] > regs[b] ? -1L : 0L;
        long hi = regs[a + 1] > regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.le_s: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_le_s(long[] regs, int dst, int a, int b) {
        long lo = regs[a] <= regs[b] ? -1L : 0L;
        long hi = regs[a + 1] <= regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.ge_s: all-ones lanes where the comparison holds. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_ge_s(long[] regs, int dst, int a, int b) {
        long lo = regs[a] >= regs[b] ? -1L : 0L;
        long hi = regs[a + 1] >= regs[b + 1] ? -1L : 0L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** i64x2.all_true: 1 if no lane is zero. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_all_true(long[] regs, int dst, int a) {
        regs[dst] = regs[a] != 0 && regs[a + 1] != 0 ? 1L : 0L;
    }

    /** i64x2.bitmask: the two sign bits. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void i64x2_bitmask(long[] regs, int dst, int a) {
        regs[dst] = (regs[a] >>> 63) | ((regs[a + 1] >>> 63) << 1);
    }

    /** i64x2.extend_low_i32x4_s */
    public static void i64x2_extend_low_i32x4_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convertShape(VectorOperators.I2L, L, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extend_low_i32x4_u */
    public static void i64x2_extend_low_i32x4_u(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extend_high_i32x4_s */
    public static void i64x2_extend_high_i32x4_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convertShape(VectorOperators.I2L, L, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extend_high_i32x4_u */
    public static void i64x2_extend_high_i32x4_u(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 1).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extmul_low_i32x4_s: the low halves extended, then multiplied (exact). */
    public static void i64x2_extmul_low_i32x4_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        LongVector xw = (LongVector) x.convertShape(VectorOperators.I2L, L, 0);
        LongVector yw = (LongVector) y.convertShape(VectorOperators.I2L, L, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extmul_low_i32x4_u: the low halves extended, then multiplied (exact). */
    public static void i64x2_extmul_low_i32x4_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        LongVector xw = (LongVector) x.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 0);
        LongVector yw = (LongVector) y.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extmul_high_i32x4_s: the high halves extended, then multiplied (exact). */
    public static void i64x2_extmul_high_i32x4_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        LongVector xw = (LongVector) x.convertShape(VectorOperators.I2L, L, 1);
        LongVector yw = (LongVector) y.convertShape(VectorOperators.I2L, L, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i64x2.extmul_high_i32x4_u: the high halves extended, then multiplied (exact). */
    public static void i64x2_extmul_high_i32x4_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        LongVector xw = (LongVector) x.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 1);
        LongVector yw = (LongVector) y.convertShape(VectorOperators.ZERO_EXTEND_I2L, L, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
}
