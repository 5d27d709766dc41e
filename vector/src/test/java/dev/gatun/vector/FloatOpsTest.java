package dev.gatun.vector;

import static dev.gatun.vector.Harness.Cmp.EXACT;
import static dev.gatun.vector.Harness.Cmp.F32;
import static dev.gatun.vector.Harness.Cmp.F64;
import static dev.gatun.vector.Harness.bin;
import static dev.gatun.vector.Harness.gen;
import static dev.gatun.vector.Harness.nans32;
import static dev.gatun.vector.Harness.nans64;
import static dev.gatun.vector.Harness.un;

import org.junit.jupiter.api.Test;

/** Float lane ops, comparisons, rounding and conversions against references written from the spec. */
class FloatOpsTest {
    interface F2 { float f(float x, float y); }
    interface F1 { float f(float x); }
    interface D2 { double f(double x, double y); }
    interface D1 { double f(double x); }
    interface FP { boolean p(float x, float y); }
    interface DP { boolean p(double x, double y); }

    static final float CANON_F = Float.intBitsToFloat(Harness.CANON32);
    static final double CANON_D = Double.longBitsToDouble(Harness.CANON64);

    static Harness.R2 f32(F2 f) {
        return (a, b) -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, f.f(a.f32(i), b.f32(i)));
            return o.build();
        };
    }

    static Harness.R1 f32(F1 f) {
        return a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, f.f(a.f32(i)));
            return o.build();
        };
    }

    static Harness.R2 f64(D2 f) {
        return (a, b) -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, f.f(a.f64(i), b.f64(i)));
            return o.build();
        };
    }

    static Harness.R1 f64(D1 f) {
        return a -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, f.f(a.f64(i)));
            return o.build();
        };
    }

    /** An IEEE arithmetic result with the Wasm NaN rule applied. */
    static F2 arith(F2 ieee) {
        return (x, y) -> {
            float r = ieee.f(x, y);
            return r != r ? nans32(x, y) : r;
        };
    }

    static D2 arithD(D2 ieee) {
        return (x, y) -> {
            double r = ieee.f(x, y);
            return r != r ? nans64(x, y) : r;
        };
    }

    /** fmin from the spec: NaN operand gives (here: canonical) NaN; -0 below +0. */
    static float fmin(float x, float y) {
        if (x != x || y != y) return CANON_F;
        if (x == 0 && y == 0) return Float.floatToRawIntBits(x) < 0 ? x : y;
        return x < y ? x : y;
    }

    static float fmax(float x, float y) {
        if (x != x || y != y) return CANON_F;
        if (x == 0 && y == 0) return Float.floatToRawIntBits(x) < 0 ? y : x;
        return x > y ? x : y;
    }

    static double dmin(double x, double y) {
        if (x != x || y != y) return CANON_D;
        if (x == 0 && y == 0) return Double.doubleToRawLongBits(x) < 0 ? x : y;
        return x < y ? x : y;
    }

    static double dmax(double x, double y) {
        if (x != x || y != y) return CANON_D;
        if (x == 0 && y == 0) return Double.doubleToRawLongBits(x) < 0 ? y : x;
        return x > y ? x : y;
    }

    @Test
    void f32x4Arithmetic() {
        Harness.Gen g = gen(32, true);
        bin("f32x4.add", F32x4::f32x4_add, g, F32, f32(arith((x, y) -> x + y)));
        bin("f32x4.sub", F32x4::f32x4_sub, g, F32, f32(arith((x, y) -> x - y)));
        bin("f32x4.mul", F32x4::f32x4_mul, g, F32, f32(arith((x, y) -> x * y)));
        bin("f32x4.div", F32x4::f32x4_div, g, F32, f32(arith((x, y) -> x / y)));
        un("f32x4.sqrt", F32x4::f32x4_sqrt, g, F32, f32(x -> {
            float r = (float) Math.sqrt(x); // exact: sqrt in double then one rounding is correctly rounded
            return r != r ? nans32(x) : r;
        }));
        bin("f32x4.min", F32x4::f32x4_min, g, F32, f32(FloatOpsTest::fmin));
        bin("f32x4.max", F32x4::f32x4_max, g, F32, f32(FloatOpsTest::fmax));
        // pmin/pmax, abs, neg return operand bits unchanged (NaN payloads included): exact
        bin("f32x4.pmin", F32x4::f32x4_pmin, g, EXACT, f32((x, y) -> y < x ? y : x));
        bin("f32x4.pmax", F32x4::f32x4_pmax, g, EXACT, f32((x, y) -> x < y ? y : x));
        un("f32x4.abs", F32x4::f32x4_abs, g, EXACT,
                f32(x -> Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7FFF_FFFF)));
        un("f32x4.neg", F32x4::f32x4_neg, g, EXACT,
                f32(x -> Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ 0x8000_0000)));
    }

    @Test
    void f64x2Arithmetic() {
        Harness.Gen g = gen(64, true);
        bin("f64x2.add", F64x2::f64x2_add, g, F64, f64(arithD((x, y) -> x + y)));
        bin("f64x2.sub", F64x2::f64x2_sub, g, F64, f64(arithD((x, y) -> x - y)));
        bin("f64x2.mul", F64x2::f64x2_mul, g, F64, f64(arithD((x, y) -> x * y)));
        bin("f64x2.div", F64x2::f64x2_div, g, F64, f64(arithD((x, y) -> x / y)));
        un("f64x2.sqrt", F64x2::f64x2_sqrt, g, F64, f64(x -> {
            double r = Math.sqrt(x);
            return r != r ? nans64(x) : r;
        }));
        bin("f64x2.min", F64x2::f64x2_min, g, F64, f64(FloatOpsTest::dmin));
        bin("f64x2.max", F64x2::f64x2_max, g, F64, f64(FloatOpsTest::dmax));
        bin("f64x2.pmin", F64x2::f64x2_pmin, g, EXACT, f64((x, y) -> y < x ? y : x));
        bin("f64x2.pmax", F64x2::f64x2_pmax, g, EXACT, f64((x, y) -> x < y ? y : x));
        un("f64x2.abs", F64x2::f64x2_abs, g, EXACT,
                f64(x -> Double.longBitsToDouble(Double.doubleToRawLongBits(x) & Long.MAX_VALUE)));
        un("f64x2.neg", F64x2::f64x2_neg, g, EXACT,
                f64(x -> Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ Long.MIN_VALUE)));
    }

    static Harness.R2 cmp32(FP p) {
        return (a, b) -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.set(i, p.p(a.f32(i), b.f32(i)) ? -1 : 0);
            return o.build();
        };
    }

    static Harness.R2 cmp64(DP p) {
        return (a, b) -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.set(i, p.p(a.f64(i), b.f64(i)) ? -1 : 0);
            return o.build();
        };
    }

    @Test
    void comparisons() {
        Harness.Gen g = gen(32, true);
        bin("f32x4.eq", F32x4::f32x4_eq, g, EXACT, cmp32((x, y) -> x == y));
        bin("f32x4.ne", F32x4::f32x4_ne, g, EXACT, cmp32((x, y) -> !(x == y)));
        bin("f32x4.lt", F32x4::f32x4_lt, g, EXACT, cmp32((x, y) -> x < y));
        bin("f32x4.gt", F32x4::f32x4_gt, g, EXACT, cmp32((x, y) -> x > y));
        bin("f32x4.le", F32x4::f32x4_le, g, EXACT, cmp32((x, y) -> x <= y));
        bin("f32x4.ge", F32x4::f32x4_ge, g, EXACT, cmp32((x, y) -> x >= y));
        Harness.Gen d = gen(64, true);
        bin("f64x2.eq", F64x2::f64x2_eq, d, EXACT, cmp64((x, y) -> x == y));
        bin("f64x2.ne", F64x2::f64x2_ne, d, EXACT, cmp64((x, y) -> !(x == y)));
        bin("f64x2.lt", F64x2::f64x2_lt, d, EXACT, cmp64((x, y) -> x < y));
        bin("f64x2.gt", F64x2::f64x2_gt, d, EXACT, cmp64((x, y) -> x > y));
        bin("f64x2.le", F64x2::f64x2_le, d, EXACT, cmp64((x, y) -> x <= y));
        bin("f64x2.ge", F64x2::f64x2_ge, d, EXACT, cmp64((x, y) -> x >= y));
    }

    /** Round to integral in the given mode, from the definition (not via Math.ceil/floor/rint). */
    static double roundRef(double x, int mode) {
        if (x != x || Double.isInfinite(x) || Math.abs(x) >= 0x1p52) return x;
        // |x| < 2^52: the integer part fits a long exactly
        long t = (long) x; // truncation toward zero
        double tf = t;
        double frac = x - tf; // exact
        double r = switch (mode) {
            case 0 -> frac > 0 ? tf + 1 : tf; // ceil
            case 1 -> frac < 0 ? tf - 1 : tf; // floor
            case 2 -> tf; // trunc
            default -> { // nearest, ties to even
                double af = Math.abs(frac);
                long up = x < 0 ? t - 1 : t + 1;
                if (af > 0.5 || (af == 0.5 && (t & 1) != 0)) yield (double) up;
                yield tf;
            }
        };
        return Math.copySign(r, x); // a zero result keeps the sign of x
    }

    @Test
    void rounding() {
        Harness.Gen g = gen(32, true);
        String[] modes = {"ceil", "floor", "trunc", "nearest"};
        for (int m = 0; m < 4; m++) {
            int mode = m;
            Harness.K1 k = IntOpsTest.kernel1("f32x4_" + modes[m]);
            un("f32x4." + modes[m], k, g, F32, f32(x -> x != x ? nans32(x) : (float) roundRef(x, mode)));
        }
        Harness.Gen d = gen(64, true);
        for (int m = 0; m < 4; m++) {
            int mode = m;
            Harness.K1 k = IntOpsTest.kernel1("f64x2_" + modes[m]);
            un("f64x2." + modes[m], k, d, F64, f64(x -> x != x ? nans64(x) : roundRef(x, mode)));
        }
    }

    static long truncSat(double x, double lo, double hi) {
        if (x != x) return 0;
        double t = roundRef(x, 2);
        if (t < lo) return (long) lo;
        if (t > hi) return (long) hi;
        return (long) t;
    }

    @Test
    void conversions() {
        Harness.Gen g = gen(32, true);
        un("i32x4.trunc_sat_f32x4_s", I32x4::i32x4_trunc_sat_f32x4_s, g, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.set(i, truncSat(a.f32(i), -0x1p31, 0x1p31 - 1));
            return o.build();
        });
        un("i32x4.trunc_sat_f32x4_u", I32x4::i32x4_trunc_sat_f32x4_u, g, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.set(i, truncSat(a.f32(i), 0, 0x1p32 - 1));
            return o.build();
        });
        Harness.Gen d = gen(64, true);
        un("i32x4.trunc_sat_f64x2_s_zero", I32x4::i32x4_trunc_sat_f64x2_s_zero, d, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 2; i++) o.set(i, truncSat(a.f64(i), -0x1p31, 0x1p31 - 1));
            return o.build();
        });
        un("i32x4.trunc_sat_f64x2_u_zero", I32x4::i32x4_trunc_sat_f64x2_u_zero, d, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 2; i++) o.set(i, truncSat(a.f64(i), 0, 0x1p32 - 1));
            return o.build();
        });
        Harness.Gen ints = gen(32, false);
        un("f32x4.convert_i32x4_s", F32x4::f32x4_convert_i32x4_s, ints, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, (float) (double) a.i32(i)); // int exact in double, one rounding
            return o.build();
        });
        un("f32x4.convert_i32x4_u", F32x4::f32x4_convert_i32x4_u, ints, EXACT, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) o.setF32(i, (float) (double) a.u32(i));
            return o.build();
        });
        un("f64x2.convert_low_i32x4_s", F64x2::f64x2_convert_low_i32x4_s, ints, EXACT, a -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, a.i32(i));
            return o.build();
        });
        un("f64x2.convert_low_i32x4_u", F64x2::f64x2_convert_low_i32x4_u, ints, EXACT, a -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) o.setF64(i, a.u32(i));
            return o.build();
        });
        un("f32x4.demote_f64x2_zero", F32x4::f32x4_demote_f64x2_zero, d, F32, a -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 2; i++) {
                double x = a.f64(i);
                if (x != x) {
                    o.set(i, (Double.doubleToRawLongBits(x) & Long.MAX_VALUE) == Harness.CANON64
                            ? Harness.CANON32 : Harness.ARITH32);
                } else {
                    o.setF32(i, (float) x); // IEEE round to nearest, ties to even; overflow to infinity
                }
            }
            return o.build();
        });
        un("f64x2.promote_low_f32x4", F64x2::f64x2_promote_low_f32x4, g, F64, a -> {
            V.Builder o = V.of(64);
            for (int i = 0; i < 2; i++) {
                float x = a.f32(i);
                o.setF64(i, x == x ? (double) x
                        : (Float.floatToRawIntBits(nans32(x)) & 0x7FFF_FFFF) == Harness.CANON32 ? CANON_D
                        : Double.longBitsToDouble(Harness.ARITH64));
            }
            return o.build();
        });
    }

    @Test
    void specExamples() {
        // a few rows lifted from simd_f32x4.wast / simd_f32x4_rounding.wast / simd_conversions.wast
        long[] regs = new long[4];
        regs[0] = pack(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(0f));
        regs[1] = pack(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(-0f));
        regs[2] = pack(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(-0f));
        regs[3] = pack(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(0f));
        F32x4.f32x4_min(regs, 0, 0, 2); // min(-0, 0) = -0, min(0, -0) = -0
        org.junit.jupiter.api.Assertions.assertEquals(pack(0x8000_0000, 0x8000_0000), regs[0]);
        regs[0] = pack(Float.floatToRawIntBits(-1.5f), Float.floatToRawIntBits(2.5f));
        regs[1] = pack(Float.floatToRawIntBits(-0.5f), Float.floatToRawIntBits(3.5f));
        F32x4.f32x4_nearest(regs, 0, 0);
        org.junit.jupiter.api.Assertions.assertEquals(pack(Float.floatToRawIntBits(-2f), Float.floatToRawIntBits(2f)), regs[0]);
        org.junit.jupiter.api.Assertions.assertEquals(pack(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(4f)), regs[1]);
    }

    static long pack(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }
}
