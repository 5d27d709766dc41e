package dev.gatun.vector;

import static dev.gatun.vector.Harness.Cmp.EXACT;
import static dev.gatun.vector.Harness.bin;
import static dev.gatun.vector.Harness.gen;
import static dev.gatun.vector.Harness.un;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Splat, lane access, shuffle/swizzle and the cross-lane integer ops (narrow, extend, extmul, extadd). */
class LaneOpsTest {

    static long lane(V v, int w, int i, boolean unsigned) {
        return IntOpsTest.lane(v, w, i, unsigned);
    }

    @Test
    void splat() {
        int[] widths = {8, 16, 32, 64, 32, 64};
        String[] names = {"i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"};
        for (int s = 0; s < names.length; s++) {
            int w = widths[s];
            boolean fp = s >= 4;
            Harness.Gen scalar = r -> {
                long x = V.lane(r, w == 64 ? 64 : 32, fp);
                return new V(w == 64 ? x : (long) (int) x, 0); // i32/f32 scalars are sign-extended
            };
            un(names[s] + ".splat", IntOpsTest.kernel1(names[s] + "_splat"), scalar, EXACT, a -> {
                V.Builder o = V.of(w);
                for (int i = 0; i < 128 / w; i++) o.set(i, a.lo());
                return o.build();
            });
        }
    }

    @Test
    void extractAndReplace() {
        SplittableRandom r = new SplittableRandom(7);
        record Shape(String name, int w, boolean fp) {}
        Shape[] shapes = {new Shape("i8x16", 8, false), new Shape("i16x8", 16, false), new Shape("i32x4", 32, false),
            new Shape("i64x2", 64, false), new Shape("f32x4", 32, true), new Shape("f64x2", 64, true)};
        for (Shape s : shapes) {
            var ex = s.w <= 16 ? null : Reflect.handle(s.name + "_extract_lane", int.class);
            var exS = s.w <= 16 ? Reflect.handle(s.name + "_extract_lane_s", int.class) : null;
            var exU = s.w <= 16 ? Reflect.handle(s.name + "_extract_lane_u", int.class) : null;
            var rep = Reflect.handle(s.name + "_replace_lane", int.class, int.class);
            for (int n = 0; n < 3000; n++) {
                V v = V.random(r, s.w, s.fp);
                int lane = r.nextInt(128 / s.w);
                long[] regs = Harness.garbage(r);
                Harness.put(regs, 2, v);
                if (ex != null) {
                    Reflect.call(ex, regs, 9, 2, lane);
                    long want = s.w == 32 ? (long) v.i32(lane) : v.i64(lane);
                    assertEquals(want, regs[9], s.name + ".extract_lane");
                } else {
                    Reflect.call(exS, regs, 9, 2, lane);
                    assertEquals(lane(v, s.w, lane, false), regs[9], s.name + ".extract_lane_s");
                    Reflect.call(exU, regs, 9, 2, lane);
                    assertEquals(lane(v, s.w, lane, true), regs[9], s.name + ".extract_lane_u");
                }
                long scalar = s.w == 64 ? r.nextLong() : (long) r.nextInt();
                regs[12] = scalar;
                int dst = r.nextBoolean() ? 2 : 5;
                Reflect.call(rep, regs, dst, 2, 12, lane);
                V.Builder o = V.of(s.w);
                for (int i = 0; i < 128 / s.w; i++) o.set(i, i == lane ? scalar : v.raw(i, s.w));
                assertEquals(o.build(), new V(regs[dst], regs[dst + 1]), s.name + ".replace_lane");
                assertEquals(scalar, regs[12]);
            }
            Harness.TESTED.add(s.name + ".replace_lane");
            if (s.w <= 16) {
                Harness.TESTED.add(s.name + ".extract_lane_s");
                Harness.TESTED.add(s.name + ".extract_lane_u");
            } else {
                Harness.TESTED.add(s.name + ".extract_lane");
            }
        }
    }

