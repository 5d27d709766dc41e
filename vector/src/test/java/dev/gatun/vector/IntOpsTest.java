package dev.gatun.vector;

import static dev.gatun.vector.Harness.Cmp.EXACT;
import static dev.gatun.vector.Harness.bin;
import static dev.gatun.vector.Harness.gen;
import static dev.gatun.vector.Harness.reduce;
import static dev.gatun.vector.Harness.un;

import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** Integer lane ops against scalar references written from the spec's definitions. */
class IntOpsTest {

    static long lane(V v, int w, int i, boolean unsigned) {
        long raw = v.raw(i, w);
        if (unsigned || w == 64) return raw;
        return (raw << (64 - w)) >> (64 - w);
    }

    static Harness.R2 map2(int w, boolean unsigned, LongBinaryOperator f) {
        return (a, b) -> {
            V.Builder o = V.of(w);
            for (int i = 0; i < 128 / w; i++) o.set(i, f.applyAsLong(lane(a, w, i, unsigned), lane(b, w, i, unsigned)));
            return o.build();
        };
    }

    static Harness.R1 map1(int w, boolean unsigned, LongUnaryOperator f) {
        return a -> {
            V.Builder o = V.of(w);
            for (int i = 0; i < 128 / w; i++) o.set(i, f.applyAsLong(lane(a, w, i, unsigned)));
            return o.build();
        };
    }

