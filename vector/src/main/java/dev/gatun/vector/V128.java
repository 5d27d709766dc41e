package dev.gatun.vector;

import static dev.gatun.vector.Lanes.*;
import static dev.gatun.vector.I8x16.*;
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

/** Kernels of the v128 instructions that see no lanes: bitwise operations, any_true, and the loads and stores. A v128 occupies {@link #SLOTS} register slots. */
public final class V128 {
    /** Register slots one v128 occupies. */
    public static final int SLOTS = 2;

    private V128() {}

    /** v128.not */
    public static void v128_not(long[] regs, int dst, int a) {
        LongVector.fromArray(L, regs, a).not().intoArray(regs, dst);
    }

    /** v128.and */
    public static void v128_and(long[] regs, int dst, int a, int b) {
        LongVector.fromArray(L, regs, a).and(LongVector.fromArray(L, regs, b)).intoArray(regs, dst);
    }

    /** v128.andnot: a &amp; ~b */
    public static void v128_andnot(long[] regs, int dst, int a, int b) {
        LongVector.fromArray(L, regs, a).lanewise(VectorOperators.AND_NOT, LongVector.fromArray(L, regs, b)).intoArray(regs, dst);
    }

    /**
     * v128.or, also every v128 copy of tier 2 (x | x). Through lanewise, not {@code or()}: inlined into a big
     * generated method, C2 could not bind or()'s inner virtual call and ran the allocating Java fallback.
     */
    public static void v128_or(long[] regs, int dst, int a, int b) {
        LongVector.fromArray(L, regs, a).lanewise(VectorOperators.OR, LongVector.fromArray(L, regs, b)).intoArray(regs, dst);
    }

    /** v128.xor */
    public static void v128_xor(long[] regs, int dst, int a, int b) {
        LongVector.fromArray(L, regs, a).lanewise(VectorOperators.XOR, LongVector.fromArray(L, regs, b)).intoArray(regs, dst);
    }

    /** v128.bitselect: bits of a where c is 1, bits of b where c is 0. */
    public static void v128_bitselect(long[] regs, int dst, int a, int b, int c) {
        LongVector x = LongVector.fromArray(L, regs, a), y = LongVector.fromArray(L, regs, b);
        y.bitwiseBlend(x, LongVector.fromArray(L, regs, c)).intoArray(regs, dst);
    }

    /** v128.any_true: 1 if any bit is set. */
    public static void v128_any_true(long[] regs, int dst, int a) {
        regs[dst] = (regs[a] | regs[a + 1]) != 0 ? 1L : 0L;
    }

    /** v128.load: 16 bytes at ea. */
    public static void v128_load(long[] regs, int dst, MemorySegment mem, long ea) {
        Objects.checkFromIndexSize(ea, 16L, mem.byteSize());
        LongVector.fromMemorySegment(L, mem, ea, ByteOrder.LITTLE_ENDIAN).intoArray(regs, dst);
    }

    /** v128.store: 16 bytes at ea; nothing is written unless all 16 are in range. */
    public static void v128_store(long[] regs, int src, MemorySegment mem, long ea) {
        Objects.checkFromIndexSize(ea, 16L, mem.byteSize());
        LongVector.fromArray(L, regs, src).intoMemorySegment(mem, ea, ByteOrder.LITTLE_ENDIAN);
    }

