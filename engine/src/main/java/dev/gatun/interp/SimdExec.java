package dev.gatun.interp;

import dev.gatun.vector.ShufflePlan;
import dev.gatun.vector.Simd;

/**
 * Secondary dispatch for the v128 instructions (IR ops {@link Op#SIMD} + 0xFD sub-opcode, and the v128
 * moves {@link SimdTranslator#V128_COPY} and after). Each case calls the {@link Simd} kernel with absolute
 * register indexes (a v128 is the register pair r, r + 1, low half first). One switch over all of them
 * (about 6,200 bytecode bytes, under HotSpot's 8,000-byte HugeMethodLimit; DispatchSizeTest checks) in a
 * loop that keeps going while the next instruction is v128 too. Nothing here allocates (plain static
 * calls, no boxing). Memory kernels throw IndexOutOfBoundsException, which the engine maps to the "out of
 * bounds memory access" trap like its scalar loads.
 *
 * <p>The cases are generated from the kernel signatures in {@code Simd} (one per sub-opcode); see
 * {@link SimdTranslator} for the operand encoding.
 */
final class SimdExec {
    private SimdExec() {}

    private static final long U32 = 0xFFFF_FFFFL;

    private static final int M = Op.FIELD_MASK;

    /**
     * Runs the v128 instruction (a, b, c are absolute registers, fp added) and then every v128 instruction
     * that directly follows it, plus the scalar register moves and i32.add/sub that glue them together
     * (addresses, loop counters), so a straight run of SIMD code costs one call from the main loop, whose
     * many live values make each call from it expensive. Returns the pc of the first instruction left to
     * {@code Interpreter.run}. Nothing here branches, so there is no interrupt poll to miss.
     */
    static int run(Machine m, InstanceState inst, int op, int a, int b, int c, long[] code, int pc, int fp) {
        long[] regs = m.regs;
        for (;;) {
            switch (op) {
            case Op.COPY: regs[a] = regs[b]; break;
            case Op.NUM + 0x25: regs[a] = (int) regs[b] + (int) regs[c]; break;
            case Op.NUM + 0x26: regs[a] = (int) regs[b] - (int) regs[c]; break;
            case Op.SIMD + 0x00: Simd.v128_load(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x01: Simd.v128_load8x8_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x02: Simd.v128_load8x8_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x03: Simd.v128_load16x4_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x04: Simd.v128_load16x4_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x05: Simd.v128_load32x2_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x06: Simd.v128_load32x2_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x07: Simd.v128_load8_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x08: Simd.v128_load16_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x09: Simd.v128_load32_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0A: Simd.v128_load64_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0B: Simd.v128_store(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0C: regs[a] = code[pc]; regs[a + 1] = code[pc + 1]; pc += 2; break;
            case Op.SIMD + 0x0D: Simd.i8x16_shuffle(regs, a, b, c, (ShufflePlan) m.fns[m.depth].code().pool[(int) code[pc]]); pc += 1; break;
            case Op.SIMD + 0x0E: Simd.i8x16_swizzle(regs, a, b, c); break;
            case Op.SIMD + 0x0F: Simd.i8x16_splat(regs, a, b); break;
            case Op.SIMD + 0x10: Simd.i16x8_splat(regs, a, b); break;
            case Op.SIMD + 0x11: Simd.i32x4_splat(regs, a, b); break;
            case Op.SIMD + 0x12: Simd.i64x2_splat(regs, a, b); break;
            case Op.SIMD + 0x13: Simd.f32x4_splat(regs, a, b); break;
            case Op.SIMD + 0x14: Simd.f64x2_splat(regs, a, b); break;
            case Op.SIMD + 0x15: Simd.i8x16_extract_lane_s(regs, a, b, c - fp); break;
            case Op.SIMD + 0x16: Simd.i8x16_extract_lane_u(regs, a, b, c - fp); break;
            case Op.SIMD + 0x17: Simd.i8x16_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x18: Simd.i16x8_extract_lane_s(regs, a, b, c - fp); break;
            case Op.SIMD + 0x19: Simd.i16x8_extract_lane_u(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1A: Simd.i16x8_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1B: Simd.i32x4_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1C: Simd.i32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1D: Simd.i64x2_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1E: Simd.i64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1F: Simd.f32x4_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x20: Simd.f32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x21: Simd.f64x2_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x22: Simd.f64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x23: Simd.i8x16_eq(regs, a, b, c); break;
            case Op.SIMD + 0x24: Simd.i8x16_ne(regs, a, b, c); break;
            case Op.SIMD + 0x25: Simd.i8x16_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x26: Simd.i8x16_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x27: Simd.i8x16_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x28: Simd.i8x16_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x29: Simd.i8x16_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x2A: Simd.i8x16_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x2B: Simd.i8x16_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x2C: Simd.i8x16_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x2D: Simd.i16x8_eq(regs, a, b, c); break;
            case Op.SIMD + 0x2E: Simd.i16x8_ne(regs, a, b, c); break;
            case Op.SIMD + 0x2F: Simd.i16x8_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x30: Simd.i16x8_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x31: Simd.i16x8_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x32: Simd.i16x8_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x33: Simd.i16x8_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x34: Simd.i16x8_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x35: Simd.i16x8_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x36: Simd.i16x8_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x37: Simd.i32x4_eq(regs, a, b, c); break;
            case Op.SIMD + 0x38: Simd.i32x4_ne(regs, a, b, c); break;
            case Op.SIMD + 0x39: Simd.i32x4_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x3A: Simd.i32x4_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x3B: Simd.i32x4_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x3C: Simd.i32x4_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x3D: Simd.i32x4_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x3E: Simd.i32x4_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x3F: Simd.i32x4_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x40: Simd.i32x4_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x41: Simd.f32x4_eq(regs, a, b, c); break;
            case Op.SIMD + 0x42: Simd.f32x4_ne(regs, a, b, c); break;
            case Op.SIMD + 0x43: Simd.f32x4_lt(regs, a, b, c); break;
            case Op.SIMD + 0x44: Simd.f32x4_gt(regs, a, b, c); break;
            case Op.SIMD + 0x45: Simd.f32x4_le(regs, a, b, c); break;
            case Op.SIMD + 0x46: Simd.f32x4_ge(regs, a, b, c); break;
            case Op.SIMD + 0x47: Simd.f64x2_eq(regs, a, b, c); break;
            case Op.SIMD + 0x48: Simd.f64x2_ne(regs, a, b, c); break;
            case Op.SIMD + 0x49: Simd.f64x2_lt(regs, a, b, c); break;
            case Op.SIMD + 0x4A: Simd.f64x2_gt(regs, a, b, c); break;
            case Op.SIMD + 0x4B: Simd.f64x2_le(regs, a, b, c); break;
            case Op.SIMD + 0x4C: Simd.f64x2_ge(regs, a, b, c); break;
            case Op.SIMD + 0x4D: Simd.v128_not(regs, a, b); break;
            case Op.SIMD + 0x4E: Simd.v128_and(regs, a, b, c); break;
            case Op.SIMD + 0x4F: Simd.v128_andnot(regs, a, b, c); break;
            case Op.SIMD + 0x50: Simd.v128_or(regs, a, b, c); break;
            case Op.SIMD + 0x51: Simd.v128_xor(regs, a, b, c); break;
            case Op.SIMD + 0x52: Simd.v128_bitselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x53: Simd.v128_any_true(regs, a, b); break;
            case Op.SIMD + 0x54: { long x = code[pc]; Simd.v128_load8_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x55: { long x = code[pc]; Simd.v128_load16_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x56: { long x = code[pc]; Simd.v128_load32_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x57: { long x = code[pc]; Simd.v128_load64_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x58: { long x = code[pc]; Simd.v128_store8_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x59: { long x = code[pc]; Simd.v128_store16_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5A: { long x = code[pc]; Simd.v128_store32_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5B: { long x = code[pc]; Simd.v128_store64_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5C: Simd.v128_load32_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x5D: Simd.v128_load64_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x5E: Simd.f32x4_demote_f64x2_zero(regs, a, b); break;
            case Op.SIMD + 0x5F: Simd.f64x2_promote_low_f32x4(regs, a, b); break;
            case Op.SIMD + 0x60: Simd.i8x16_abs(regs, a, b); break;
            case Op.SIMD + 0x61: Simd.i8x16_neg(regs, a, b); break;
            case Op.SIMD + 0x62: Simd.i8x16_popcnt(regs, a, b); break;
            case Op.SIMD + 0x63: Simd.i8x16_all_true(regs, a, b); break;
            case Op.SIMD + 0x64: Simd.i8x16_bitmask(regs, a, b); break;
            case Op.SIMD + 0x65: Simd.i8x16_narrow_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0x66: Simd.i8x16_narrow_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0x67: Simd.f32x4_ceil(regs, a, b); break;
            case Op.SIMD + 0x68: Simd.f32x4_floor(regs, a, b); break;
            case Op.SIMD + 0x69: Simd.f32x4_trunc(regs, a, b); break;
            case Op.SIMD + 0x6A: Simd.f32x4_nearest(regs, a, b); break;
            case Op.SIMD + 0x6B: Simd.i8x16_shl(regs, a, b, c); break;
            case Op.SIMD + 0x6C: Simd.i8x16_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0x6D: Simd.i8x16_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0x6E: Simd.i8x16_add(regs, a, b, c); break;
            case Op.SIMD + 0x6F: Simd.i8x16_add_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x70: Simd.i8x16_add_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x71: Simd.i8x16_sub(regs, a, b, c); break;
            case Op.SIMD + 0x72: Simd.i8x16_sub_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x73: Simd.i8x16_sub_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x74: Simd.f64x2_ceil(regs, a, b); break;
            case Op.SIMD + 0x75: Simd.f64x2_floor(regs, a, b); break;
            case Op.SIMD + 0x76: Simd.i8x16_min_s(regs, a, b, c); break;
            case Op.SIMD + 0x77: Simd.i8x16_min_u(regs, a, b, c); break;
            case Op.SIMD + 0x78: Simd.i8x16_max_s(regs, a, b, c); break;
            case Op.SIMD + 0x79: Simd.i8x16_max_u(regs, a, b, c); break;
            case Op.SIMD + 0x7A: Simd.f64x2_trunc(regs, a, b); break;
            case Op.SIMD + 0x7B: Simd.i8x16_avgr_u(regs, a, b, c); break;
            case Op.SIMD + 0x7C: Simd.i16x8_extadd_pairwise_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x7D: Simd.i16x8_extadd_pairwise_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x7E: Simd.i32x4_extadd_pairwise_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0x7F: Simd.i32x4_extadd_pairwise_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0x80: Simd.i16x8_abs(regs, a, b); break;
            case Op.SIMD + 0x81: Simd.i16x8_neg(regs, a, b); break;
            case Op.SIMD + 0x82: Simd.i16x8_q15mulr_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x83: Simd.i16x8_all_true(regs, a, b); break;
            case Op.SIMD + 0x84: Simd.i16x8_bitmask(regs, a, b); break;
            case Op.SIMD + 0x85: Simd.i16x8_narrow_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0x86: Simd.i16x8_narrow_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0x87: Simd.i16x8_extend_low_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x88: Simd.i16x8_extend_high_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x89: Simd.i16x8_extend_low_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x8A: Simd.i16x8_extend_high_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x8B: Simd.i16x8_shl(regs, a, b, c); break;
            case Op.SIMD + 0x8C: Simd.i16x8_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0x8D: Simd.i16x8_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0x8E: Simd.i16x8_add(regs, a, b, c); break;
            case Op.SIMD + 0x8F: Simd.i16x8_add_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x90: Simd.i16x8_add_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x91: Simd.i16x8_sub(regs, a, b, c); break;
            case Op.SIMD + 0x92: Simd.i16x8_sub_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x93: Simd.i16x8_sub_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x94: Simd.f64x2_nearest(regs, a, b); break;
            case Op.SIMD + 0x95: Simd.i16x8_mul(regs, a, b, c); break;
            case Op.SIMD + 0x96: Simd.i16x8_min_s(regs, a, b, c); break;
            case Op.SIMD + 0x97: Simd.i16x8_min_u(regs, a, b, c); break;
            case Op.SIMD + 0x98: Simd.i16x8_max_s(regs, a, b, c); break;
            case Op.SIMD + 0x99: Simd.i16x8_max_u(regs, a, b, c); break;
            case Op.SIMD + 0x9B: Simd.i16x8_avgr_u(regs, a, b, c); break;
            case Op.SIMD + 0x9C: Simd.i16x8_extmul_low_i8x16_s(regs, a, b, c); break;
            case Op.SIMD + 0x9D: Simd.i16x8_extmul_high_i8x16_s(regs, a, b, c); break;
            case Op.SIMD + 0x9E: Simd.i16x8_extmul_low_i8x16_u(regs, a, b, c); break;
            case Op.SIMD + 0x9F: Simd.i16x8_extmul_high_i8x16_u(regs, a, b, c); break;
            case Op.SIMD + 0xA0: Simd.i32x4_abs(regs, a, b); break;
            case Op.SIMD + 0xA1: Simd.i32x4_neg(regs, a, b); break;
            case Op.SIMD + 0xA3: Simd.i32x4_all_true(regs, a, b); break;
            case Op.SIMD + 0xA4: Simd.i32x4_bitmask(regs, a, b); break;
            case Op.SIMD + 0xA7: Simd.i32x4_extend_low_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0xA8: Simd.i32x4_extend_high_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0xA9: Simd.i32x4_extend_low_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0xAA: Simd.i32x4_extend_high_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0xAB: Simd.i32x4_shl(regs, a, b, c); break;
            case Op.SIMD + 0xAC: Simd.i32x4_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0xAD: Simd.i32x4_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0xAE: Simd.i32x4_add(regs, a, b, c); break;
            case Op.SIMD + 0xB1: Simd.i32x4_sub(regs, a, b, c); break;
            case Op.SIMD + 0xB5: Simd.i32x4_mul(regs, a, b, c); break;
            case Op.SIMD + 0xB6: Simd.i32x4_min_s(regs, a, b, c); break;
            case Op.SIMD + 0xB7: Simd.i32x4_min_u(regs, a, b, c); break;
            case Op.SIMD + 0xB8: Simd.i32x4_max_s(regs, a, b, c); break;
            case Op.SIMD + 0xB9: Simd.i32x4_max_u(regs, a, b, c); break;
            case Op.SIMD + 0xBA: Simd.i32x4_dot_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBC: Simd.i32x4_extmul_low_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBD: Simd.i32x4_extmul_high_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBE: Simd.i32x4_extmul_low_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0xBF: Simd.i32x4_extmul_high_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0xC0: Simd.i64x2_abs(regs, a, b); break;
            case Op.SIMD + 0xC1: Simd.i64x2_neg(regs, a, b); break;
            case Op.SIMD + 0xC3: Simd.i64x2_all_true(regs, a, b); break;
            case Op.SIMD + 0xC4: Simd.i64x2_bitmask(regs, a, b); break;
            case Op.SIMD + 0xC7: Simd.i64x2_extend_low_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xC8: Simd.i64x2_extend_high_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xC9: Simd.i64x2_extend_low_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xCA: Simd.i64x2_extend_high_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xCB: Simd.i64x2_shl(regs, a, b, c); break;
            case Op.SIMD + 0xCC: Simd.i64x2_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0xCD: Simd.i64x2_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0xCE: Simd.i64x2_add(regs, a, b, c); break;
            case Op.SIMD + 0xD1: Simd.i64x2_sub(regs, a, b, c); break;
            case Op.SIMD + 0xD5: Simd.i64x2_mul(regs, a, b, c); break;
            case Op.SIMD + 0xD6: Simd.i64x2_eq(regs, a, b, c); break;
            case Op.SIMD + 0xD7: Simd.i64x2_ne(regs, a, b, c); break;
            case Op.SIMD + 0xD8: Simd.i64x2_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0xD9: Simd.i64x2_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0xDA: Simd.i64x2_le_s(regs, a, b, c); break;
            case Op.SIMD + 0xDB: Simd.i64x2_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0xDC: Simd.i64x2_extmul_low_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0xDD: Simd.i64x2_extmul_high_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0xDE: Simd.i64x2_extmul_low_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0xDF: Simd.i64x2_extmul_high_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0xE0: Simd.f32x4_abs(regs, a, b); break;
            case Op.SIMD + 0xE1: Simd.f32x4_neg(regs, a, b); break;
            case Op.SIMD + 0xE3: Simd.f32x4_sqrt(regs, a, b); break;
            case Op.SIMD + 0xE4: Simd.f32x4_add(regs, a, b, c); break;
            case Op.SIMD + 0xE5: Simd.f32x4_sub(regs, a, b, c); break;
            case Op.SIMD + 0xE6: Simd.f32x4_mul(regs, a, b, c); break;
            case Op.SIMD + 0xE7: Simd.f32x4_div(regs, a, b, c); break;
            case Op.SIMD + 0xE8: Simd.f32x4_min(regs, a, b, c); break;
            case Op.SIMD + 0xE9: Simd.f32x4_max(regs, a, b, c); break;
            case Op.SIMD + 0xEA: Simd.f32x4_pmin(regs, a, b, c); break;
            case Op.SIMD + 0xEB: Simd.f32x4_pmax(regs, a, b, c); break;
            case Op.SIMD + 0xEC: Simd.f64x2_abs(regs, a, b); break;
            case Op.SIMD + 0xED: Simd.f64x2_neg(regs, a, b); break;
            case Op.SIMD + 0xEF: Simd.f64x2_sqrt(regs, a, b); break;
            case Op.SIMD + 0xF0: Simd.f64x2_add(regs, a, b, c); break;
            case Op.SIMD + 0xF1: Simd.f64x2_sub(regs, a, b, c); break;
            case Op.SIMD + 0xF2: Simd.f64x2_mul(regs, a, b, c); break;
            case Op.SIMD + 0xF3: Simd.f64x2_div(regs, a, b, c); break;
            case Op.SIMD + 0xF4: Simd.f64x2_min(regs, a, b, c); break;
            case Op.SIMD + 0xF5: Simd.f64x2_max(regs, a, b, c); break;
            case Op.SIMD + 0xF6: Simd.f64x2_pmin(regs, a, b, c); break;
            case Op.SIMD + 0xF7: Simd.f64x2_pmax(regs, a, b, c); break;
            case Op.SIMD + 0xF8: Simd.i32x4_trunc_sat_f32x4_s(regs, a, b); break;
            case Op.SIMD + 0xF9: Simd.i32x4_trunc_sat_f32x4_u(regs, a, b); break;
            case Op.SIMD + 0xFA: Simd.f32x4_convert_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xFB: Simd.f32x4_convert_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xFC: Simd.i32x4_trunc_sat_f64x2_s_zero(regs, a, b); break;
            case Op.SIMD + 0xFD: Simd.i32x4_trunc_sat_f64x2_u_zero(regs, a, b); break;
            case Op.SIMD + 0xFE: Simd.f64x2_convert_low_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xFF: Simd.f64x2_convert_low_i32x4_u(regs, a, b); break;
            // A 128-bit move (x | x), not two longs: the next kernel's vector load then forwards from the store.
            case SimdTranslator.V128_COPY: Simd.v128_or(regs, a, b, b); break;
            case SimdTranslator.V128_SELECT: {
                int s = regs[fp + (int) code[pc]] != 0 ? b : c;
                long lo = regs[s], hi = regs[s + 1];
                regs[a] = lo;
                regs[a + 1] = hi;
                pc += 1; break;
            }
            case SimdTranslator.V128_GLOBAL_GET: {
                GlobalInst g = inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS];
                regs[a] = g.bits;
                regs[a + 1] = g.hi;
                break;
            }
            case SimdTranslator.V128_GLOBAL_SET: {
                GlobalInst g = inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS];
                g.bits = regs[a];
                g.hi = regs[a + 1];
                break;
            }
            default: throw new IllegalStateException("bad IR opcode " + op);
            }
            long w = code[pc];
            op = (int) w & 0x3FF;
            if (op < Op.SIMD && op != Op.COPY && op != Op.NUM + 0x25 && op != Op.NUM + 0x26) return pc;
            pc++;
            a = fp + ((int) (w >>> 10) & M);
            b = fp + ((int) (w >>> 28) & M);
            c = fp + (int) (w >>> 46);
        }
    }
}