    static long clamp(long v, long lo, long hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    static long smin(int w) { return -(1L << (w - 1)); }
    static long smax(int w) { return (1L << (w - 1)) - 1; }
    static long umax(int w) { return (1L << w) - 1; }

    @Test
    void i8x16() {
        int w = 8;
        Harness.Gen g = gen(w, false);
        bin("i8x16.add", I8x16::i8x16_add, g, EXACT, map2(w, false, (x, y) -> x + y));
        bin("i8x16.sub", I8x16::i8x16_sub, g, EXACT, map2(w, false, (x, y) -> x - y));
        bin("i8x16.add_sat_s", I8x16::i8x16_add_sat_s, g, EXACT, map2(w, false, (x, y) -> clamp(x + y, smin(w), smax(w))));
        bin("i8x16.add_sat_u", I8x16::i8x16_add_sat_u, g, EXACT, map2(w, true, (x, y) -> clamp(x + y, 0, umax(w))));
        bin("i8x16.sub_sat_s", I8x16::i8x16_sub_sat_s, g, EXACT, map2(w, false, (x, y) -> clamp(x - y, smin(w), smax(w))));
        bin("i8x16.sub_sat_u", I8x16::i8x16_sub_sat_u, g, EXACT, map2(w, true, (x, y) -> clamp(x - y, 0, umax(w))));
        bin("i8x16.min_s", I8x16::i8x16_min_s, g, EXACT, map2(w, false, (x, y) -> x < y ? x : y));
        bin("i8x16.min_u", I8x16::i8x16_min_u, g, EXACT, map2(w, true, (x, y) -> x < y ? x : y));
        bin("i8x16.max_s", I8x16::i8x16_max_s, g, EXACT, map2(w, false, (x, y) -> x > y ? x : y));
        bin("i8x16.max_u", I8x16::i8x16_max_u, g, EXACT, map2(w, true, (x, y) -> x > y ? x : y));
        bin("i8x16.avgr_u", I8x16::i8x16_avgr_u, g, EXACT, map2(w, true, (x, y) -> (x + y + 1) / 2));
        un("i8x16.abs", I8x16::i8x16_abs, g, EXACT, map1(w, false, x -> x < 0 ? -x : x));
        un("i8x16.neg", I8x16::i8x16_neg, g, EXACT, map1(w, false, x -> -x));
        un("i8x16.popcnt", I8x16::i8x16_popcnt, g, EXACT, map1(w, true, x -> {
            int c = 0;
            for (int i = 0; i < 8; i++) c += (int) (x >> i) & 1;
            return c;
        }));
        commonCompares(w, "i8x16", g);
    }

    @Test
    void i16x8() {
        int w = 16;
        Harness.Gen g = gen(w, false);
        bin("i16x8.add", I16x8::i16x8_add, g, EXACT, map2(w, false, (x, y) -> x + y));
        bin("i16x8.sub", I16x8::i16x8_sub, g, EXACT, map2(w, false, (x, y) -> x - y));
        bin("i16x8.mul", I16x8::i16x8_mul, g, EXACT, map2(w, false, (x, y) -> x * y));
        bin("i16x8.add_sat_s", I16x8::i16x8_add_sat_s, g, EXACT, map2(w, false, (x, y) -> clamp(x + y, smin(w), smax(w))));
        bin("i16x8.add_sat_u", I16x8::i16x8_add_sat_u, g, EXACT, map2(w, true, (x, y) -> clamp(x + y, 0, umax(w))));
        bin("i16x8.sub_sat_s", I16x8::i16x8_sub_sat_s, g, EXACT, map2(w, false, (x, y) -> clamp(x - y, smin(w), smax(w))));
        bin("i16x8.sub_sat_u", I16x8::i16x8_sub_sat_u, g, EXACT, map2(w, true, (x, y) -> clamp(x - y, 0, umax(w))));
        bin("i16x8.min_s", I16x8::i16x8_min_s, g, EXACT, map2(w, false, (x, y) -> x < y ? x : y));
        bin("i16x8.min_u", I16x8::i16x8_min_u, g, EXACT, map2(w, true, (x, y) -> x < y ? x : y));
        bin("i16x8.max_s", I16x8::i16x8_max_s, g, EXACT, map2(w, false, (x, y) -> x > y ? x : y));
        bin("i16x8.max_u", I16x8::i16x8_max_u, g, EXACT, map2(w, true, (x, y) -> x > y ? x : y));
        bin("i16x8.avgr_u", I16x8::i16x8_avgr_u, g, EXACT, map2(w, true, (x, y) -> (x + y + 1) / 2));
        bin("i16x8.q15mulr_sat_s", I16x8::i16x8_q15mulr_sat_s, g, EXACT,
                map2(w, false, (x, y) -> clamp((x * y + 0x4000) >> 15, smin(w), smax(w))));
        un("i16x8.abs", I16x8::i16x8_abs, g, EXACT, map1(w, false, x -> x < 0 ? -x : x));
        un("i16x8.neg", I16x8::i16x8_neg, g, EXACT, map1(w, false, x -> -x));
        commonCompares(w, "i16x8", g);
    }

    @Test
    void i32x4() {
        int w = 32;
        Harness.Gen g = gen(w, false);
        bin("i32x4.add", I32x4::i32x4_add, g, EXACT, map2(w, false, (x, y) -> x + y));
        bin("i32x4.sub", I32x4::i32x4_sub, g, EXACT, map2(w, false, (x, y) -> x - y));
        bin("i32x4.mul", I32x4::i32x4_mul, g, EXACT, map2(w, false, (x, y) -> x * y));
        bin("i32x4.min_s", I32x4::i32x4_min_s, g, EXACT, map2(w, false, (x, y) -> x < y ? x : y));
        bin("i32x4.min_u", I32x4::i32x4_min_u, g, EXACT, map2(w, true, (x, y) -> x < y ? x : y));
        bin("i32x4.max_s", I32x4::i32x4_max_s, g, EXACT, map2(w, false, (x, y) -> x > y ? x : y));
        bin("i32x4.max_u", I32x4::i32x4_max_u, g, EXACT, map2(w, true, (x, y) -> x > y ? x : y));
        un("i32x4.abs", I32x4::i32x4_abs, g, EXACT, map1(w, false, x -> x < 0 ? -x : x));
        un("i32x4.neg", I32x4::i32x4_neg, g, EXACT, map1(w, false, x -> -x));
        bin("i32x4.dot_i16x8_s", I32x4::i32x4_dot_i16x8_s, gen(16, false), EXACT, (a, b) -> {
            V.Builder o = V.of(32);
            for (int i = 0; i < 4; i++) {
                o.set(i, (long) a.i16(2 * i) * b.i16(2 * i) + (long) a.i16(2 * i + 1) * b.i16(2 * i + 1));
            }
            return o.build();
        });
        commonCompares(w, "i32x4", g);
    }

    @Test
    void i64x2() {
        int w = 64;
        Harness.Gen g = gen(w, false);
        bin("i64x2.add", I64x2::i64x2_add, g, EXACT, map2(w, false, (x, y) -> x + y));
        bin("i64x2.sub", I64x2::i64x2_sub, g, EXACT, map2(w, false, (x, y) -> x - y));
        bin("i64x2.mul", I64x2::i64x2_mul, g, EXACT, map2(w, false, (x, y) -> x * y));
        un("i64x2.abs", I64x2::i64x2_abs, g, EXACT, map1(w, false, x -> x < 0 ? -x : x));
        un("i64x2.neg", I64x2::i64x2_neg, g, EXACT, map1(w, false, x -> -x));
        commonCompares(w, "i64x2", g);
    }

    /** eq..ge, shifts, all_true, bitmask: same definitions for every integer shape. */
    private void commonCompares(int w, String sh, Harness.Gen g) {
        LongBinaryOperator eq = (x, y) -> x == y ? -1 : 0, ne = (x, y) -> x != y ? -1 : 0;
        LongBinaryOperator lt = (x, y) -> x < y ? -1 : 0, gt = (x, y) -> x > y ? -1 : 0;
        LongBinaryOperator le = (x, y) -> x <= y ? -1 : 0, ge = (x, y) -> x >= y ? -1 : 0;
        bin(sh + ".eq", kernel2(sh + "_eq"), g, EXACT, map2(w, false, eq));
        bin(sh + ".ne", kernel2(sh + "_ne"), g, EXACT, map2(w, false, ne));
        bin(sh + ".lt_s", kernel2(sh + "_lt_s"), g, EXACT, map2(w, false, lt));
        bin(sh + ".gt_s", kernel2(sh + "_gt_s"), g, EXACT, map2(w, false, gt));
        bin(sh + ".le_s", kernel2(sh + "_le_s"), g, EXACT, map2(w, false, le));
        bin(sh + ".ge_s", kernel2(sh + "_ge_s"), g, EXACT, map2(w, false, ge));
        if (w < 64) {
            bin(sh + ".lt_u", kernel2(sh + "_lt_u"), g, EXACT, map2(w, true, lt));
            bin(sh + ".gt_u", kernel2(sh + "_gt_u"), g, EXACT, map2(w, true, gt));
            bin(sh + ".le_u", kernel2(sh + "_le_u"), g, EXACT, map2(w, true, le));
            bin(sh + ".ge_u", kernel2(sh + "_ge_u"), g, EXACT, map2(w, true, ge));
        }
        // shifts: the count is an i32 register (any value, taken modulo the lane width)
        Harness.Gen count = r -> {
            long c = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(w);
                case 1 -> r.nextInt(-200, 200);
                case 2 -> r.nextInt();
                default -> w * r.nextInt(0, 4) + r.nextInt(-1, 2);
            };
            return new V(c, 0);
        };
        bin(sh + ".shl", shiftKernel(sh + "_shl"), g, count, EXACT,
                (a, c) -> map1(w, false, x -> x << (c.lo() & (w - 1))).ref(a));
        bin(sh + ".shr_s", shiftKernel(sh + "_shr_s"), g, count, EXACT,
                (a, c) -> map1(w, false, x -> x >> (c.lo() & (w - 1))).ref(a));
        bin(sh + ".shr_u", shiftKernel(sh + "_shr_u"), g, count, EXACT,
                (a, c) -> map1(w, true, x -> x >>> (c.lo() & (w - 1))).ref(a));
        // reductions, with zero lanes made common
        Harness.Gen sparse = r -> {
            V v = g.gen(r);
            V.Builder o = V.of(w);
            for (int i = 0; i < 128 / w; i++) o.set(i, r.nextInt(3) == 0 ? 0 : v.raw(i, w));
            return r.nextInt(5) == 0 ? V.of(w).set(0, r.nextInt(5) == 0 ? 0 : 1).build() : o.build();
        };
        reduce(sh + ".all_true", kernel1(sh + "_all_true"), sparse, a -> {
            for (int i = 0; i < 128 / w; i++) if (a.raw(i, w) == 0) return 0;
            return 1;
        });
        reduce(sh + ".bitmask", kernel1(sh + "_bitmask"), g, a -> {
            long m = 0;
            for (int i = 0; i < 128 / w; i++) if (lane(a, w, i, false) < 0) m |= 1L << i;
            return m;
        });
    }

