package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Kernels of the relaxed SIMD instructions (Wasm 3.0), with one fixed choice each among the results the
 * spec allows: Gatun's deterministic profile. The choice never depends on the host CPU, and both tiers call
 * these same kernels, so a module computes the same bits everywhere. Where an ordinary SIMD instruction has
 * the same meaning as one of the allowed choices, the relaxed one is that instruction:
 * <ul>
 *   <li>{@code i8x16.relaxed_swizzle}: as {@code i8x16.swizzle} (an index of 16 or more selects 0);
 *   <li>{@code i32x4.relaxed_trunc_f32x4_s/_u}, {@code i32x4.relaxed_trunc_f64x2_s/u_zero}: as the
 *       {@code trunc_sat} conversions (NaN to 0, out-of-range values saturate);
 *   <li>{@code f32x4/f64x2.relaxed_madd}: fused, {@code fma(a, b, c)} with one rounding (IEEE 754
 *       fusedMultiplyAdd, exact in Java on every CPU); {@code relaxed_nmadd}: {@code fma(-a, b, c)};
 *   <li>{@code i8x16/i16x8/i32x4/i64x2.relaxed_laneselect}: as {@code v128.bitselect} (bit by bit, whatever
 *       the mask lanes hold);
 *   <li>{@code f32x4/f64x2.relaxed_min/max}: as {@code f32x4.min/max} etc. (NaN if either lane is NaN,
 *       -0 below +0);
 *   <li>{@code i16x8.relaxed_q15mulr_s}: as {@code i16x8.q15mulr_sat_s} (saturating);
 *   <li>{@code i16x8.relaxed_dot_i8x16_i7x16_s}: the second operand's bytes signed, each pair's sum of
 *       products wrapping to 16 bits;
 *   <li>{@code i32x4.relaxed_dot_i8x16_i7x16_add_s}: the same 16-bit pair sums (wrapped), sign-extended,
 *       added in pairs and to the accumulator with 32-bit wrapping.
 * </ul>
 * Signatures as the other kernels: {@code (regs, dst, a[, b[, c]])}.
 */
public final class Relaxed {
    private Relaxed() {}

    public static void i8x16_relaxed_swizzle(long[] regs, int dst, int a, int b) { I8x16.i8x16_swizzle(regs, dst, a, b); }

    public static void i32x4_relaxed_trunc_f32x4_s(long[] regs, int dst, int a) { I32x4.i32x4_trunc_sat_f32x4_s(regs, dst, a); }

    public static void i32x4_relaxed_trunc_f32x4_u(long[] regs, int dst, int a) { I32x4.i32x4_trunc_sat_f32x4_u(regs, dst, a); }

    public static void i32x4_relaxed_trunc_f64x2_s_zero(long[] regs, int dst, int a) { I32x4.i32x4_trunc_sat_f64x2_s_zero(regs, dst, a); }

    public static void i32x4_relaxed_trunc_f64x2_u_zero(long[] regs, int dst, int a) { I32x4.i32x4_trunc_sat_f64x2_u_zero(regs, dst, a); }

    public static void f32x4_relaxed_madd(long[] regs, int dst, int a, int b, int c) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        FloatVector z = LongVector.fromArray(L, regs, c).reinterpretAsFloats();
        x.lanewise(VectorOperators.FMA, y, z).reinterpretAsLongs().intoArray(regs, dst);
    }

    public static void f32x4_relaxed_nmadd(long[] regs, int dst, int a, int b, int c) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        FloatVector z = LongVector.fromArray(L, regs, c).reinterpretAsFloats();
        x.neg().lanewise(VectorOperators.FMA, y, z).reinterpretAsLongs().intoArray(regs, dst);
    }

    public static void f64x2_relaxed_madd(long[] regs, int dst, int a, int b, int c) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        DoubleVector z = LongVector.fromArray(L, regs, c).reinterpretAsDoubles();
        x.lanewise(VectorOperators.FMA, y, z).reinterpretAsLongs().intoArray(regs, dst);
    }

    public static void f64x2_relaxed_nmadd(long[] regs, int dst, int a, int b, int c) {
        DoubleVector x = LongVector.fromArray(L, regs, a).reinterpretAsDoubles();
        DoubleVector y = LongVector.fromArray(L, regs, b).reinterpretAsDoubles();
        DoubleVector z = LongVector.fromArray(L, regs, c).reinterpretAsDoubles();
        x.neg().lanewise(VectorOperators.FMA, y, z).reinterpretAsLongs().intoArray(regs, dst);
    }

    public static void i8x16_relaxed_laneselect(long[] regs, int dst, int a, int b, int c) { V128.v128_bitselect(regs, dst, a, b, c); }

    public static void i16x8_relaxed_laneselect(long[] regs, int dst, int a, int b, int c) { V128.v128_bitselect(regs, dst, a, b, c); }

    public static void i32x4_relaxed_laneselect(long[] regs, int dst, int a, int b, int c) { V128.v128_bitselect(regs, dst, a, b, c); }

    public static void i64x2_relaxed_laneselect(long[] regs, int dst, int a, int b, int c) { V128.v128_bitselect(regs, dst, a, b, c); }

    public static void f32x4_relaxed_min(long[] regs, int dst, int a, int b) { F32x4.f32x4_min(regs, dst, a, b); }

    public static void f32x4_relaxed_max(long[] regs, int dst, int a, int b) { F32x4.f32x4_max(regs, dst, a, b); }

    public static void f64x2_relaxed_min(long[] regs, int dst, int a, int b) { F64x2.f64x2_min(regs, dst, a, b); }

    public static void f64x2_relaxed_max(long[] regs, int dst, int a, int b) { F64x2.f64x2_max(regs, dst, a, b); }

    public static void i16x8_relaxed_q15mulr_s(long[] regs, int dst, int a, int b) { I16x8.i16x8_q15mulr_sat_s(regs, dst, a, b); }

    /** Per 16-bit lane: lo(a)·lo(b) + hi(a)·hi(b) of its two signed bytes, wrapping to 16 bits. */
    private static ShortVector dot16(long[] regs, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        ShortVector xlo = x.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 8);
        ShortVector ylo = y.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 8);
        ShortVector xhi = x.lanewise(VectorOperators.ASHR, 8);
        ShortVector yhi = y.lanewise(VectorOperators.ASHR, 8);
        return xlo.mul(ylo).add(xhi.mul(yhi));
    }

    public static void i16x8_relaxed_dot_i8x16_i7x16_s(long[] regs, int dst, int a, int b) {
        dot16(regs, a, b).reinterpretAsLongs().intoArray(regs, dst);
    }

    public static void i32x4_relaxed_dot_i8x16_i7x16_add_s(long[] regs, int dst, int a, int b, int c) {
        IntVector d = dot16(regs, a, b).reinterpretAsInts();
        IntVector lo = d.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector hi = d.lanewise(VectorOperators.ASHR, 16);
        lo.add(hi).add(LongVector.fromArray(L, regs, c).reinterpretAsInts()).reinterpretAsLongs().intoArray(regs, dst);
    }
}