    /** v128.load8x8_s: 8 bytes, each sign-extended to i16. */
    public static void v128_load8x8_s(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_LONG, ea);
        i16x8_extend_low_i8x16_s(regs, dst, dst);
    }

    /** v128.load8x8_u */
    public static void v128_load8x8_u(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_LONG, ea);
        i16x8_extend_low_i8x16_u(regs, dst, dst);
    }

    /** v128.load16x4_s */
    public static void v128_load16x4_s(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_LONG, ea);
        i32x4_extend_low_i16x8_s(regs, dst, dst);
    }

    /** v128.load16x4_u */
    public static void v128_load16x4_u(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_LONG, ea);
        i32x4_extend_low_i16x8_u(regs, dst, dst);
    }

    /** v128.load32x2_s */
    public static void v128_load32x2_s(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = mem.get(LE_LONG, ea);
        regs[dst] = (int) v;
        regs[dst + 1] = v >> 32;
    }

    /** v128.load32x2_u */
    public static void v128_load32x2_u(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = mem.get(LE_LONG, ea);
        regs[dst] = v & 0xFFFF_FFFFL;
        regs[dst + 1] = v >>> 32;
    }

    /** v128.load8_splat */
    public static void v128_load8_splat(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = (mem.get(ValueLayout.JAVA_BYTE, ea) & 0xFFL) * SPLAT8;
        LongVector.broadcast(L, v).intoArray(regs, dst);
    }

    /** v128.load16_splat */
    public static void v128_load16_splat(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = (mem.get(LE_SHORT, ea) & 0xFFFFL) * SPLAT16;
        LongVector.broadcast(L, v).intoArray(regs, dst);
    }

    /** v128.load32_splat */
    public static void v128_load32_splat(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = (mem.get(LE_INT, ea) & 0xFFFF_FFFFL) * SPLAT32;
        LongVector.broadcast(L, v).intoArray(regs, dst);
    }

    /** v128.load64_splat */
    public static void v128_load64_splat(long[] regs, int dst, MemorySegment mem, long ea) {
        long v = mem.get(LE_LONG, ea);
        LongVector.broadcast(L, v).intoArray(regs, dst);
    }

    /** v128.load32_zero */
    public static void v128_load32_zero(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_INT, ea) & 0xFFFF_FFFFL;
        regs[dst + 1] = 0L;
    }

    /** v128.load64_zero */
    public static void v128_load64_zero(long[] regs, int dst, MemorySegment mem, long ea) {
        regs[dst] = mem.get(LE_LONG, ea);
        regs[dst + 1] = 0L;
    }

    /** v128.load8_lane: copy of vec with one byte lane loaded from ea. */
    public static void v128_load8_lane(long[] regs, int dst, int vec, MemorySegment mem, long ea, int lane) {
        put8(regs, dst, vec, mem.get(ValueLayout.JAVA_BYTE, ea), lane);
    }

    /** v128.load16_lane */
    public static void v128_load16_lane(long[] regs, int dst, int vec, MemorySegment mem, long ea, int lane) {
        put16(regs, dst, vec, mem.get(LE_SHORT, ea), lane);
    }

    /** v128.load32_lane */
    public static void v128_load32_lane(long[] regs, int dst, int vec, MemorySegment mem, long ea, int lane) {
        put32(regs, dst, vec, mem.get(LE_INT, ea), lane);
    }

    /** v128.load64_lane */
    public static void v128_load64_lane(long[] regs, int dst, int vec, MemorySegment mem, long ea, int lane) {
        put64(regs, dst, vec, mem.get(LE_LONG, ea), lane);
    }

    /** v128.store8_lane */
    public static void v128_store8_lane(long[] regs, int src, MemorySegment mem, long ea, int lane) {
        mem.set(ValueLayout.JAVA_BYTE, ea, (byte) (regs[src + (lane >>> 3)] >>> ((lane & 7) << 3)));
    }

    /** v128.store16_lane */
    public static void v128_store16_lane(long[] regs, int src, MemorySegment mem, long ea, int lane) {
        mem.set(LE_SHORT, ea, (short) (regs[src + (lane >>> 2)] >>> ((lane & 3) << 4)));
    }

    /** v128.store32_lane */
    public static void v128_store32_lane(long[] regs, int src, MemorySegment mem, long ea, int lane) {
        mem.set(LE_INT, ea, (int) (regs[src + (lane >>> 1)] >>> ((lane & 1) << 5)));
    }

    /** v128.store64_lane */
    public static void v128_store64_lane(long[] regs, int src, MemorySegment mem, long ea, int lane) {
        mem.set(LE_LONG, ea, regs[src + lane]);
    }
}
