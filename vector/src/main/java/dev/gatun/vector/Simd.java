package dev.gatun.vector;

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

/**
 * Kernels for every fixed-width SIMD instruction of Wasm 2.0 (the 0xFD prefix, relaxed SIMD excluded).
 *
 * <p>Register-file contract: a v128 occupies {@code regs[r]} (bytes 0..7, little-endian, so lane 0 of
 * i8x16 is the low byte) and {@code regs[r + 1]} (bytes 8..15). Scalars: i32 is the int value
 * sign-extended, i64 as is, f32 is {@code floatToRawIntBits} sign-extended, f64 the raw long bits.
 * Every parameter named {@code dst}, {@code a}, {@code b}, {@code c}, {@code src}, {@code vec} is an
 * absolute register index. {@code dst} may alias any operand: every kernel reads all its operands
 * before it writes.
 *
 * <p>Kernel naming: the Wasm instruction name with '.' replaced by '_' ({@code i8x16.add} is
 * {@link #i8x16_add}, {@code v128.load8x8_s} is {@link #v128_load8x8_s}). Signatures by family:
 * <ul>
 *   <li>unary {@code (regs, dst, a)}, binary {@code (regs, dst, a, b)}, bitselect {@code (regs, dst, a, b, c)};
 *   <li>shifts {@code (regs, dst, a, b)} with {@code b} the i32 count register;
 *   <li>splat {@code (regs, dst, a)} with {@code a} a scalar register; extract_lane {@code (regs, dst, a, lane)}
 *       writes a scalar; replace_lane {@code (regs, dst, a, b, lane)} with {@code b} the scalar;
 *   <li>any_true / all_true / bitmask write an i32 to {@code regs[dst]};
 *   <li>i8x16.shuffle {@code (regs, dst, a, b, ShufflePlan)} with the plan built once by {@link #shufflePlan};
 *   <li>memory {@code (regs, dst, mem, ea)}, lane loads {@code (regs, dst, vec, mem, ea, lane)}, stores
 *       {@code (regs, src, mem, ea)} and lane stores {@code (regs, src, mem, ea, lane)}. {@code mem} is the
 *       accessible memory (its byteSize is the bound) and {@code ea} the effective address; an access not
 *       entirely in range throws {@link IndexOutOfBoundsException} before anything is read into the
 *       registers or written to memory.
 * </ul>
 *
 * <p>Vectors never escape a kernel: each loads its operands with {@code LongVector.fromArray}, views them
 * with {@code reinterpretAs*}, and stores the result with {@code intoArray}. Lane access works directly
 * on the two longs. Bitwise ops, splats and v128.load/store go through one 128-bit vector access too: two
 * 64-bit stores followed by the next kernel's 128-bit load of the same register defeat store-to-load
 * forwarding (about 6 ns per instruction in the interpreter, measured), which costs far more than the round trip.
 */
public final class Simd {
    private Simd() {}

    static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    static final VectorSpecies<Short> S = ShortVector.SPECIES_128;
    static final VectorSpecies<Integer> I = IntVector.SPECIES_128;
    static final VectorSpecies<Long> L = LongVector.SPECIES_128;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_128;

    private static final ValueLayout.OfShort LE_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE_INT =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final long SPLAT8 = 0x0101_0101_0101_0101L;
    private static final long SPLAT16 = 0x0001_0001_0001_0001L;
    private static final long SPLAT32 = 0x0000_0001_0000_0001L;
    private static final int F32_QUIET = 0x0040_0000;
    private static final long F64_QUIET = 0x0008_0000_0000_0000L;
    private static final long CANON64 = 0x7FF8_0000_0000_0000L;

    // ---------------------------------------------------------------- bitwise (v128.*), on the two longs

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

