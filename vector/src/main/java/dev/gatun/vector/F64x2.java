package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.V128.*;
import static dev.gatun.vector.I8x16.*;
import static dev.gatun.vector.I16x8.*;
import static dev.gatun.vector.I32x4.*;
import static dev.gatun.vector.I64x2.*;
import static dev.gatun.vector.F32x4.*;

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

/** Kernels of the f64x2 instructions (two f64 lanes). */
public final class F64x2 {
    private F64x2() {}

    /** f64x2.splat (raw bits, NaN payloads kept). */
    public static void f64x2_splat(long[] regs, int dst, int a) {
        i64x2_splat(regs, dst, a);
    }

    /** f64x2.extract_lane, lane 0..1 (raw bits). */
    public static void f64x2_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = regs[a + lane];
    }

    /** f64x2.replace_lane (raw bits). */
    public static void f64x2_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put64(regs, dst, a, regs[b], lane);
    }

    /** f64x2.add: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f64x2_add(long[] regs, int dst, int a, int b) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.sub: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f64x2_sub(long[] regs, int dst, int a, int b) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.mul: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f64x2_mul(long[] regs, int dst, int a, int b) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.div: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f64x2_div(long[] regs, int dst, int a, int b) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        x.lanewise(VectorOperators.DIV, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.sqrt: IEEE 754 square root. */
    public static void f64x2_sqrt(long[] regs, int dst, int a) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        x.lanewise(VectorOperators.SQRT).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.eq: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_eq(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = x0 == y0 ? -1L : 0L;
        regs[dst + 1] = x1 == y1 ? -1L : 0L;
    }

    /** f64x2.ne: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_ne(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = !(x0 == y0) ? -1L : 0L;
        regs[dst + 1] = !(x1 == y1) ? -1L : 0L;
    }

    /** f64x2.lt: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_lt(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = x0 < y0 ? -1L : 0L;
        regs[dst + 1] = x1 < y1 ? -1L : 0L;
    }

    /** f64x2.gt: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_gt(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = x0 > y0 ? -1L : 0L;
        regs[dst + 1] = x1 > y1 ? -1L : 0L;
    }

    /** f64x2.le: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_le(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = x0 <= y0 ? -1L : 0L;
        regs[dst + 1] = x1 <= y1 ? -1L : 0L;
    }

    /** f64x2.ge: all-ones lanes where the comparison holds (NaN: only ne holds). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_ge(long[] regs, int dst, int a, int b) {
        double x0 = Double.longBitsToDouble(regs[a]), x1 = Double.longBitsToDouble(regs[a + 1]);
        double y0 = Double.longBitsToDouble(regs[b]), y1 = Double.longBitsToDouble(regs[b + 1]);
        regs[dst] = x0 >= y0 ? -1L : 0L;
        regs[dst + 1] = x1 >= y1 ? -1L : 0L;
    }

    /** f64x2.abs */
    public static void f64x2_abs(long[] regs, int dst, int a) {
        long lo = regs[a] & Long.MAX_VALUE, hi = regs[a + 1] & Long.MAX_VALUE;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f64x2.neg */
    public static void f64x2_neg(long[] regs, int dst, int a) {
        long lo = regs[a] ^ Long.MIN_VALUE, hi = regs[a + 1] ^ Long.MIN_VALUE;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f64x2.min: NaN in either lane gives the canonical NaN; -0 &lt; +0. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_min(long[] regs, int dst, int a, int b) {
        long lo = fmin64(regs[a], regs[b]), hi = fmin64(regs[a + 1], regs[b + 1]);
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f64x2.max: NaN in either lane gives the canonical NaN; -0 &lt; +0. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_max(long[] regs, int dst, int a, int b) {
        long lo = fmax64(regs[a], regs[b]), hi = fmax64(regs[a + 1], regs[b + 1]);
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f64x2.pmin: b &lt; a ? b : a (bits of the chosen operand). Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_pmin(long[] regs, int dst, int a, int b) {
        long a0 = regs[a], a1 = regs[a + 1], b0 = regs[b], b1 = regs[b + 1];
        regs[dst] = Double.longBitsToDouble(b0) < Double.longBitsToDouble(a0) ? b0 : a0;
        regs[dst + 1] = Double.longBitsToDouble(b1) < Double.longBitsToDouble(a1) ? b1 : a1;
    }

    /** f64x2.pmax: a &lt; b ? b : a */
    public static void f64x2_pmax(long[] regs, int dst, int a, int b) {
        long a0 = regs[a], a1 = regs[a + 1], b0 = regs[b], b1 = regs[b + 1];
        regs[dst] = Double.longBitsToDouble(a0) < Double.longBitsToDouble(b0) ? b0 : a0;
        regs[dst + 1] = Double.longBitsToDouble(a1) < Double.longBitsToDouble(b1) ? b1 : a1;
    }

    /** f64x2.nearest: Math.rint per lane (ties to even, sign of zero kept), NaN quieted. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_nearest(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = round64(lo, 3);
        regs[dst + 1] = round64(hi, 3);
    }

    /** f64x2.ceil */
    public static void f64x2_ceil(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = round64(lo, 0);
        regs[dst + 1] = round64(hi, 0);
    }

    /** f64x2.floor */
    public static void f64x2_floor(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = round64(lo, 1);
        regs[dst + 1] = round64(hi, 1);
    }

    /** f64x2.trunc */
    public static void f64x2_trunc(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = round64(lo, 2);
        regs[dst + 1] = round64(hi, 2);
    }

    /** f64x2.convert_low_i32x4_s: exact. */
    public static void f64x2_convert_low_i32x4_s(long[] regs, int dst, int a) {
        long lo = regs[a];
        regs[dst] = Double.doubleToRawLongBits((int) lo);
        regs[dst + 1] = Double.doubleToRawLongBits((int) (lo >>> 32));
    }

    /** f64x2.convert_low_i32x4_u: exact. */
    public static void f64x2_convert_low_i32x4_u(long[] regs, int dst, int a) {
        long lo = regs[a];
        regs[dst] = Double.doubleToRawLongBits(lo & 0xFFFF_FFFFL);
        regs[dst + 1] = Double.doubleToRawLongBits(lo >>> 32);
    }

    /** f64x2.promote_low_f32x4: exact; NaN quieted with its payload kept. */
    public static void f64x2_promote_low_f32x4(long[] regs, int dst, int a) {
        long lo = regs[a];
        regs[dst] = promote((int) lo);
        regs[dst + 1] = promote((int) (lo >>> 32));
    }
}
