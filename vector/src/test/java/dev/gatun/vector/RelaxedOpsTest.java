package dev.gatun.vector;

import static dev.gatun.vector.Harness.Cmp.EXACT;
import static dev.gatun.vector.Harness.Cmp.F32;
import static dev.gatun.vector.Harness.Cmp.F64;
import static dev.gatun.vector.Harness.bin;
import static dev.gatun.vector.Harness.gen;
import static dev.gatun.vector.Harness.un;

import org.junit.jupiter.api.Test;

/**
 * The relaxed SIMD kernels against the choices documented in {@link Relaxed}: the fused multiply-add and the
 * dot products against scalar references, the others against the ordinary instruction they are defined as.
 */
class RelaxedOpsTest {
    /** The result of an ordinary kernel on the same operands: the documented choice. */
    private static V via(Harness.K1 k, V a) {
        long[] regs = new long[4];
        regs[0] = a.lo(); regs[1] = a.hi();
        k.run(regs, 2, 0);
        return new V(regs[2], regs[3]);
    }

    private static V via(Harness.K2 k, V a, V b) {
        long[] regs = new long[6];
        regs[0] = a.lo(); regs[1] = a.hi(); regs[2] = b.lo(); regs[3] = b.hi();
        k.run(regs, 4, 0, 2);
        return new V(regs[4], regs[5]);
    }

    private static V via(Harness.K3 k, V a, V b, V c) {
        long[] regs = new long[8];
        regs[0] = a.lo(); regs[1] = a.hi(); regs[2] = b.lo(); regs[3] = b.hi(); regs[4] = c.lo(); regs[5] = c.hi();
        k.run(regs, 6, 0, 2, 4);
        return new V(regs[6], regs[7]);
    }

    /** Finite lanes only: a NaN result (of NaN or infinite operands) may carry any payload, which an exact comparison cannot check. */
    private static Harness.Gen finite(int width) {
        Harness.Gen any = gen(width, true);
        return r -> {
            V v = any.gen(r);
            V.Builder b = V.of(width);
            for (int i = 0; i < 128 / width; i++) {
                boolean bad = width == 32 ? !Float.isFinite(v.f32(i)) : !Double.isFinite(v.f64(i));
                b.set(i, bad ? r.nextLong() & (width == 32 ? 0x3FFF_FFFFL : 0x3FFF_FFFF_FFFF_FFFFL) : v.raw(i, width));
            }
            return b.build();
        };
    }