    static Harness.K2 kernel2(String name) {
        var mh = Reflect.handle(name, int.class);
        return (regs, d, a, b) -> Reflect.call(mh, regs, d, a, b);
    }

    static Harness.K2 shiftKernel(String name) {
        return kernel2(name);
    }

    static Harness.K1 kernel1(String name) {
        var mh = Reflect.handle(name);
        return (regs, d, a) -> Reflect.call(mh, regs, d, a);
    }

    @Test
    void bitwise() {
        Harness.Gen g = gen(64, false);
        bin("v128.and", V128::v128_and, g, EXACT, map2(64, false, (x, y) -> x & y));
        bin("v128.or", V128::v128_or, g, EXACT, map2(64, false, (x, y) -> x | y));
        bin("v128.xor", V128::v128_xor, g, EXACT, map2(64, false, (x, y) -> x ^ y));
        bin("v128.andnot", V128::v128_andnot, g, EXACT, map2(64, false, (x, y) -> x & ~y));
        un("v128.not", V128::v128_not, g, EXACT, map1(64, false, x -> ~x));
        Harness.ter("v128.bitselect", V128::v128_bitselect, g, (a, b, c) -> {
            V.Builder o = V.of(8);
            for (int i = 0; i < 16; i++) {
                long bits = 0;
                for (int k = 0; k < 8; k++) {
                    long bit = ((c.u8(i) >> k) & 1) != 0 ? (a.u8(i) >> k) & 1 : (b.u8(i) >> k) & 1;
                    bits |= bit << k;
                }
                o.set(i, bits);
            }
            return o.build();
        });
        Harness.Gen sparse = r -> r.nextInt(3) == 0 ? new V(0, r.nextInt(3) == 0 ? 1L << r.nextInt(64) : 0)
                : r.nextInt(2) == 0 ? new V(1L << r.nextInt(64), 0) : g.gen(r);
        reduce("v128.any_true", V128::v128_any_true, sparse, a -> {
            for (int i = 0; i < 16; i++) if (a.u8(i) != 0) return 1;
            return 0;
        });
    }
}
