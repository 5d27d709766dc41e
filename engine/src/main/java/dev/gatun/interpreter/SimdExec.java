package dev.gatun.interpreter;

import dev.gatun.runtime.GlobalInst;
import java.lang.foreign.MemorySegment;
import dev.gatun.runtime.MemInst;
import dev.gatun.vector.ShufflePlan;
import dev.gatun.vector.F32x4;
import dev.gatun.vector.F64x2;
import dev.gatun.vector.I16x8;
import dev.gatun.vector.I32x4;
import dev.gatun.vector.I64x2;
import dev.gatun.vector.I8x16;
import dev.gatun.vector.Relaxed;
import dev.gatun.vector.V128;

/**
 * Secondary dispatch for the v128 instructions (IR ops {@link Op#SIMD} + 0xFD sub-opcode, and the v128
 * moves {@link SimdTranslator#V128_COPY} and after). Each case calls the {@link dev.gatun.vector.Kernels kernel} with absolute
 * register indexes (a v128 is the register pair r, r + 1, low half first). One switch over all of them
 * (about 6,200 bytecode bytes, under HotSpot's 8,000-byte HugeMethodLimit; DispatchSizeTest checks) in a
 * loop that keeps going while the next instruction is v128 too. Nothing here allocates (plain static
 * calls, no boxing). Memory kernels throw IndexOutOfBoundsException, which the engine maps to the "out of
 * bounds memory access" trap like its scalar loads.
 *
 * <p>The cases are generated from the kernel signatures of {@code dev.gatun.vector} (one per sub-opcode); see
 * {@link SimdTranslator} for the operand encoding.
 */