    @Test
    void fusedMultiplyAdd() {
        Harness.ter("f32x4.relaxed_madd", Relaxed::f32x4_relaxed_madd, finite(32), (a, b, c) -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, Math.fma(a.f32(i), b.f32(i), c.f32(i)));
            return o.build();
        });
        Harness.ter("f32x4.relaxed_nmadd", Relaxed::f32x4_relaxed_nmadd, finite(32), (a, b, c) -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, Math.fma(-a.f32(i), b.f32(i), c.f32(i)));
            return o.build();
        });
        Harness.ter("f64x2.relaxed_madd", Relaxed::f64x2_relaxed_madd, finite(64), (a, b, c) -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, Math.fma(a.f64(i), b.f64(i), c.f64(i)));
            return o.build();
        });
        Harness.ter("f64x2.relaxed_nmadd", Relaxed::f64x2_relaxed_nmadd, finite(64), (a, b, c) -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, Math.fma(-a.f64(i), b.f64(i), c.f64(i)));
            return o.build();
        });
    }

    @Test
    void dotProductsReadBothOperandsSignedAndWrapThePairSums() {
        Harness.Gen g = gen(8, false);
        bin("i16x8.relaxed_dot_i8x16_i7x16_s", Relaxed::i16x8_relaxed_dot_i8x16_i7x16_s, g, EXACT, (a, b) -> {
            V.Builder o = V.of(16);
            for (int i = 0; i < 8; i++) o.set(i, (short) (a.i8(2 * i) * b.i8(2 * i) + a.i8(2 * i + 1) * b.i8(2 * i + 1)));
            return o.build();
        });
        Harness.ter("i32x4.relaxed_dot_i8x16_i7x16_add_s", Relaxed::i32x4_relaxed_dot_i8x16_i7x16_add_s, g, (a, b, c) -> {
            V.Builder o = V.of(32);
            for (int j = 0; j < 4; j++) {
                int sum = c.i32(j);
                for (int p = 2 * j; p < 2 * j + 2; p++) sum += (short) (a.i8(2 * p) * b.i8(2 * p) + a.i8(2 * p + 1) * b.i8(2 * p + 1));
                o.set(j, sum);
            }
            return o.build();
        });
    }

    @Test
    void theOthersAreTheOrdinaryInstructions() {
        Harness.Gen i8 = gen(8, false), f32 = gen(32, true), f64 = gen(64, true);
        bin("i8x16.relaxed_swizzle", Relaxed::i8x16_relaxed_swizzle, i8, EXACT, (a, b) -> via(I8x16::i8x16_swizzle, a, b));
        un("i32x4.relaxed_trunc_f32x4_s", Relaxed::i32x4_relaxed_trunc_f32x4_s, f32, EXACT, a -> via(I32x4::i32x4_trunc_sat_f32x4_s, a));
        un("i32x4.relaxed_trunc_f32x4_u", Relaxed::i32x4_relaxed_trunc_f32x4_u, f32, EXACT, a -> via(I32x4::i32x4_trunc_sat_f32x4_u, a));
        un("i32x4.relaxed_trunc_f64x2_s_zero", Relaxed::i32x4_relaxed_trunc_f64x2_s_zero, f64, EXACT,
                a -> via(I32x4::i32x4_trunc_sat_f64x2_s_zero, a));
        un("i32x4.relaxed_trunc_f64x2_u_zero", Relaxed::i32x4_relaxed_trunc_f64x2_u_zero, f64, EXACT,
                a -> via(I32x4::i32x4_trunc_sat_f64x2_u_zero, a));
        for (String shape : new String[] {"i8x16", "i16x8", "i32x4", "i64x2"}) {
            Harness.K3 k = switch (shape) {
                case "i8x16" -> Relaxed::i8x16_relaxed_laneselect;
                case "i16x8" -> Relaxed::i16x8_relaxed_laneselect;
                case "i32x4" -> Relaxed::i32x4_relaxed_laneselect;
                default -> Relaxed::i64x2_relaxed_laneselect;
            };
            Harness.ter(shape + ".relaxed_laneselect", k, i8, (a, b, c) -> via(V128::v128_bitselect, a, b, c));
        }
        bin("f32x4.relaxed_min", Relaxed::f32x4_relaxed_min, f32, F32, (a, b) -> via(F32x4::f32x4_min, a, b));
        bin("f32x4.relaxed_max", Relaxed::f32x4_relaxed_max, f32, F32, (a, b) -> via(F32x4::f32x4_max, a, b));
        bin("f64x2.relaxed_min", Relaxed::f64x2_relaxed_min, f64, F64, (a, b) -> via(F64x2::f64x2_min, a, b));
        bin("f64x2.relaxed_max", Relaxed::f64x2_relaxed_max, f64, F64, (a, b) -> via(F64x2::f64x2_max, a, b));
        bin("i16x8.relaxed_q15mulr_s", Relaxed::i16x8_relaxed_q15mulr_s, gen(16, false), EXACT,
                (a, b) -> via(I16x8::i16x8_q15mulr_sat_s, a, b));
    }

    @Test
    void fusedDiffersFromSeparateRounding() {
        // (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 exactly; separately rounded the 2^-24 is lost: the choice is visible.
        float x = 1 + 0x1p-12f;
        long[] regs = new long[8];
        long lane = Float.floatToRawIntBits(x) & 0xFFFF_FFFFL, minus1 = Float.floatToRawIntBits(-1f) & 0xFFFF_FFFFL;
        regs[0] = regs[2] = lane;
        regs[4] = minus1;
        Relaxed.f32x4_relaxed_madd(regs, 6, 0, 2, 4);
        org.junit.jupiter.api.Assertions.assertEquals(0x1p-11f + 0x1p-24f, Float.intBitsToFloat((int) regs[6]));
    }
}