    @Test
    void shuffle() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n < Harness.N; n++) {
            byte[] lanes = new byte[16];
            int mode = r.nextInt(4);
            for (int i = 0; i < 16; i++) {
                lanes[i] = (byte) switch (mode) {
                    case 0 -> r.nextInt(16);
                    case 1 -> 16 + r.nextInt(16);
                    case 2 -> i;
                    default -> r.nextInt(32);
                };
            }
            ShufflePlan plan = I8x16.shufflePlan(lanes);
            V a = V.random(r, 8, false), b = V.random(r, 8, false);
            long[] regs = Harness.garbage(r);
            Harness.put(regs, 0, a);
            Harness.put(regs, 4, b);
            long[] before = regs.clone();
            int dst = switch (r.nextInt(3)) {
                case 0 -> 0;
                case 1 -> 4;
                default -> 8;
            };
            I8x16.i8x16_shuffle(regs, dst, 0, 4, plan);
            V.Builder o = V.of(8);
            for (int i = 0; i < 16; i++) o.set(i, lanes[i] < 16 ? a.u8(lanes[i]) : b.u8(lanes[i] - 16));
            Harness.check("i8x16.shuffle", EXACT, o.build(), regs, before, dst, "lanes");
        }
        assertThrows(IllegalArgumentException.class, () -> I8x16.shufflePlan(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> I8x16.shufflePlan(new byte[] {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32}));
        assertThrows(IllegalArgumentException.class, () -> I8x16.shufflePlan(new byte[] {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1}));
        Harness.TESTED.add("i8x16.shuffle");
    }

    @Test
    void swizzle() {
        Harness.Gen idx = r -> {
            V.Builder o = V.of(8);
            for (int i = 0; i < 16; i++) {
                o.set(i, switch (r.nextInt(4)) {
                    case 0, 1 -> r.nextInt(16);
                    case 2 -> r.nextInt(14, 20);
                    default -> r.nextInt(256);
                });
            }
            return o.build();
        };
        bin("i8x16.swizzle", I8x16::i8x16_swizzle, gen(8, false), idx, EXACT, (a, s) -> {
            V.Builder o = V.of(8);
            for (int i = 0; i < 16; i++) o.set(i, s.u8(i) < 16 ? a.u8(s.u8(i)) : 0);
            return o.build();
        });
    }

    @Test
    void narrow() {
        narrow("i8x16.narrow_i16x8_s", I8x16::i8x16_narrow_i16x8_s, 16, -128, 127);
        narrow("i8x16.narrow_i16x8_u", I8x16::i8x16_narrow_i16x8_u, 16, 0, 255);
        narrow("i16x8.narrow_i32x4_s", I16x8::i16x8_narrow_i32x4_s, 32, -32768, 32767);
        narrow("i16x8.narrow_i32x4_u", I16x8::i16x8_narrow_i32x4_u, 32, 0, 65535);
    }

    private void narrow(String name, Harness.K2 k, int w, long lo, long hi) {
        int n = 128 / w;
        bin(name, k, gen(w, false), EXACT, (a, b) -> {
            V.Builder o = V.of(w / 2);
            for (int i = 0; i < n; i++) {
                o.set(i, IntOpsTest.clamp(lane(a, w, i, false), lo, hi));
                o.set(n + i, IntOpsTest.clamp(lane(b, w, i, false), lo, hi));
            }
            return o.build();
        });
    }

    @Test
    void extendExtmulExtadd() {
        String[][] fam = {{"i16x8", "i8x16"}, {"i32x4", "i16x8"}, {"i64x2", "i32x4"}};
        for (String[] f : fam) {
            int w = Integer.parseInt(f[1].substring(1, f[1].indexOf('x')));
            int n = 128 / (2 * w);
            for (String half : new String[] {"low", "high"}) {
                int base = half.equals("low") ? 0 : n;
                for (String sg : new String[] {"s", "u"}) {
                    boolean u = sg.equals("u");
                    String ext = f[0] + ".extend_" + half + "_" + f[1] + "_" + sg;
                    un(ext, IntOpsTest.kernel1(ext.replace('.', '_')), gen(w, false), EXACT, a -> {
                        V.Builder o = V.of(2 * w);
                        for (int i = 0; i < n; i++) o.set(i, lane(a, w, base + i, u));
                        return o.build();
                    });
                    String mul = f[0] + ".extmul_" + half + "_" + f[1] + "_" + sg;
                    bin(mul, IntOpsTest.kernel2(mul.replace('.', '_')), gen(w, false), EXACT, (a, b) -> {
                        V.Builder o = V.of(2 * w);
                        for (int i = 0; i < n; i++) o.set(i, lane(a, w, base + i, u) * lane(b, w, base + i, u));
                        return o.build();
                    });
                }
            }
            if (w <= 16) {
                for (String sg : new String[] {"s", "u"}) {
                    boolean u = sg.equals("u");
                    String name = f[0] + ".extadd_pairwise_" + f[1] + "_" + sg;
                    un(name, IntOpsTest.kernel1(name.replace('.', '_')), gen(w, false), EXACT, a -> {
                        V.Builder o = V.of(2 * w);
                        for (int i = 0; i < n; i++) o.set(i, lane(a, w, 2 * i, u) + lane(a, w, 2 * i + 1, u));
                        return o.build();
                    });
                }
            }
        }
    }
}
