package dev.gatun.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads and stores on a native segment whose size is the accessible bound: little-endian results, and
 * an access that is not entirely in range throws IndexOutOfBoundsException with no register or memory
 * change.
 */
class MemoryOpsTest {
    static final int SIZE = 45;
    static Arena arena;
    static MemorySegment mem;

    @BeforeAll
    static void open() {
        arena = Arena.ofConfined();
        mem = arena.allocate(SIZE);
    }

    @AfterAll
    static void close() {
        arena.close();
    }

    interface Load { void run(long[] regs, int dst, MemorySegment mem, long ea); }
    interface LaneLoad { void run(long[] regs, int dst, int vec, MemorySegment mem, long ea, int lane); }
    interface Store { void run(long[] regs, int src, MemorySegment mem, long ea); }
    interface LaneStore { void run(long[] regs, int src, MemorySegment mem, long ea, int lane); }

    /** Little-endian value of n bytes at ea of the mirror, zero-extended. */
    static long le(byte[] m, long ea, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (m[(int) ea + i] & 0xFF);
        return v;
    }

    static byte[] fill(SplittableRandom r) {
        byte[] m = new byte[SIZE];
        r.nextBytes(m);
        MemorySegment.copy(m, 0, mem, ValueLayout.JAVA_BYTE, 0, SIZE);
        return m;
    }

    static long ea(SplittableRandom r, int size) {
        return switch (r.nextInt(5)) {
            case 0 -> SIZE - size + r.nextInt(-2, 3); // straddling the end
            case 1 -> r.nextInt(-3, 1);
            case 2 -> r.nextLong();
            default -> r.nextInt(0, SIZE - size + 1);
        };
    }

    static boolean inRange(long ea, int size) {
        return ea >= 0 && ea + size <= SIZE;
    }

    private void load(String name, Load k, int size, Function<Long, V> ref, SplittableRandom r) {
        for (int n = 0; n < 4000; n++) {
            byte[] m = fill(r);
            long ea = ea(r, size);
            long[] regs = Harness.garbage(r);
            long[] before = regs.clone();
            int dst = r.nextInt(15);
            if (inRange(ea, size)) {
                k.run(regs, dst, mem, ea);
                Harness.check(name, Harness.Cmp.EXACT, ref.apply(le(m, ea, size) | 0) /* bytes */, regs, before, dst,
                        "ea=" + ea);
            } else {
                expectTrap(name, () -> k.run(regs, dst, mem, ea));
                assertArrayEquals(before, regs, name + ": registers changed by a trapping load");
            }
            assertArrayEquals(m, mem.toArray(ValueLayout.JAVA_BYTE), name + ": a load changed memory");
        }
        Harness.TESTED.add(name);
    }

    static void expectTrap(String name, Runnable r) {
        try {
            r.run();
        } catch (IndexOutOfBoundsException e) {
            return;
        }
        fail(name + ": expected IndexOutOfBoundsException");
    }

    static V extend(long v, int w, boolean u) {
        V.Builder o = V.of(2 * w);
        for (int i = 0; i < 64 / w; i++) {
            long x = (v >>> (i * w)) & ((1L << w) - 1);
            o.set(i, u ? x : (x << (64 - w)) >> (64 - w));
        }
        return o.build();
    }

    static V splat(long v, int w) {
        V.Builder o = V.of(w);
        for (int i = 0; i < 128 / w; i++) o.set(i, v);
        return o.build();
    }

    @Test
    void loads() {
        SplittableRandom r = new SplittableRandom(3);
        // v128.load reads 16 bytes; the reference assembles them from the mirror in two halves
        for (int n = 0; n < 4000; n++) {
            byte[] m = fill(r);
            long ea = ea(r, 16);
            long[] regs = Harness.garbage(r);
            long[] before = regs.clone();
            if (inRange(ea, 16)) {
                V128.v128_load(regs, 4, mem, ea);
                Harness.check("v128.load", Harness.Cmp.EXACT, new V(le(m, ea, 8), le(m, ea + 8, 8)), regs, before, 4,
                        "ea=" + ea);
            } else {
                expectTrap("v128.load", () -> V128.v128_load(regs, 4, mem, ea));
                assertArrayEquals(before, regs);
            }
        }
        Harness.TESTED.add("v128.load");
        load("v128.load8x8_s", V128::v128_load8x8_s, 8, v -> extend(v, 8, false), r);
        load("v128.load8x8_u", V128::v128_load8x8_u, 8, v -> extend(v, 8, true), r);
        load("v128.load16x4_s", V128::v128_load16x4_s, 8, v -> extend(v, 16, false), r);
        load("v128.load16x4_u", V128::v128_load16x4_u, 8, v -> extend(v, 16, true), r);
        load("v128.load32x2_s", V128::v128_load32x2_s, 8, v -> extend(v, 32, false), r);
        load("v128.load32x2_u", V128::v128_load32x2_u, 8, v -> extend(v, 32, true), r);
        load("v128.load8_splat", V128::v128_load8_splat, 1, v -> splat(v, 8), r);
        load("v128.load16_splat", V128::v128_load16_splat, 2, v -> splat(v, 16), r);
        load("v128.load32_splat", V128::v128_load32_splat, 4, v -> splat(v, 32), r);
        load("v128.load64_splat", V128::v128_load64_splat, 8, v -> splat(v, 64), r);
        load("v128.load32_zero", V128::v128_load32_zero, 4, v -> new V(v, 0), r);
        load("v128.load64_zero", V128::v128_load64_zero, 8, v -> new V(v, 0), r);
    }