    /** v128.or */
    public static void v128_or(long[] regs, int dst, int a, int b) {
        LongVector.fromArray(L, regs, a).or(LongVector.fromArray(L, regs, b)).intoArray(regs, dst);
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

    // ---------------------------------------------------------------- splat

    /** i8x16.splat: the low 8 bits of the i32 in every lane. */
    public static void i8x16_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFL) * SPLAT8).intoArray(regs, dst);
    }

    /** i16x8.splat */
    public static void i16x8_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFFFL) * SPLAT16).intoArray(regs, dst);
    }

    /** i32x4.splat */
    public static void i32x4_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, (regs[a] & 0xFFFF_FFFFL) * SPLAT32).intoArray(regs, dst);
    }

    /** i64x2.splat */
    public static void i64x2_splat(long[] regs, int dst, int a) {
        LongVector.broadcast(L, regs[a]).intoArray(regs, dst);
    }

    /** f32x4.splat (raw bits, NaN payloads kept). */
    public static void f32x4_splat(long[] regs, int dst, int a) {
        i32x4_splat(regs, dst, a);
    }

    /** f64x2.splat (raw bits, NaN payloads kept). */
    public static void f64x2_splat(long[] regs, int dst, int a) {
        i64x2_splat(regs, dst, a);
    }

    // ---------------------------------------------------------------- extract_lane / replace_lane

    /** i8x16.extract_lane_s, lane 0..15: the lane sign-extended to i32. */
    public static void i8x16_extract_lane_s(long[] regs, int dst, int a, int lane) {
        regs[dst] = (byte) (regs[a + (lane >>> 3)] >>> ((lane & 7) << 3));
    }

    /** i8x16.extract_lane_u, lane 0..15: the lane zero-extended to i32. */
    public static void i8x16_extract_lane_u(long[] regs, int dst, int a, int lane) {
        regs[dst] = (regs[a + (lane >>> 3)] >>> ((lane & 7) << 3)) & 0xFFL;
    }

    /** i16x8.extract_lane_s, lane 0..7 */
    public static void i16x8_extract_lane_s(long[] regs, int dst, int a, int lane) {
        regs[dst] = (short) (regs[a + (lane >>> 2)] >>> ((lane & 3) << 4));
    }

    /** i16x8.extract_lane_u, lane 0..7 */
    public static void i16x8_extract_lane_u(long[] regs, int dst, int a, int lane) {
        regs[dst] = (regs[a + (lane >>> 2)] >>> ((lane & 3) << 4)) & 0xFFFFL;
    }

    /** i32x4.extract_lane, lane 0..3 */
    public static void i32x4_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = (int) (regs[a + (lane >>> 1)] >>> ((lane & 1) << 5));
    }

    /** i64x2.extract_lane, lane 0..1 */
    public static void i64x2_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = regs[a + lane];
    }

    /** f32x4.extract_lane, lane 0..3 (raw bits, NaN payloads kept). */
    public static void f32x4_extract_lane(long[] regs, int dst, int a, int lane) {
        i32x4_extract_lane(regs, dst, a, lane);
    }

    /** f64x2.extract_lane, lane 0..1 (raw bits). */
    public static void f64x2_extract_lane(long[] regs, int dst, int a, int lane) {
        regs[dst] = regs[a + lane];
    }

    /** i8x16.replace_lane: copy of a with lane set to the low 8 bits of the i32 in b. */
    public static void i8x16_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put8(regs, dst, a, regs[b], lane);
    }

    /** i16x8.replace_lane */
    public static void i16x8_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put16(regs, dst, a, regs[b], lane);
    }

    /** i32x4.replace_lane */
    public static void i32x4_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put32(regs, dst, a, regs[b], lane);
    }

    /** i64x2.replace_lane */
    public static void i64x2_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put64(regs, dst, a, regs[b], lane);
    }

    /** f32x4.replace_lane (raw bits). */
    public static void f32x4_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put32(regs, dst, a, regs[b], lane);
    }

    /** f64x2.replace_lane (raw bits). */
    public static void f64x2_replace_lane(long[] regs, int dst, int a, int b, int lane) {
        put64(regs, dst, a, regs[b], lane);
    }

    private static void put8(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 7) << 3;
        long m = 0xFFL << sh;
        long x = (v & 0xFFL) << sh;
        if (lane < 8) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    private static void put16(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 3) << 4;
        long m = 0xFFFFL << sh;
        long x = (v & 0xFFFFL) << sh;
        if (lane < 4) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    private static void put32(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        int sh = (lane & 1) << 5;
        long m = 0xFFFF_FFFFL << sh;
        long x = (v & 0xFFFF_FFFFL) << sh;
        if (lane < 2) {
            lo = (lo & ~m) | x;
        } else {
            hi = (hi & ~m) | x;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    private static void put64(long[] regs, int dst, int a, long v, int lane) {
        long lo = regs[a], hi = regs[a + 1];
        if (lane == 0) {
            lo = v;
        } else {
            hi = v;
        }
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    // ---------------------------------------------------------------- shuffle / swizzle

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

    // ---------------------------------------------------------------- i8x16 lane arithmetic

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

    // ---------------------------------------------------------------- i16x8 lane arithmetic

    /** i16x8.add: wrapping add. */
    public static void i16x8_add(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub: wrapping subtract. */
    public static void i16x8_sub(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.mul: wrapping multiply. */
    public static void i16x8_mul(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.add_sat_s: signed saturating add. */
    public static void i16x8_add_sat_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.add_sat_u: unsigned saturating add. */
    public static void i16x8_add_sat_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub_sat_s: signed saturating subtract. */
    public static void i16x8_sub_sat_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.sub_sat_u: unsigned saturating subtract. */
    public static void i16x8_sub_sat_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.SUSUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.min_s: signed minimum. */
    public static void i16x8_min_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.min_u: unsigned minimum. */
    public static void i16x8_min_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.UMIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.max_s: signed maximum. */
    public static void i16x8_max_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.MAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.max_u: unsigned maximum. */
    public static void i16x8_max_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.lanewise(VectorOperators.UMAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.abs: wrapping absolute value (MIN stays MIN). */
    public static void i16x8_abs(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.neg: wrapping negation. */
    public static void i16x8_neg(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shl: count taken modulo the lane width (16). */
    public static void i16x8_shl(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shr_s: count taken modulo the lane width (16). */
    public static void i16x8_shr_s(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.shr_u: count taken modulo the lane width (16). */
    public static void i16x8_shr_u(long[] regs, int dst, int a, int b) {
        short n = (short) (regs[b] & 15);
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.eq: all-ones lanes where the comparison holds. */
    public static void i16x8_eq(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.EQ, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ne: all-ones lanes where the comparison holds. */
    public static void i16x8_ne(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.NE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.lt_s: all-ones lanes where the comparison holds. */
    public static void i16x8_lt_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.LT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.lt_u: all-ones lanes where the comparison holds. */
    public static void i16x8_lt_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.ULT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.gt_s: all-ones lanes where the comparison holds. */
    public static void i16x8_gt_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.GT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.gt_u: all-ones lanes where the comparison holds. */
    public static void i16x8_gt_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.UGT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.le_s: all-ones lanes where the comparison holds. */
    public static void i16x8_le_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.LE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.le_u: all-ones lanes where the comparison holds. */
    public static void i16x8_le_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.ULE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ge_s: all-ones lanes where the comparison holds. */
    public static void i16x8_ge_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.GE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.ge_u: all-ones lanes where the comparison holds. */
    public static void i16x8_ge_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        x.compare(VectorOperators.UGE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.all_true: 1 if no lane is zero. */
    public static void i16x8_all_true(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        regs[dst] = x.compare(VectorOperators.NE, (short) 0).allTrue() ? 1L : 0L;
    }

    /** i16x8.bitmask: bit i of the i32 result is the sign bit of lane i. */
    public static void i16x8_bitmask(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        regs[dst] = x.compare(VectorOperators.LT, (short) 0).toLong();
    }

    // ---------------------------------------------------------------- i32x4 lane arithmetic

    /** i32x4.add: wrapping add. */
    public static void i32x4_add(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.sub: wrapping subtract. */
    public static void i32x4_sub(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.mul: wrapping multiply. */
    public static void i32x4_mul(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.min_s: signed minimum. */
    public static void i32x4_min_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.min_u: unsigned minimum. */
    public static void i32x4_min_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.UMIN, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.max_s: signed maximum. */
    public static void i32x4_max_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.MAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.max_u: unsigned maximum. */
    public static void i32x4_max_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.lanewise(VectorOperators.UMAX, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.abs: wrapping absolute value (MIN stays MIN). */
    public static void i32x4_abs(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.ABS).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.neg: wrapping negation. */
    public static void i32x4_neg(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.NEG).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shl: count taken modulo the lane width (32). */
    public static void i32x4_shl(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.LSHL, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shr_s: count taken modulo the lane width (32). */
    public static void i32x4_shr_s(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.ASHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.shr_u: count taken modulo the lane width (32). */
    public static void i32x4_shr_u(long[] regs, int dst, int a, int b) {
        int n = (int) (regs[b] & 31);
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.lanewise(VectorOperators.LSHR, n).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.eq: all-ones lanes where the comparison holds. */
    public static void i32x4_eq(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.EQ, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ne: all-ones lanes where the comparison holds. */
    public static void i32x4_ne(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.NE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.lt_s: all-ones lanes where the comparison holds. */
    public static void i32x4_lt_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.LT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.lt_u: all-ones lanes where the comparison holds. */
    public static void i32x4_lt_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.ULT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.gt_s: all-ones lanes where the comparison holds. */
    public static void i32x4_gt_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.GT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.gt_u: all-ones lanes where the comparison holds. */
    public static void i32x4_gt_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.UGT, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.le_s: all-ones lanes where the comparison holds. */
    public static void i32x4_le_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.LE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.le_u: all-ones lanes where the comparison holds. */
    public static void i32x4_le_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.ULE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ge_s: all-ones lanes where the comparison holds. */
    public static void i32x4_ge_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.GE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.ge_u: all-ones lanes where the comparison holds. */
    public static void i32x4_ge_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x.compare(VectorOperators.UGE, y).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.all_true: 1 if no lane is zero. */
    public static void i32x4_all_true(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        regs[dst] = x.compare(VectorOperators.NE, (int) 0).allTrue() ? 1L : 0L;
    }

    /** i32x4.bitmask: bit i of the i32 result is the sign bit of lane i. */
    public static void i32x4_bitmask(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        regs[dst] = x.compare(VectorOperators.LT, (int) 0).toLong();
    }

    // ---------------------------------------------------------------- i64x2 lane arithmetic

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

    // ---------------------------------------------------------------- f32x4 lane arithmetic

    /** f32x4.add: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_add(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.ADD, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.sub: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_sub(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.SUB, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.mul: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_mul(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.MUL, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.div: IEEE 754 round-to-nearest; NaN results are quiet (arithmetic) NaNs. */
    public static void f32x4_div(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.lanewise(VectorOperators.DIV, y).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.sqrt: IEEE 754 square root. */
    public static void f32x4_sqrt(long[] regs, int dst, int a) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        x.lanewise(VectorOperators.SQRT).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.eq: all-ones lanes where the comparison holds. */
    public static void f32x4_eq(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.EQ, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.ne: all-ones lanes where the comparison holds. */
    public static void f32x4_ne(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.NE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.lt: all-ones lanes where the comparison holds. */
    public static void f32x4_lt(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.LT, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.gt: all-ones lanes where the comparison holds. */
    public static void f32x4_gt(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.GT, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.le: all-ones lanes where the comparison holds. */
    public static void f32x4_le(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.LE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.ge: all-ones lanes where the comparison holds. */
    public static void f32x4_ge(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        x.compare(VectorOperators.GE, y).cast(I).toVector().reinterpretAsLongs().intoArray(regs, dst);
    }

    // ---------------------------------------------------------------- f64x2 lane arithmetic

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

    // ---------------------------------------------------------------- integer ops without a direct operator

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

    /** i16x8.avgr_u */
    public static void i16x8_avgr_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        ShortVector half = x.lanewise(VectorOperators.XOR, y).lanewise(VectorOperators.LSHR, (short) 1);
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

    /** i16x8.narrow_i32x4_s: lanes of a then b, each clamped to [-32768, 32767]. */
    public static void i16x8_narrow_i32x4_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x = x.max(-32768).min(32767);
        y = y.max(-32768).min(32767);
        ShortVector lo = (ShortVector) x.convertShape(VectorOperators.I2S, S, 0);
        ShortVector hi = (ShortVector) y.convertShape(VectorOperators.I2S, S, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.narrow_i32x4_u: signed input lanes clamped to [0, 65535]. */
    public static void i16x8_narrow_i32x4_u(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        x = x.max(0).min(65535);
        y = y.max(0).min(65535);
        ShortVector lo = (ShortVector) x.convertShape(VectorOperators.I2S, S, 0);
        ShortVector hi = (ShortVector) y.convertShape(VectorOperators.I2S, S, -1);
        lo.or(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    // ---------------------------------------------------------------- i16x8 from i8x16: extend, extmul
    /** i16x8.extend_low_i8x16_s */
    public static void i16x8_extend_low_i8x16_s(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.B2S, S, 0).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extend_low_i8x16_u */
    public static void i16x8_extend_low_i8x16_u(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extend_high_i8x16_s */
    public static void i16x8_extend_high_i8x16_s(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.B2S, S, 1).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extend_high_i8x16_u */
    public static void i16x8_extend_high_i8x16_u(long[] regs, int dst, int a) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extmul_low_i8x16_s: the low halves extended, then multiplied (exact). */
    public static void i16x8_extmul_low_i8x16_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.B2S, S, 0);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.B2S, S, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extmul_low_i8x16_u: the low halves extended, then multiplied (exact). */
    public static void i16x8_extmul_low_i8x16_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extmul_high_i8x16_s: the high halves extended, then multiplied (exact). */
    public static void i16x8_extmul_high_i8x16_s(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.B2S, S, 1);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.B2S, S, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i16x8.extmul_high_i8x16_u: the high halves extended, then multiplied (exact). */
    public static void i16x8_extmul_high_i8x16_u(long[] regs, int dst, int a, int b) {
        ByteVector x = LongVector.fromArray(L, regs, a).reinterpretAsBytes();
        ByteVector y = LongVector.fromArray(L, regs, b).reinterpretAsBytes();
        ShortVector xw = (ShortVector) x.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1);
        ShortVector yw = (ShortVector) y.convertShape(VectorOperators.ZERO_EXTEND_B2S, S, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    // ---------------------------------------------------------------- i32x4 from i16x8: extend, extmul
    /** i32x4.extend_low_i16x8_s */
    public static void i32x4_extend_low_i16x8_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.S2I, I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extend_low_i16x8_u */
    public static void i32x4_extend_low_i16x8_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extend_high_i16x8_s */
    public static void i32x4_extend_high_i16x8_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.S2I, I, 1).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extend_high_i16x8_u */
    public static void i32x4_extend_high_i16x8_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extmul_low_i16x8_s: the low halves extended, then multiplied (exact). */
    public static void i32x4_extmul_low_i16x8_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.S2I, I, 0);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.S2I, I, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extmul_low_i16x8_u: the low halves extended, then multiplied (exact). */
    public static void i32x4_extmul_low_i16x8_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extmul_high_i16x8_s: the high halves extended, then multiplied (exact). */
    public static void i32x4_extmul_high_i16x8_s(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.S2I, I, 1);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.S2I, I, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }
    /** i32x4.extmul_high_i16x8_u: the high halves extended, then multiplied (exact). */
    public static void i32x4_extmul_high_i16x8_u(long[] regs, int dst, int a, int b) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector y = LongVector.fromArray(L, regs, b).reinterpretAsShorts();
        IntVector xw = (IntVector) x.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1);
        IntVector yw = (IntVector) y.convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 1);
        xw.lanewise(VectorOperators.MUL, yw).reinterpretAsLongs().intoArray(regs, dst);
    }

    // ---------------------------------------------------------------- i64x2 from i32x4: extend, extmul
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

    // ---------------------------------------------------------------- pairwise ops, done in the wide lanes

    /** i16x8.extadd_pairwise_i8x16_s: viewed as i16 lanes, the low byte is (x &lt;&lt; 8) &gt;&gt; 8, the high x &gt;&gt; 8. */
    public static void i16x8_extadd_pairwise_i8x16_s(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector lo = x.lanewise(VectorOperators.LSHL, (short) 8).lanewise(VectorOperators.ASHR, (short) 8);
        ShortVector hi = x.lanewise(VectorOperators.ASHR, (short) 8);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i16x8.extadd_pairwise_i8x16_u */
    public static void i16x8_extadd_pairwise_i8x16_u(long[] regs, int dst, int a) {
        ShortVector x = LongVector.fromArray(L, regs, a).reinterpretAsShorts();
        ShortVector lo = x.lanewise(VectorOperators.AND, (short) 0xFF);
        ShortVector hi = x.lanewise(VectorOperators.LSHR, (short) 8);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extadd_pairwise_i16x8_s */
    public static void i32x4_extadd_pairwise_i16x8_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector lo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector hi = x.lanewise(VectorOperators.ASHR, 16);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.extadd_pairwise_i16x8_u */
    public static void i32x4_extadd_pairwise_i16x8_u(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector lo = x.lanewise(VectorOperators.AND, 0xFFFF);
        IntVector hi = x.lanewise(VectorOperators.LSHR, 16);
        lo.add(hi).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.dot_i16x8_s: lane i = a[2i]*b[2i] + a[2i+1]*b[2i+1], wrapping (only -32768^2 * 2 wraps). */
    public static void i32x4_dot_i16x8_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        IntVector xlo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector ylo = y.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector xhi = x.lanewise(VectorOperators.ASHR, 16);
        IntVector yhi = y.lanewise(VectorOperators.ASHR, 16);
        xlo.mul(ylo).add(xhi.mul(yhi)).reinterpretAsLongs().intoArray(regs, dst);
    }

    /**
     * i16x8.q15mulr_sat_s: (a*b + 0x4000) &gt;&gt; 15 saturated to i16. Computed per i16 pair inside i32
     * lanes (no cross-lane work): the only overflow is -32768 * -32768, which gives 32768 and is clamped.
     */
    public static void i16x8_q15mulr_sat_s(long[] regs, int dst, int a, int b) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector y = LongVector.fromArray(L, regs, b).reinterpretAsInts();
        IntVector xlo = x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector ylo = y.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16);
        IntVector xhi = x.lanewise(VectorOperators.ASHR, 16);
        IntVector yhi = y.lanewise(VectorOperators.ASHR, 16);
        IntVector plo = xlo.mul(ylo).add(0x4000).lanewise(VectorOperators.ASHR, 15).min(32767);
        IntVector phi = xhi.mul(yhi).add(0x4000).lanewise(VectorOperators.ASHR, 15).min(32767);
        plo.and(0xFFFF).or(phi.lanewise(VectorOperators.LSHL, 16)).reinterpretAsLongs().intoArray(regs, dst);
    }

    // ---------------------------------------------------------------- float ops with Wasm-specific semantics

    /** f32x4.abs: clears the sign bit (NaN payloads kept). */
    public static void f32x4_abs(long[] regs, int dst, int a) {
        long lo = regs[a] & 0x7FFF_FFFF_7FFF_FFFFL, hi = regs[a + 1] & 0x7FFF_FFFF_7FFF_FFFFL;
        regs[dst] = lo;
        regs[dst + 1] = hi;
    }

    /** f32x4.neg: flips the sign bit (NaN payloads kept). */
    public static void f32x4_neg(long[] regs, int dst, int a) {
        long lo = regs[a] ^ 0x8000_0000_8000_0000L, hi = regs[a + 1] ^ 0x8000_0000_8000_0000L;
        regs[dst] = lo;
        regs[dst + 1] = hi;
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

    /** f32x4.min: NaN in either lane gives the canonical NaN; -0 &lt; +0. */
    public static void f32x4_min(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).or(y.test(VectorOperators.IS_NAN));
        x.lanewise(VectorOperators.MIN, y).blend(Float.NaN, nan).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.max: NaN in either lane gives the canonical NaN; +0 &gt; -0. */
    public static void f32x4_max(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).or(y.test(VectorOperators.IS_NAN));
        x.lanewise(VectorOperators.MAX, y).blend(Float.NaN, nan).reinterpretAsLongs().intoArray(regs, dst);
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

    /** f32x4.pmin: b &lt; a ? b : a (bits of the chosen operand, NaN payloads kept). */
    public static void f32x4_pmin(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Integer> m = y.compare(VectorOperators.LT, x).cast(I);
        x.reinterpretAsInts().blend(y.reinterpretAsInts(), m).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.pmax: a &lt; b ? b : a */
    public static void f32x4_pmax(long[] regs, int dst, int a, int b) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        FloatVector y = LongVector.fromArray(L, regs, b).reinterpretAsFloats();
        VectorMask<Integer> m = x.compare(VectorOperators.LT, y).cast(I);
        x.reinterpretAsInts().blend(y.reinterpretAsInts(), m).reinterpretAsLongs().intoArray(regs, dst);
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

    // ---------------------------------------------------------------- rounding (no VectorOperators equivalent)

    /**
     * f32x4.nearest, vectorized: for |x| &lt; 2^23, (|x| + 2^23) - 2^23 rounds to an integer with ties to
     * even; the sign of x is copied back (so -0.4 gives -0). Larger magnitudes, infinities and NaN are
     * already integral: kept, with NaN quieted.
     */
    public static void f32x4_nearest(long[] regs, int dst, int a) {
        IntVector bits = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector mag = bits.lanewise(VectorOperators.AND, 0x7FFF_FFFF);
        IntVector sign = bits.lanewise(VectorOperators.AND, 0x8000_0000);
        FloatVector fm = mag.reinterpretAsFloats();
        IntVector rounded = fm.add(0x1p23f).sub(0x1p23f).reinterpretAsInts().or(sign);
        VectorMask<Integer> small = mag.compare(VectorOperators.LT, 0x4B00_0000); // |x| < 2^23
        VectorMask<Integer> nan = mag.compare(VectorOperators.GT, 0x7F80_0000);
        bits.blend(bits.or(F32_QUIET), nan).blend(rounded, small).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f64x2.nearest: Math.rint per lane (ties to even, sign of zero kept), NaN quieted. Scalar on the two longs: C2 does not intrinsify 2-lane long/double masks here ("not supported: op=comp vlen=2 etype=long"), so the Vector API form allocated. */
    public static void f64x2_nearest(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = round64(lo, 3);
        regs[dst + 1] = round64(hi, 3);
    }

    /** f32x4.ceil: vectorized, see {@link #f32x4Round}. */
    public static void f32x4_ceil(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 0);
    }

    /** f32x4.floor: vectorized, see {@link #f32x4Round}. */
    public static void f32x4_floor(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 1);
    }

    /** f32x4.trunc: vectorized, see {@link #f32x4Round}. */
    public static void f32x4_trunc(long[] regs, int dst, int a) {
        f32x4Round(regs, dst, a, 2);
    }

    /**
     * ceil (mode 0), floor (1), trunc (2) on f32 lanes, in the magnitude domain: with m = |x| &lt; 2^23,
     * r = (m + 2^23) - 2^23 is m rounded to an integer, fl = r - (r &gt; m) = floor(m) = trunc(m) and
     * ce = r + (r &lt; m) = ceil(m). Then floor(x) = fl or -ce, ceil(x) = ce or -fl by the sign of x, and
     * the sign is put back (so zero results keep the sign of x, as IEEE roundToIntegral does). Larger
     * magnitudes, infinities and NaN are already integral: kept, NaN quieted. {@code mode} is a constant
     * at every call site, so C2 folds the selects. Vectors stay inside this method (it is inlined into
     * the three kernels).
     */
    private static void f32x4Round(long[] regs, int dst, int a, int mode) {
        IntVector bits = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        IntVector mag = bits.lanewise(VectorOperators.AND, 0x7FFF_FFFF);
        IntVector sign = bits.lanewise(VectorOperators.AND, 0x8000_0000);
        FloatVector m = mag.reinterpretAsFloats();
        FloatVector r = m.add(0x1p23f).sub(0x1p23f);
        FloatVector fl = r.sub(1f, r.compare(VectorOperators.GT, m));
        IntVector res;
        if (mode == 2) {
            res = fl.reinterpretAsInts();
        } else {
            FloatVector ce = r.add(1f, r.compare(VectorOperators.LT, m));
            VectorMask<Integer> neg = bits.compare(VectorOperators.LT, 0);
            IntVector up = ce.reinterpretAsInts(), down = fl.reinterpretAsInts();
            res = mode == 0 ? up.blend(down, neg) : down.blend(up, neg);
        }
        res = res.or(sign);
        VectorMask<Integer> small = mag.compare(VectorOperators.LT, 0x4B00_0000); // |x| < 2^23
        VectorMask<Integer> nan = mag.compare(VectorOperators.GT, 0x7F80_0000);
        bits.blend(bits.or(F32_QUIET), nan).blend(res, small).reinterpretAsLongs().intoArray(regs, dst);
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

    private static long pack(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    /** mode 0 ceil, 1 floor, 2 trunc, 3 nearest; NaN quieted. */
    private static long round64(long bits, int mode) {
        double d = Double.longBitsToDouble(bits);
        if (d != d) {
            return bits | F64_QUIET;
        }
        double r = switch (mode) {
            case 0 -> Math.ceil(d);
            case 1 -> Math.floor(d);
            case 2 -> d < 0 ? Math.ceil(d) : Math.floor(d);
            default -> Math.rint(d);
        };
        return Double.doubleToRawLongBits(r);
    }

    // ---------------------------------------------------------------- conversions

    /** i32x4.trunc_sat_f32x4_s: Java's F2I is exactly Wasm's (NaN to 0, saturating). */
    public static void i32x4_trunc_sat_f32x4_s(long[] regs, int dst, int a) {
        FloatVector x = LongVector.fromArray(L, regs, a).reinterpretAsFloats();
        x.convert(VectorOperators.F2I, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** i32x4.trunc_sat_f32x4_u: NaN and negatives to 0, saturating at 2^32-1 (per lane). */
    public static void i32x4_trunc_sat_f32x4_u(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(truncSatU32(Float.intBitsToFloat((int) lo)), truncSatU32(Float.intBitsToFloat((int) (lo >>> 32))));
        regs[dst + 1] = pack(truncSatU32(Float.intBitsToFloat((int) hi)), truncSatU32(Float.intBitsToFloat((int) (hi >>> 32))));
    }

    /** i32x4.trunc_sat_f64x2_s_zero: two lanes converted like (int) d, upper lanes zero. */
    public static void i32x4_trunc_sat_f64x2_s_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack((int) Double.longBitsToDouble(lo), (int) Double.longBitsToDouble(hi));
        regs[dst + 1] = 0L;
    }

    /** i32x4.trunc_sat_f64x2_u_zero */
    public static void i32x4_trunc_sat_f64x2_u_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(truncSatU32(Double.longBitsToDouble(lo)), truncSatU32(Double.longBitsToDouble(hi)));
        regs[dst + 1] = 0L;
    }

    private static int truncSatU32(double d) {
        if (!(d > -1.0)) {
            return 0; // NaN, or truncates below zero
        }
        long v = (long) d; // saturates at Long.MAX_VALUE
        return v >= 0xFFFF_FFFFL ? -1 : (int) v;
    }

    /** f32x4.convert_i32x4_s: round to nearest. */
    public static void f32x4_convert_i32x4_s(long[] regs, int dst, int a) {
        IntVector x = LongVector.fromArray(L, regs, a).reinterpretAsInts();
        x.convert(VectorOperators.I2F, 0).reinterpretAsLongs().intoArray(regs, dst);
    }

    /** f32x4.convert_i32x4_u: via long (Java's long-to-float is correctly rounded), per lane. */
    public static void f32x4_convert_i32x4_u(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(Float.floatToRawIntBits((float) (lo & 0xFFFF_FFFFL)),
                Float.floatToRawIntBits((float) (lo >>> 32)));
        regs[dst + 1] = pack(Float.floatToRawIntBits((float) (hi & 0xFFFF_FFFFL)),
                Float.floatToRawIntBits((float) (hi >>> 32)));
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

    /** f32x4.demote_f64x2_zero: two lanes rounded to f32 (NaN quieted), upper lanes zero. */
    public static void f32x4_demote_f64x2_zero(long[] regs, int dst, int a) {
        long lo = regs[a], hi = regs[a + 1];
        regs[dst] = pack(demote(lo), demote(hi));
        regs[dst + 1] = 0L;
    }

    /** f64x2.promote_low_f32x4: exact; NaN quieted with its payload kept. */
    public static void f64x2_promote_low_f32x4(long[] regs, int dst, int a) {
        long lo = regs[a];
        regs[dst] = promote((int) lo);
        regs[dst + 1] = promote((int) (lo >>> 32));
    }

    private static long fmin64(long xb, long yb) {
        double x = Double.longBitsToDouble(xb), y = Double.longBitsToDouble(yb);
        return x != x || y != y ? CANON64 : Double.doubleToRawLongBits(Math.min(x, y));
    }

    private static long fmax64(long xb, long yb) {
        double x = Double.longBitsToDouble(xb), y = Double.longBitsToDouble(yb);
        return x != x || y != y ? CANON64 : Double.doubleToRawLongBits(Math.max(x, y));
    }

    private static int demote(long bits) {
        double d = Double.longBitsToDouble(bits);
        int r = Float.floatToRawIntBits((float) d);
        return d != d ? r | F32_QUIET : r;
    }

    private static long promote(int bits) {
        float f = Float.intBitsToFloat(bits);
        long r = Double.doubleToRawLongBits(f);
        return f != f ? r | F64_QUIET : r;
    }

    // ---------------------------------------------------------------- memory

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