public final class SimdExec {
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
    static int run(CallStack m, InstanceState inst, int op, int a, int b, int c, long[] code, int pc, int fp) {
        long[] regs = m.regs;
        for (;;) {
            switch (op) {
            case Op.COPY: regs[a] = regs[b]; break;
            case Op.NUM + 0x25: regs[a] = (int) regs[b] + (int) regs[c]; break;
            case Op.NUM + 0x26: regs[a] = (int) regs[b] - (int) regs[c]; break;
            case Op.SIMD + 0x00: V128.v128_load(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x01: V128.v128_load8x8_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x02: V128.v128_load8x8_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x03: V128.v128_load16x4_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x04: V128.v128_load16x4_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x05: V128.v128_load32x2_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x06: V128.v128_load32x2_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x07: V128.v128_load8_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x08: V128.v128_load16_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x09: V128.v128_load32_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0A: V128.v128_load64_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0B: V128.v128_store(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x0C: regs[a] = code[pc]; regs[a + 1] = code[pc + 1]; pc += 2; break;
            case Op.SIMD + 0x0D: I8x16.i8x16_shuffle(regs, a, b, c, (ShufflePlan) m.fns[m.depth].code().pool[(int) code[pc]]); pc += 1; break;
            case Op.SIMD + 0x0E: I8x16.i8x16_swizzle(regs, a, b, c); break;
            case Op.SIMD + 0x0F: I8x16.i8x16_splat(regs, a, b); break;
            case Op.SIMD + 0x10: I16x8.i16x8_splat(regs, a, b); break;
            case Op.SIMD + 0x11: I32x4.i32x4_splat(regs, a, b); break;
            case Op.SIMD + 0x12: I64x2.i64x2_splat(regs, a, b); break;
            case Op.SIMD + 0x13: F32x4.f32x4_splat(regs, a, b); break;
            case Op.SIMD + 0x14: F64x2.f64x2_splat(regs, a, b); break;
            case Op.SIMD + 0x15: I8x16.i8x16_extract_lane_s(regs, a, b, c - fp); break;
            case Op.SIMD + 0x16: I8x16.i8x16_extract_lane_u(regs, a, b, c - fp); break;
            case Op.SIMD + 0x17: I8x16.i8x16_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x18: I16x8.i16x8_extract_lane_s(regs, a, b, c - fp); break;
            case Op.SIMD + 0x19: I16x8.i16x8_extract_lane_u(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1A: I16x8.i16x8_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1B: I32x4.i32x4_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1C: I32x4.i32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1D: I64x2.i64x2_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x1E: I64x2.i64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x1F: F32x4.f32x4_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x20: F32x4.f32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x21: F64x2.f64x2_extract_lane(regs, a, b, c - fp); break;
            case Op.SIMD + 0x22: F64x2.f64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x23: I8x16.i8x16_eq(regs, a, b, c); break;
            case Op.SIMD + 0x24: I8x16.i8x16_ne(regs, a, b, c); break;
            case Op.SIMD + 0x25: I8x16.i8x16_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x26: I8x16.i8x16_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x27: I8x16.i8x16_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x28: I8x16.i8x16_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x29: I8x16.i8x16_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x2A: I8x16.i8x16_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x2B: I8x16.i8x16_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x2C: I8x16.i8x16_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x2D: I16x8.i16x8_eq(regs, a, b, c); break;
            case Op.SIMD + 0x2E: I16x8.i16x8_ne(regs, a, b, c); break;
            case Op.SIMD + 0x2F: I16x8.i16x8_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x30: I16x8.i16x8_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x31: I16x8.i16x8_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x32: I16x8.i16x8_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x33: I16x8.i16x8_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x34: I16x8.i16x8_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x35: I16x8.i16x8_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x36: I16x8.i16x8_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x37: I32x4.i32x4_eq(regs, a, b, c); break;
            case Op.SIMD + 0x38: I32x4.i32x4_ne(regs, a, b, c); break;
            case Op.SIMD + 0x39: I32x4.i32x4_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0x3A: I32x4.i32x4_lt_u(regs, a, b, c); break;
            case Op.SIMD + 0x3B: I32x4.i32x4_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0x3C: I32x4.i32x4_gt_u(regs, a, b, c); break;
            case Op.SIMD + 0x3D: I32x4.i32x4_le_s(regs, a, b, c); break;
            case Op.SIMD + 0x3E: I32x4.i32x4_le_u(regs, a, b, c); break;
            case Op.SIMD + 0x3F: I32x4.i32x4_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0x40: I32x4.i32x4_ge_u(regs, a, b, c); break;
            case Op.SIMD + 0x41: F32x4.f32x4_eq(regs, a, b, c); break;
            case Op.SIMD + 0x42: F32x4.f32x4_ne(regs, a, b, c); break;
            case Op.SIMD + 0x43: F32x4.f32x4_lt(regs, a, b, c); break;
            case Op.SIMD + 0x44: F32x4.f32x4_gt(regs, a, b, c); break;
            case Op.SIMD + 0x45: F32x4.f32x4_le(regs, a, b, c); break;
            case Op.SIMD + 0x46: F32x4.f32x4_ge(regs, a, b, c); break;
            case Op.SIMD + 0x47: F64x2.f64x2_eq(regs, a, b, c); break;
            case Op.SIMD + 0x48: F64x2.f64x2_ne(regs, a, b, c); break;
            case Op.SIMD + 0x49: F64x2.f64x2_lt(regs, a, b, c); break;
            case Op.SIMD + 0x4A: F64x2.f64x2_gt(regs, a, b, c); break;
            case Op.SIMD + 0x4B: F64x2.f64x2_le(regs, a, b, c); break;
            case Op.SIMD + 0x4C: F64x2.f64x2_ge(regs, a, b, c); break;
            case Op.SIMD + 0x4D: V128.v128_not(regs, a, b); break;
            case Op.SIMD + 0x4E: V128.v128_and(regs, a, b, c); break;
            case Op.SIMD + 0x4F: V128.v128_andnot(regs, a, b, c); break;
            case Op.SIMD + 0x50: V128.v128_or(regs, a, b, c); break;
            case Op.SIMD + 0x51: V128.v128_xor(regs, a, b, c); break;
            case Op.SIMD + 0x52: V128.v128_bitselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case Op.SIMD + 0x53: V128.v128_any_true(regs, a, b); break;
            case Op.SIMD + 0x54: { long x = code[pc]; V128.v128_load8_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x55: { long x = code[pc]; V128.v128_load16_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x56: { long x = code[pc]; V128.v128_load32_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x57: { long x = code[pc]; V128.v128_load64_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x58: { long x = code[pc]; V128.v128_store8_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x59: { long x = code[pc]; V128.v128_store16_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5A: { long x = code[pc]; V128.v128_store32_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5B: { long x = code[pc]; V128.v128_store64_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case Op.SIMD + 0x5C: V128.v128_load32_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x5D: V128.v128_load64_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case Op.SIMD + 0x5E: F32x4.f32x4_demote_f64x2_zero(regs, a, b); break;
            case Op.SIMD + 0x5F: F64x2.f64x2_promote_low_f32x4(regs, a, b); break;
            case Op.SIMD + 0x60: I8x16.i8x16_abs(regs, a, b); break;
            case Op.SIMD + 0x61: I8x16.i8x16_neg(regs, a, b); break;
            case Op.SIMD + 0x62: I8x16.i8x16_popcnt(regs, a, b); break;
            case Op.SIMD + 0x63: I8x16.i8x16_all_true(regs, a, b); break;
            case Op.SIMD + 0x64: I8x16.i8x16_bitmask(regs, a, b); break;
            case Op.SIMD + 0x65: I8x16.i8x16_narrow_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0x66: I8x16.i8x16_narrow_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0x67: F32x4.f32x4_ceil(regs, a, b); break;
            case Op.SIMD + 0x68: F32x4.f32x4_floor(regs, a, b); break;
            case Op.SIMD + 0x69: F32x4.f32x4_trunc(regs, a, b); break;
            case Op.SIMD + 0x6A: F32x4.f32x4_nearest(regs, a, b); break;
            case Op.SIMD + 0x6B: I8x16.i8x16_shl(regs, a, b, c); break;
            case Op.SIMD + 0x6C: I8x16.i8x16_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0x6D: I8x16.i8x16_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0x6E: I8x16.i8x16_add(regs, a, b, c); break;
            case Op.SIMD + 0x6F: I8x16.i8x16_add_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x70: I8x16.i8x16_add_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x71: I8x16.i8x16_sub(regs, a, b, c); break;
            case Op.SIMD + 0x72: I8x16.i8x16_sub_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x73: I8x16.i8x16_sub_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x74: F64x2.f64x2_ceil(regs, a, b); break;
            case Op.SIMD + 0x75: F64x2.f64x2_floor(regs, a, b); break;
            case Op.SIMD + 0x76: I8x16.i8x16_min_s(regs, a, b, c); break;
            case Op.SIMD + 0x77: I8x16.i8x16_min_u(regs, a, b, c); break;
            case Op.SIMD + 0x78: I8x16.i8x16_max_s(regs, a, b, c); break;
            case Op.SIMD + 0x79: I8x16.i8x16_max_u(regs, a, b, c); break;
            case Op.SIMD + 0x7A: F64x2.f64x2_trunc(regs, a, b); break;
            case Op.SIMD + 0x7B: I8x16.i8x16_avgr_u(regs, a, b, c); break;
            case Op.SIMD + 0x7C: I16x8.i16x8_extadd_pairwise_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x7D: I16x8.i16x8_extadd_pairwise_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x7E: I32x4.i32x4_extadd_pairwise_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0x7F: I32x4.i32x4_extadd_pairwise_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0x80: I16x8.i16x8_abs(regs, a, b); break;
            case Op.SIMD + 0x81: I16x8.i16x8_neg(regs, a, b); break;
            case Op.SIMD + 0x82: I16x8.i16x8_q15mulr_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x83: I16x8.i16x8_all_true(regs, a, b); break;
            case Op.SIMD + 0x84: I16x8.i16x8_bitmask(regs, a, b); break;
            case Op.SIMD + 0x85: I16x8.i16x8_narrow_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0x86: I16x8.i16x8_narrow_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0x87: I16x8.i16x8_extend_low_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x88: I16x8.i16x8_extend_high_i8x16_s(regs, a, b); break;
            case Op.SIMD + 0x89: I16x8.i16x8_extend_low_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x8A: I16x8.i16x8_extend_high_i8x16_u(regs, a, b); break;
            case Op.SIMD + 0x8B: I16x8.i16x8_shl(regs, a, b, c); break;
            case Op.SIMD + 0x8C: I16x8.i16x8_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0x8D: I16x8.i16x8_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0x8E: I16x8.i16x8_add(regs, a, b, c); break;
            case Op.SIMD + 0x8F: I16x8.i16x8_add_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x90: I16x8.i16x8_add_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x91: I16x8.i16x8_sub(regs, a, b, c); break;
            case Op.SIMD + 0x92: I16x8.i16x8_sub_sat_s(regs, a, b, c); break;
            case Op.SIMD + 0x93: I16x8.i16x8_sub_sat_u(regs, a, b, c); break;
            case Op.SIMD + 0x94: F64x2.f64x2_nearest(regs, a, b); break;
            case Op.SIMD + 0x95: I16x8.i16x8_mul(regs, a, b, c); break;
            case Op.SIMD + 0x96: I16x8.i16x8_min_s(regs, a, b, c); break;
            case Op.SIMD + 0x97: I16x8.i16x8_min_u(regs, a, b, c); break;
            case Op.SIMD + 0x98: I16x8.i16x8_max_s(regs, a, b, c); break;
            case Op.SIMD + 0x99: I16x8.i16x8_max_u(regs, a, b, c); break;
            case Op.SIMD + 0x9B: I16x8.i16x8_avgr_u(regs, a, b, c); break;
            case Op.SIMD + 0x9C: I16x8.i16x8_extmul_low_i8x16_s(regs, a, b, c); break;
            case Op.SIMD + 0x9D: I16x8.i16x8_extmul_high_i8x16_s(regs, a, b, c); break;
            case Op.SIMD + 0x9E: I16x8.i16x8_extmul_low_i8x16_u(regs, a, b, c); break;
            case Op.SIMD + 0x9F: I16x8.i16x8_extmul_high_i8x16_u(regs, a, b, c); break;
            case Op.SIMD + 0xA0: I32x4.i32x4_abs(regs, a, b); break;
            case Op.SIMD + 0xA1: I32x4.i32x4_neg(regs, a, b); break;
            case Op.SIMD + 0xA3: I32x4.i32x4_all_true(regs, a, b); break;
            case Op.SIMD + 0xA4: I32x4.i32x4_bitmask(regs, a, b); break;
            case Op.SIMD + 0xA7: I32x4.i32x4_extend_low_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0xA8: I32x4.i32x4_extend_high_i16x8_s(regs, a, b); break;
            case Op.SIMD + 0xA9: I32x4.i32x4_extend_low_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0xAA: I32x4.i32x4_extend_high_i16x8_u(regs, a, b); break;
            case Op.SIMD + 0xAB: I32x4.i32x4_shl(regs, a, b, c); break;
            case Op.SIMD + 0xAC: I32x4.i32x4_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0xAD: I32x4.i32x4_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0xAE: I32x4.i32x4_add(regs, a, b, c); break;
            case Op.SIMD + 0xB1: I32x4.i32x4_sub(regs, a, b, c); break;
            case Op.SIMD + 0xB5: I32x4.i32x4_mul(regs, a, b, c); break;
            case Op.SIMD + 0xB6: I32x4.i32x4_min_s(regs, a, b, c); break;
            case Op.SIMD + 0xB7: I32x4.i32x4_min_u(regs, a, b, c); break;
            case Op.SIMD + 0xB8: I32x4.i32x4_max_s(regs, a, b, c); break;
            case Op.SIMD + 0xB9: I32x4.i32x4_max_u(regs, a, b, c); break;
            case Op.SIMD + 0xBA: I32x4.i32x4_dot_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBC: I32x4.i32x4_extmul_low_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBD: I32x4.i32x4_extmul_high_i16x8_s(regs, a, b, c); break;
            case Op.SIMD + 0xBE: I32x4.i32x4_extmul_low_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0xBF: I32x4.i32x4_extmul_high_i16x8_u(regs, a, b, c); break;
            case Op.SIMD + 0xC0: I64x2.i64x2_abs(regs, a, b); break;
            case Op.SIMD + 0xC1: I64x2.i64x2_neg(regs, a, b); break;
            case Op.SIMD + 0xC3: I64x2.i64x2_all_true(regs, a, b); break;
            case Op.SIMD + 0xC4: I64x2.i64x2_bitmask(regs, a, b); break;
            case Op.SIMD + 0xC7: I64x2.i64x2_extend_low_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xC8: I64x2.i64x2_extend_high_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xC9: I64x2.i64x2_extend_low_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xCA: I64x2.i64x2_extend_high_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xCB: I64x2.i64x2_shl(regs, a, b, c); break;
            case Op.SIMD + 0xCC: I64x2.i64x2_shr_s(regs, a, b, c); break;
            case Op.SIMD + 0xCD: I64x2.i64x2_shr_u(regs, a, b, c); break;
            case Op.SIMD + 0xCE: I64x2.i64x2_add(regs, a, b, c); break;
            case Op.SIMD + 0xD1: I64x2.i64x2_sub(regs, a, b, c); break;
            case Op.SIMD + 0xD5: I64x2.i64x2_mul(regs, a, b, c); break;
            case Op.SIMD + 0xD6: I64x2.i64x2_eq(regs, a, b, c); break;
            case Op.SIMD + 0xD7: I64x2.i64x2_ne(regs, a, b, c); break;
            case Op.SIMD + 0xD8: I64x2.i64x2_lt_s(regs, a, b, c); break;
            case Op.SIMD + 0xD9: I64x2.i64x2_gt_s(regs, a, b, c); break;
            case Op.SIMD + 0xDA: I64x2.i64x2_le_s(regs, a, b, c); break;
            case Op.SIMD + 0xDB: I64x2.i64x2_ge_s(regs, a, b, c); break;
            case Op.SIMD + 0xDC: I64x2.i64x2_extmul_low_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0xDD: I64x2.i64x2_extmul_high_i32x4_s(regs, a, b, c); break;
            case Op.SIMD + 0xDE: I64x2.i64x2_extmul_low_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0xDF: I64x2.i64x2_extmul_high_i32x4_u(regs, a, b, c); break;
            case Op.SIMD + 0xE0: F32x4.f32x4_abs(regs, a, b); break;
            case Op.SIMD + 0xE1: F32x4.f32x4_neg(regs, a, b); break;
            case Op.SIMD + 0xE3: F32x4.f32x4_sqrt(regs, a, b); break;
            case Op.SIMD + 0xE4: F32x4.f32x4_add(regs, a, b, c); break;
            case Op.SIMD + 0xE5: F32x4.f32x4_sub(regs, a, b, c); break;
            case Op.SIMD + 0xE6: F32x4.f32x4_mul(regs, a, b, c); break;
            case Op.SIMD + 0xE7: F32x4.f32x4_div(regs, a, b, c); break;
            case Op.SIMD + 0xE8: F32x4.f32x4_min(regs, a, b, c); break;
            case Op.SIMD + 0xE9: F32x4.f32x4_max(regs, a, b, c); break;
            case Op.SIMD + 0xEA: F32x4.f32x4_pmin(regs, a, b, c); break;
            case Op.SIMD + 0xEB: F32x4.f32x4_pmax(regs, a, b, c); break;
            case Op.SIMD + 0xEC: F64x2.f64x2_abs(regs, a, b); break;
            case Op.SIMD + 0xED: F64x2.f64x2_neg(regs, a, b); break;
            case Op.SIMD + 0xEF: F64x2.f64x2_sqrt(regs, a, b); break;
            case Op.SIMD + 0xF0: F64x2.f64x2_add(regs, a, b, c); break;
            case Op.SIMD + 0xF1: F64x2.f64x2_sub(regs, a, b, c); break;
            case Op.SIMD + 0xF2: F64x2.f64x2_mul(regs, a, b, c); break;
            case Op.SIMD + 0xF3: F64x2.f64x2_div(regs, a, b, c); break;
            case Op.SIMD + 0xF4: F64x2.f64x2_min(regs, a, b, c); break;
            case Op.SIMD + 0xF5: F64x2.f64x2_max(regs, a, b, c); break;
            case Op.SIMD + 0xF6: F64x2.f64x2_pmin(regs, a, b, c); break;
            case Op.SIMD + 0xF7: F64x2.f64x2_pmax(regs, a, b, c); break;
            case Op.SIMD + 0xF8: I32x4.i32x4_trunc_sat_f32x4_s(regs, a, b); break;
            case Op.SIMD + 0xF9: I32x4.i32x4_trunc_sat_f32x4_u(regs, a, b); break;
            case Op.SIMD + 0xFA: F32x4.f32x4_convert_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xFB: F32x4.f32x4_convert_i32x4_u(regs, a, b); break;
            case Op.SIMD + 0xFC: I32x4.i32x4_trunc_sat_f64x2_s_zero(regs, a, b); break;
            case Op.SIMD + 0xFD: I32x4.i32x4_trunc_sat_f64x2_u_zero(regs, a, b); break;
            case Op.SIMD + 0xFE: F64x2.f64x2_convert_low_i32x4_s(regs, a, b); break;
            case Op.SIMD + 0xFF: F64x2.f64x2_convert_low_i32x4_u(regs, a, b); break;
            // A 128-bit move (x | x), not two longs: the next kernel's vector load then forwards from the store.
            case SimdTranslator.V128_COPY: V128.v128_or(regs, a, b, b); break;
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
            // Relaxed SIMD (Gatun's deterministic choices: see dev.gatun.vector.Relaxed); ternaries' third operand in ext.
            case SimdTranslator.RELAXED + 0x00: Relaxed.i8x16_relaxed_swizzle(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x01: Relaxed.i32x4_relaxed_trunc_f32x4_s(regs, a, b); break;
            case SimdTranslator.RELAXED + 0x02: Relaxed.i32x4_relaxed_trunc_f32x4_u(regs, a, b); break;
            case SimdTranslator.RELAXED + 0x03: Relaxed.i32x4_relaxed_trunc_f64x2_s_zero(regs, a, b); break;
            case SimdTranslator.RELAXED + 0x04: Relaxed.i32x4_relaxed_trunc_f64x2_u_zero(regs, a, b); break;
            case SimdTranslator.RELAXED + 0x05: Relaxed.f32x4_relaxed_madd(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x06: Relaxed.f32x4_relaxed_nmadd(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x07: Relaxed.f64x2_relaxed_madd(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x08: Relaxed.f64x2_relaxed_nmadd(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x09: Relaxed.i8x16_relaxed_laneselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x0A: Relaxed.i16x8_relaxed_laneselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x0B: Relaxed.i32x4_relaxed_laneselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x0C: Relaxed.i64x2_relaxed_laneselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.RELAXED + 0x0D: Relaxed.f32x4_relaxed_min(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x0E: Relaxed.f32x4_relaxed_max(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x0F: Relaxed.f64x2_relaxed_min(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x10: Relaxed.f64x2_relaxed_max(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x11: Relaxed.i16x8_relaxed_q15mulr_s(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x12: Relaxed.i16x8_relaxed_dot_i8x16_i7x16_s(regs, a, b, c); break;
            case SimdTranslator.RELAXED + 0x13: Relaxed.i32x4_relaxed_dot_i8x16_i7x16_add_s(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case SimdTranslator.V128_MEMX: {
                long x = code[pc];
                MemInst mi = inst.mems[(int) (x >>> 16)];
                access((int) x & 0xFF, regs, a, c, mi.seg(), mi.ea(regs[b], code[pc + 1]), (int) (x >>> 8) & 0xFF);
                pc += 2; break;
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

    /**
     * A v128 memory instruction (by sub-opcode) at a checked effective address: the generic path of
     * {@link SimdTranslator#V128_MEMX}. {@code a} is the value (the result of a load), {@code c} the vector
     * a lane load merges into.
     */
    static void access(int sub, long[] regs, int a, int c, MemorySegment mem, long ea, int lane) {
        switch (sub) {
            case 0x00 -> V128.v128_load(regs, a, mem, ea);
            case 0x01 -> V128.v128_load8x8_s(regs, a, mem, ea);
            case 0x02 -> V128.v128_load8x8_u(regs, a, mem, ea);
            case 0x03 -> V128.v128_load16x4_s(regs, a, mem, ea);
            case 0x04 -> V128.v128_load16x4_u(regs, a, mem, ea);
            case 0x05 -> V128.v128_load32x2_s(regs, a, mem, ea);
            case 0x06 -> V128.v128_load32x2_u(regs, a, mem, ea);
            case 0x07 -> V128.v128_load8_splat(regs, a, mem, ea);
            case 0x08 -> V128.v128_load16_splat(regs, a, mem, ea);
            case 0x09 -> V128.v128_load32_splat(regs, a, mem, ea);
            case 0x0A -> V128.v128_load64_splat(regs, a, mem, ea);
            case 0x0B -> V128.v128_store(regs, a, mem, ea);
            case 0x54 -> V128.v128_load8_lane(regs, a, c, mem, ea, lane);
            case 0x55 -> V128.v128_load16_lane(regs, a, c, mem, ea, lane);
            case 0x56 -> V128.v128_load32_lane(regs, a, c, mem, ea, lane);
            case 0x57 -> V128.v128_load64_lane(regs, a, c, mem, ea, lane);
            case 0x58 -> V128.v128_store8_lane(regs, a, mem, ea, lane);
            case 0x59 -> V128.v128_store16_lane(regs, a, mem, ea, lane);
            case 0x5A -> V128.v128_store32_lane(regs, a, mem, ea, lane);
            case 0x5B -> V128.v128_store64_lane(regs, a, mem, ea, lane);
            case 0x5C -> V128.v128_load32_zero(regs, a, mem, ea);
            case 0x5D -> V128.v128_load64_zero(regs, a, mem, ea);
            default -> throw new IllegalStateException("v128 memory access " + sub);
        }
    }
}