    @Test
    void laneLoads() {
        SplittableRandom r = new SplittableRandom(5);
        laneLoad("v128.load8_lane", V128::v128_load8_lane, 8, r);
        laneLoad("v128.load16_lane", V128::v128_load16_lane, 16, r);
        laneLoad("v128.load32_lane", V128::v128_load32_lane, 32, r);
        laneLoad("v128.load64_lane", V128::v128_load64_lane, 64, r);
    }

    private void laneLoad(String name, LaneLoad k, int w, SplittableRandom r) {
        int size = w / 8;
        for (int n = 0; n < 4000; n++) {
            byte[] m = fill(r);
            long ea = ea(r, size);
            int lane = r.nextInt(128 / w);
            V v = V.random(r, w, false);
            long[] regs = Harness.garbage(r);
            Harness.put(regs, 6, v);
            long[] before = regs.clone();
            int dst = r.nextBoolean() ? 6 : r.nextInt(15);
            if (inRange(ea, size)) {
                k.run(regs, dst, 6, mem, ea, lane);
                V.Builder o = V.of(w);
                for (int i = 0; i < 128 / w; i++) o.set(i, i == lane ? le(m, ea, size) : v.raw(i, w));
                Harness.check(name, Harness.Cmp.EXACT, o.build(), regs, before, dst, "ea=" + ea + " lane=" + lane);
            } else {
                expectTrap(name, () -> k.run(regs, dst, 6, mem, ea, lane));
                assertArrayEquals(before, regs);
            }
        }
        Harness.TESTED.add(name);
    }

    @Test
    void stores() {
        SplittableRandom r = new SplittableRandom(9);
        for (int n = 0; n < 4000; n++) {
            byte[] m = fill(r);
            long ea = ea(r, 16);
            V v = V.random(r, 8, false);
            long[] regs = Harness.garbage(r);
            Harness.put(regs, 3, v);
            long[] before = regs.clone();
            if (inRange(ea, 16)) {
                V128.v128_store(regs, 3, mem, ea);
                for (int i = 0; i < 16; i++) m[(int) ea + i] = (byte) v.u8(i);
            } else {
                expectTrap("v128.store", () -> V128.v128_store(regs, 3, mem, ea));
            }
            assertArrayEquals(m, mem.toArray(ValueLayout.JAVA_BYTE), "v128.store ea=" + ea);
            assertArrayEquals(before, regs);
        }
        Harness.TESTED.add("v128.store");
        laneStore("v128.store8_lane", V128::v128_store8_lane, 8, r);
        laneStore("v128.store16_lane", V128::v128_store16_lane, 16, r);
        laneStore("v128.store32_lane", V128::v128_store32_lane, 32, r);
        laneStore("v128.store64_lane", V128::v128_store64_lane, 64, r);
    }

    private void laneStore(String name, LaneStore k, int w, SplittableRandom r) {
        int size = w / 8;
        for (int n = 0; n < 4000; n++) {
            byte[] m = fill(r);
            long ea = ea(r, size);
            int lane = r.nextInt(128 / w);
            V v = V.random(r, w, false);
            long[] regs = Harness.garbage(r);
            Harness.put(regs, 10, v);
            long[] before = regs.clone();
            if (inRange(ea, size)) {
                k.run(regs, 10, mem, ea, lane);
                long x = v.raw(lane, w);
                for (int i = 0; i < size; i++) m[(int) ea + i] = (byte) (x >>> (8 * i));
            } else {
                expectTrap(name, () -> k.run(regs, 10, mem, ea, lane));
            }
            assertArrayEquals(m, mem.toArray(ValueLayout.JAVA_BYTE), name + " ea=" + ea);
            assertArrayEquals(before, regs);
        }
        Harness.TESTED.add(name);
    }

    @Test
    void littleEndianLayout() {
        // lane 0 of i8x16 is the low byte of regs[r]; memory byte 0 goes there
        MemorySegment.copy(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 0, mem,
                ValueLayout.JAVA_BYTE, 0, 16);
        long[] regs = new long[4];
        V128.v128_load(regs, 0, mem, 0);
        assertEquals(0x0807_0605_0403_0201L, regs[0]);
        assertEquals(0x100F_0E0D_0C0B_0A09L, regs[1]);
        I8x16.i8x16_extract_lane_u(regs, 2, 0, 15);
        assertEquals(16, regs[2]);
    }
}
