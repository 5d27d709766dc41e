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
 * Secondary dispatch for the v128 instructions (IR ops {@link IrOp#SIMD} + 0xFD sub-opcode, and the v128
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

    private static final int M = IrOp.FIELD_MASK;

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
            case IrOp.COPY: regs[a] = regs[b]; break;
            case IrOp.I32_ADD: regs[a] = (int) regs[b] + (int) regs[c]; break;
            case IrOp.I32_SUB: regs[a] = (int) regs[b] - (int) regs[c]; break;
            case IrOp.V128_LOAD: V128.v128_load(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD8X8_S: V128.v128_load8x8_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD8X8_U: V128.v128_load8x8_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD16X4_S: V128.v128_load16x4_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD16X4_U: V128.v128_load16x4_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD32X2_S: V128.v128_load32x2_s(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD32X2_U: V128.v128_load32x2_u(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD8_SPLAT: V128.v128_load8_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD16_SPLAT: V128.v128_load16_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD32_SPLAT: V128.v128_load32_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD64_SPLAT: V128.v128_load64_splat(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_STORE: V128.v128_store(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_CONST: regs[a] = code[pc]; regs[a + 1] = code[pc + 1]; pc += 2; break;
            case IrOp.I8X16_SHUFFLE: I8x16.i8x16_shuffle(regs, a, b, c, (ShufflePlan) m.fns[m.depth].code().pool[(int) code[pc]]); pc += 1; break;
            case IrOp.I8X16_SWIZZLE: I8x16.i8x16_swizzle(regs, a, b, c); break;
            case IrOp.I8X16_SPLAT: I8x16.i8x16_splat(regs, a, b); break;
            case IrOp.I16X8_SPLAT: I16x8.i16x8_splat(regs, a, b); break;
            case IrOp.I32X4_SPLAT: I32x4.i32x4_splat(regs, a, b); break;
            case IrOp.I64X2_SPLAT: I64x2.i64x2_splat(regs, a, b); break;
            case IrOp.F32X4_SPLAT: F32x4.f32x4_splat(regs, a, b); break;
            case IrOp.F64X2_SPLAT: F64x2.f64x2_splat(regs, a, b); break;
            case IrOp.I8X16_EXTRACT_LANE_S: I8x16.i8x16_extract_lane_s(regs, a, b, c - fp); break;
            case IrOp.I8X16_EXTRACT_LANE_U: I8x16.i8x16_extract_lane_u(regs, a, b, c - fp); break;
            case IrOp.I8X16_REPLACE_LANE: I8x16.i8x16_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.I16X8_EXTRACT_LANE_S: I16x8.i16x8_extract_lane_s(regs, a, b, c - fp); break;
            case IrOp.I16X8_EXTRACT_LANE_U: I16x8.i16x8_extract_lane_u(regs, a, b, c - fp); break;
            case IrOp.I16X8_REPLACE_LANE: I16x8.i16x8_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.I32X4_EXTRACT_LANE: I32x4.i32x4_extract_lane(regs, a, b, c - fp); break;
            case IrOp.I32X4_REPLACE_LANE: I32x4.i32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.I64X2_EXTRACT_LANE: I64x2.i64x2_extract_lane(regs, a, b, c - fp); break;
            case IrOp.I64X2_REPLACE_LANE: I64x2.i64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.F32X4_EXTRACT_LANE: F32x4.f32x4_extract_lane(regs, a, b, c - fp); break;
            case IrOp.F32X4_REPLACE_LANE: F32x4.f32x4_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.F64X2_EXTRACT_LANE: F64x2.f64x2_extract_lane(regs, a, b, c - fp); break;
            case IrOp.F64X2_REPLACE_LANE: F64x2.f64x2_replace_lane(regs, a, b, c, (int) code[pc]); pc += 1; break;
            case IrOp.I8X16_EQ: I8x16.i8x16_eq(regs, a, b, c); break;
            case IrOp.I8X16_NE: I8x16.i8x16_ne(regs, a, b, c); break;
            case IrOp.I8X16_LT_S: I8x16.i8x16_lt_s(regs, a, b, c); break;
            case IrOp.I8X16_LT_U: I8x16.i8x16_lt_u(regs, a, b, c); break;
            case IrOp.I8X16_GT_S: I8x16.i8x16_gt_s(regs, a, b, c); break;
            case IrOp.I8X16_GT_U: I8x16.i8x16_gt_u(regs, a, b, c); break;
            case IrOp.I8X16_LE_S: I8x16.i8x16_le_s(regs, a, b, c); break;
            case IrOp.I8X16_LE_U: I8x16.i8x16_le_u(regs, a, b, c); break;
            case IrOp.I8X16_GE_S: I8x16.i8x16_ge_s(regs, a, b, c); break;
            case IrOp.I8X16_GE_U: I8x16.i8x16_ge_u(regs, a, b, c); break;
            case IrOp.I16X8_EQ: I16x8.i16x8_eq(regs, a, b, c); break;
            case IrOp.I16X8_NE: I16x8.i16x8_ne(regs, a, b, c); break;
            case IrOp.I16X8_LT_S: I16x8.i16x8_lt_s(regs, a, b, c); break;
            case IrOp.I16X8_LT_U: I16x8.i16x8_lt_u(regs, a, b, c); break;
            case IrOp.I16X8_GT_S: I16x8.i16x8_gt_s(regs, a, b, c); break;
            case IrOp.I16X8_GT_U: I16x8.i16x8_gt_u(regs, a, b, c); break;
            case IrOp.I16X8_LE_S: I16x8.i16x8_le_s(regs, a, b, c); break;
            case IrOp.I16X8_LE_U: I16x8.i16x8_le_u(regs, a, b, c); break;
            case IrOp.I16X8_GE_S: I16x8.i16x8_ge_s(regs, a, b, c); break;
            case IrOp.I16X8_GE_U: I16x8.i16x8_ge_u(regs, a, b, c); break;
            case IrOp.I32X4_EQ: I32x4.i32x4_eq(regs, a, b, c); break;
            case IrOp.I32X4_NE: I32x4.i32x4_ne(regs, a, b, c); break;
            case IrOp.I32X4_LT_S: I32x4.i32x4_lt_s(regs, a, b, c); break;
            case IrOp.I32X4_LT_U: I32x4.i32x4_lt_u(regs, a, b, c); break;
            case IrOp.I32X4_GT_S: I32x4.i32x4_gt_s(regs, a, b, c); break;
            case IrOp.I32X4_GT_U: I32x4.i32x4_gt_u(regs, a, b, c); break;
            case IrOp.I32X4_LE_S: I32x4.i32x4_le_s(regs, a, b, c); break;
            case IrOp.I32X4_LE_U: I32x4.i32x4_le_u(regs, a, b, c); break;
            case IrOp.I32X4_GE_S: I32x4.i32x4_ge_s(regs, a, b, c); break;
            case IrOp.I32X4_GE_U: I32x4.i32x4_ge_u(regs, a, b, c); break;
            case IrOp.F32X4_EQ: F32x4.f32x4_eq(regs, a, b, c); break;
            case IrOp.F32X4_NE: F32x4.f32x4_ne(regs, a, b, c); break;
            case IrOp.F32X4_LT: F32x4.f32x4_lt(regs, a, b, c); break;
            case IrOp.F32X4_GT: F32x4.f32x4_gt(regs, a, b, c); break;
            case IrOp.F32X4_LE: F32x4.f32x4_le(regs, a, b, c); break;
            case IrOp.F32X4_GE: F32x4.f32x4_ge(regs, a, b, c); break;
            case IrOp.F64X2_EQ: F64x2.f64x2_eq(regs, a, b, c); break;
            case IrOp.F64X2_NE: F64x2.f64x2_ne(regs, a, b, c); break;
            case IrOp.F64X2_LT: F64x2.f64x2_lt(regs, a, b, c); break;
            case IrOp.F64X2_GT: F64x2.f64x2_gt(regs, a, b, c); break;
            case IrOp.F64X2_LE: F64x2.f64x2_le(regs, a, b, c); break;
            case IrOp.F64X2_GE: F64x2.f64x2_ge(regs, a, b, c); break;
            case IrOp.V128_NOT: V128.v128_not(regs, a, b); break;
            case IrOp.V128_AND: V128.v128_and(regs, a, b, c); break;
            case IrOp.V128_ANDNOT: V128.v128_andnot(regs, a, b, c); break;
            case IrOp.V128_OR: V128.v128_or(regs, a, b, c); break;
            case IrOp.V128_XOR: V128.v128_xor(regs, a, b, c); break;
            case IrOp.V128_BITSELECT: V128.v128_bitselect(regs, a, b, c, fp + (int) code[pc]); pc += 1; break;
            case IrOp.V128_ANY_TRUE: V128.v128_any_true(regs, a, b); break;
            case IrOp.V128_LOAD8_LANE: { long x = code[pc]; V128.v128_load8_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_LOAD16_LANE: { long x = code[pc]; V128.v128_load16_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_LOAD32_LANE: { long x = code[pc]; V128.v128_load32_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_LOAD64_LANE: { long x = code[pc]; V128.v128_load64_lane(regs, a, c, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_STORE8_LANE: { long x = code[pc]; V128.v128_store8_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_STORE16_LANE: { long x = code[pc]; V128.v128_store16_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_STORE32_LANE: { long x = code[pc]; V128.v128_store32_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_STORE64_LANE: { long x = code[pc]; V128.v128_store64_lane(regs, a, inst.memSeg(), (regs[b] & U32) + (x & U32), (int) (x >>> 32)); pc += 1; break; }
            case IrOp.V128_LOAD32_ZERO: V128.v128_load32_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.V128_LOAD64_ZERO: V128.v128_load64_zero(regs, a, inst.memSeg(), (regs[b] & U32) + code[pc]); pc += 1; break;
            case IrOp.F32X4_DEMOTE_F64X2_ZERO: F32x4.f32x4_demote_f64x2_zero(regs, a, b); break;
            case IrOp.F64X2_PROMOTE_LOW_F32X4: F64x2.f64x2_promote_low_f32x4(regs, a, b); break;
            case IrOp.I8X16_ABS: I8x16.i8x16_abs(regs, a, b); break;
            case IrOp.I8X16_NEG: I8x16.i8x16_neg(regs, a, b); break;
            case IrOp.I8X16_POPCNT: I8x16.i8x16_popcnt(regs, a, b); break;
            case IrOp.I8X16_ALL_TRUE: I8x16.i8x16_all_true(regs, a, b); break;
            case IrOp.I8X16_BITMASK: I8x16.i8x16_bitmask(regs, a, b); break;
            case IrOp.I8X16_NARROW_I16X8_S: I8x16.i8x16_narrow_i16x8_s(regs, a, b, c); break;
            case IrOp.I8X16_NARROW_I16X8_U: I8x16.i8x16_narrow_i16x8_u(regs, a, b, c); break;
            case IrOp.F32X4_CEIL: F32x4.f32x4_ceil(regs, a, b); break;
            case IrOp.F32X4_FLOOR: F32x4.f32x4_floor(regs, a, b); break;
            case IrOp.F32X4_TRUNC: F32x4.f32x4_trunc(regs, a, b); break;
            case IrOp.F32X4_NEAREST: F32x4.f32x4_nearest(regs, a, b); break;
            case IrOp.I8X16_SHL: I8x16.i8x16_shl(regs, a, b, c); break;
            case IrOp.I8X16_SHR_S: I8x16.i8x16_shr_s(regs, a, b, c); break;
            case IrOp.I8X16_SHR_U: I8x16.i8x16_shr_u(regs, a, b, c); break;
            case IrOp.I8X16_ADD: I8x16.i8x16_add(regs, a, b, c); break;
            case IrOp.I8X16_ADD_SAT_S: I8x16.i8x16_add_sat_s(regs, a, b, c); break;
            case IrOp.I8X16_ADD_SAT_U: I8x16.i8x16_add_sat_u(regs, a, b, c); break;
            case IrOp.I8X16_SUB: I8x16.i8x16_sub(regs, a, b, c); break;
            case IrOp.I8X16_SUB_SAT_S: I8x16.i8x16_sub_sat_s(regs, a, b, c); break;
            case IrOp.I8X16_SUB_SAT_U: I8x16.i8x16_sub_sat_u(regs, a, b, c); break;
            case IrOp.F64X2_CEIL: F64x2.f64x2_ceil(regs, a, b); break;
            case IrOp.F64X2_FLOOR: F64x2.f64x2_floor(regs, a, b); break;
            case IrOp.I8X16_MIN_S: I8x16.i8x16_min_s(regs, a, b, c); break;
            case IrOp.I8X16_MIN_U: I8x16.i8x16_min_u(regs, a, b, c); break;
            case IrOp.I8X16_MAX_S: I8x16.i8x16_max_s(regs, a, b, c); break;
            case IrOp.I8X16_MAX_U: I8x16.i8x16_max_u(regs, a, b, c); break;
            case IrOp.F64X2_TRUNC: F64x2.f64x2_trunc(regs, a, b); break;
            case IrOp.I8X16_AVGR_U: I8x16.i8x16_avgr_u(regs, a, b, c); break;
            case IrOp.I16X8_EXTADD_PAIRWISE_I8X16_S: I16x8.i16x8_extadd_pairwise_i8x16_s(regs, a, b); break;
            case IrOp.I16X8_EXTADD_PAIRWISE_I8X16_U: I16x8.i16x8_extadd_pairwise_i8x16_u(regs, a, b); break;
            case IrOp.I32X4_EXTADD_PAIRWISE_I16X8_S: I32x4.i32x4_extadd_pairwise_i16x8_s(regs, a, b); break;
            case IrOp.I32X4_EXTADD_PAIRWISE_I16X8_U: I32x4.i32x4_extadd_pairwise_i16x8_u(regs, a, b); break;
            case IrOp.I16X8_ABS: I16x8.i16x8_abs(regs, a, b); break;
            case IrOp.I16X8_NEG: I16x8.i16x8_neg(regs, a, b); break;
            case IrOp.I16X8_Q15MULR_SAT_S: I16x8.i16x8_q15mulr_sat_s(regs, a, b, c); break;
            case IrOp.I16X8_ALL_TRUE: I16x8.i16x8_all_true(regs, a, b); break;
            case IrOp.I16X8_BITMASK: I16x8.i16x8_bitmask(regs, a, b); break;
            case IrOp.I16X8_NARROW_I32X4_S: I16x8.i16x8_narrow_i32x4_s(regs, a, b, c); break;
            case IrOp.I16X8_NARROW_I32X4_U: I16x8.i16x8_narrow_i32x4_u(regs, a, b, c); break;
            case IrOp.I16X8_EXTEND_LOW_I8X16_S: I16x8.i16x8_extend_low_i8x16_s(regs, a, b); break;
            case IrOp.I16X8_EXTEND_HIGH_I8X16_S: I16x8.i16x8_extend_high_i8x16_s(regs, a, b); break;
            case IrOp.I16X8_EXTEND_LOW_I8X16_U: I16x8.i16x8_extend_low_i8x16_u(regs, a, b); break;
            case IrOp.I16X8_EXTEND_HIGH_I8X16_U: I16x8.i16x8_extend_high_i8x16_u(regs, a, b); break;
            case IrOp.I16X8_SHL: I16x8.i16x8_shl(regs, a, b, c); break;
            case IrOp.I16X8_SHR_S: I16x8.i16x8_shr_s(regs, a, b, c); break;
            case IrOp.I16X8_SHR_U: I16x8.i16x8_shr_u(regs, a, b, c); break;
            case IrOp.I16X8_ADD: I16x8.i16x8_add(regs, a, b, c); break;
            case IrOp.I16X8_ADD_SAT_S: I16x8.i16x8_add_sat_s(regs, a, b, c); break;
            case IrOp.I16X8_ADD_SAT_U: I16x8.i16x8_add_sat_u(regs, a, b, c); break;
            case IrOp.I16X8_SUB: I16x8.i16x8_sub(regs, a, b, c); break;
            case IrOp.I16X8_SUB_SAT_S: I16x8.i16x8_sub_sat_s(regs, a, b, c); break;
            case IrOp.I16X8_SUB_SAT_U: I16x8.i16x8_sub_sat_u(regs, a, b, c); break;
            case IrOp.F64X2_NEAREST: F64x2.f64x2_nearest(regs, a, b); break;
            case IrOp.I16X8_MUL: I16x8.i16x8_mul(regs, a, b, c); break;
            case IrOp.I16X8_MIN_S: I16x8.i16x8_min_s(regs, a, b, c); break;
            case IrOp.I16X8_MIN_U: I16x8.i16x8_min_u(regs, a, b, c); break;
            case IrOp.I16X8_MAX_S: I16x8.i16x8_max_s(regs, a, b, c); break;
            case IrOp.I16X8_MAX_U: I16x8.i16x8_max_u(regs, a, b, c); break;
            case IrOp.I16X8_AVGR_U: I16x8.i16x8_avgr_u(regs, a, b, c); break;
            case IrOp.I16X8_EXTMUL_LOW_I8X16_S: I16x8.i16x8_extmul_low_i8x16_s(regs, a, b, c); break;
            case IrOp.I16X8_EXTMUL_HIGH_I8X16_S: I16x8.i16x8_extmul_high_i8x16_s(regs, a, b, c); break;
            case IrOp.I16X8_EXTMUL_LOW_I8X16_U: I16x8.i16x8_extmul_low_i8x16_u(regs, a, b, c); break;
            case IrOp.I16X8_EXTMUL_HIGH_I8X16_U: I16x8.i16x8_extmul_high_i8x16_u(regs, a, b, c); break;
            case IrOp.I32X4_ABS: I32x4.i32x4_abs(regs, a, b); break;
            case IrOp.I32X4_NEG: I32x4.i32x4_neg(regs, a, b); break;
            case IrOp.I32X4_ALL_TRUE: I32x4.i32x4_all_true(regs, a, b); break;
            case IrOp.I32X4_BITMASK: I32x4.i32x4_bitmask(regs, a, b); break;
            case IrOp.I32X4_EXTEND_LOW_I16X8_S: I32x4.i32x4_extend_low_i16x8_s(regs, a, b); break;
            case IrOp.I32X4_EXTEND_HIGH_I16X8_S: I32x4.i32x4_extend_high_i16x8_s(regs, a, b); break;
            case IrOp.I32X4_EXTEND_LOW_I16X8_U: I32x4.i32x4_extend_low_i16x8_u(regs, a, b); break;
            case IrOp.I32X4_EXTEND_HIGH_I16X8_U: I32x4.i32x4_extend_high_i16x8_u(regs, a, b); break;
            case IrOp.I32X4_SHL: I32x4.i32x4_shl(regs, a, b, c); break;
            case IrOp.I32X4_SHR_S: I32x4.i32x4_shr_s(regs, a, b, c); break;
            case IrOp.I32X4_SHR_U: I32x4.i32x4_shr_u(regs, a, b, c); break;
            case IrOp.I32X4_ADD: I32x4.i32x4_add(regs, a, b, c); break;
            case IrOp.I32X4_SUB: I32x4.i32x4_sub(regs, a, b, c); break;
            case IrOp.I32X4_MUL: I32x4.i32x4_mul(regs, a, b, c); break;
            case IrOp.I32X4_MIN_S: I32x4.i32x4_min_s(regs, a, b, c); break;
            case IrOp.I32X4_MIN_U: I32x4.i32x4_min_u(regs, a, b, c); break;
            case IrOp.I32X4_MAX_S: I32x4.i32x4_max_s(regs, a, b, c); break;
            case IrOp.I32X4_MAX_U: I32x4.i32x4_max_u(regs, a, b, c); break;
            case IrOp.I32X4_DOT_I16X8_S: I32x4.i32x4_dot_i16x8_s(regs, a, b, c); break;
            case IrOp.I32X4_EXTMUL_LOW_I16X8_S: I32x4.i32x4_extmul_low_i16x8_s(regs, a, b, c); break;
            case IrOp.I32X4_EXTMUL_HIGH_I16X8_S: I32x4.i32x4_extmul_high_i16x8_s(regs, a, b, c); break;
            case IrOp.I32X4_EXTMUL_LOW_I16X8_U: I32x4.i32x4_extmul_low_i16x8_u(regs, a, b, c); break;
            case IrOp.I32X4_EXTMUL_HIGH_I16X8_U: I32x4.i32x4_extmul_high_i16x8_u(regs, a, b, c); break;
            case IrOp.I64X2_ABS: I64x2.i64x2_abs(regs, a, b); break;
            case IrOp.I64X2_NEG: I64x2.i64x2_neg(regs, a, b); break;
            case IrOp.I64X2_ALL_TRUE: I64x2.i64x2_all_true(regs, a, b); break;
            case IrOp.I64X2_BITMASK: I64x2.i64x2_bitmask(regs, a, b); break;
            case IrOp.I64X2_EXTEND_LOW_I32X4_S: I64x2.i64x2_extend_low_i32x4_s(regs, a, b); break;
            case IrOp.I64X2_EXTEND_HIGH_I32X4_S: I64x2.i64x2_extend_high_i32x4_s(regs, a, b); break;
            case IrOp.I64X2_EXTEND_LOW_I32X4_U: I64x2.i64x2_extend_low_i32x4_u(regs, a, b); break;
            case IrOp.I64X2_EXTEND_HIGH_I32X4_U: I64x2.i64x2_extend_high_i32x4_u(regs, a, b); break;
            case IrOp.I64X2_SHL: I64x2.i64x2_shl(regs, a, b, c); break;
            case IrOp.I64X2_SHR_S: I64x2.i64x2_shr_s(regs, a, b, c); break;
            case IrOp.I64X2_SHR_U: I64x2.i64x2_shr_u(regs, a, b, c); break;
            case IrOp.I64X2_ADD: I64x2.i64x2_add(regs, a, b, c); break;
            case IrOp.I64X2_SUB: I64x2.i64x2_sub(regs, a, b, c); break;
            case IrOp.I64X2_MUL: I64x2.i64x2_mul(regs, a, b, c); break;
            case IrOp.I64X2_EQ: I64x2.i64x2_eq(regs, a, b, c); break;
            case IrOp.I64X2_NE: I64x2.i64x2_ne(regs, a, b, c); break;
            case IrOp.I64X2_LT_S: I64x2.i64x2_lt_s(regs, a, b, c); break;
            case IrOp.I64X2_GT_S: I64x2.i64x2_gt_s(regs, a, b, c); break;
            case IrOp.I64X2_LE_S: I64x2.i64x2_le_s(regs, a, b, c); break;
            case IrOp.I64X2_GE_S: I64x2.i64x2_ge_s(regs, a, b, c); break;
            case IrOp.I64X2_EXTMUL_LOW_I32X4_S: I64x2.i64x2_extmul_low_i32x4_s(regs, a, b, c); break;
            case IrOp.I64X2_EXTMUL_HIGH_I32X4_S: I64x2.i64x2_extmul_high_i32x4_s(regs, a, b, c); break;
            case IrOp.I64X2_EXTMUL_LOW_I32X4_U: I64x2.i64x2_extmul_low_i32x4_u(regs, a, b, c); break;
            case IrOp.I64X2_EXTMUL_HIGH_I32X4_U: I64x2.i64x2_extmul_high_i32x4_u(regs, a, b, c); break;
            case IrOp.F32X4_ABS: F32x4.f32x4_abs(regs, a, b); break;
            case IrOp.F32X4_NEG: F32x4.f32x4_neg(regs, a, b); break;
            case IrOp.F32X4_SQRT: F32x4.f32x4_sqrt(regs, a, b); break;
            case IrOp.F32X4_ADD: F32x4.f32x4_add(regs, a, b, c); break;
            case IrOp.F32X4_SUB: F32x4.f32x4_sub(regs, a, b, c); break;
            case IrOp.F32X4_MUL: F32x4.f32x4_mul(regs, a, b, c); break;
            case IrOp.F32X4_DIV: F32x4.f32x4_div(regs, a, b, c); break;
            case IrOp.F32X4_MIN: F32x4.f32x4_min(regs, a, b, c); break;
            case IrOp.F32X4_MAX: F32x4.f32x4_max(regs, a, b, c); break;
            case IrOp.F32X4_PMIN: F32x4.f32x4_pmin(regs, a, b, c); break;
            case IrOp.F32X4_PMAX: F32x4.f32x4_pmax(regs, a, b, c); break;
            case IrOp.F64X2_ABS: F64x2.f64x2_abs(regs, a, b); break;
            case IrOp.F64X2_NEG: F64x2.f64x2_neg(regs, a, b); break;
            case IrOp.F64X2_SQRT: F64x2.f64x2_sqrt(regs, a, b); break;
            case IrOp.F64X2_ADD: F64x2.f64x2_add(regs, a, b, c); break;
            case IrOp.F64X2_SUB: F64x2.f64x2_sub(regs, a, b, c); break;
            case IrOp.F64X2_MUL: F64x2.f64x2_mul(regs, a, b, c); break;
            case IrOp.F64X2_DIV: F64x2.f64x2_div(regs, a, b, c); break;
            case IrOp.F64X2_MIN: F64x2.f64x2_min(regs, a, b, c); break;
            case IrOp.F64X2_MAX: F64x2.f64x2_max(regs, a, b, c); break;
            case IrOp.F64X2_PMIN: F64x2.f64x2_pmin(regs, a, b, c); break;
            case IrOp.F64X2_PMAX: F64x2.f64x2_pmax(regs, a, b, c); break;
            case IrOp.I32X4_TRUNC_SAT_F32X4_S: I32x4.i32x4_trunc_sat_f32x4_s(regs, a, b); break;
            case IrOp.I32X4_TRUNC_SAT_F32X4_U: I32x4.i32x4_trunc_sat_f32x4_u(regs, a, b); break;
            case IrOp.F32X4_CONVERT_I32X4_S: F32x4.f32x4_convert_i32x4_s(regs, a, b); break;
            case IrOp.F32X4_CONVERT_I32X4_U: F32x4.f32x4_convert_i32x4_u(regs, a, b); break;
            case IrOp.I32X4_TRUNC_SAT_F64X2_S_ZERO: I32x4.i32x4_trunc_sat_f64x2_s_zero(regs, a, b); break;
            case IrOp.I32X4_TRUNC_SAT_F64X2_U_ZERO: I32x4.i32x4_trunc_sat_f64x2_u_zero(regs, a, b); break;
            case IrOp.F64X2_CONVERT_LOW_I32X4_S: F64x2.f64x2_convert_low_i32x4_s(regs, a, b); break;
            case IrOp.F64X2_CONVERT_LOW_I32X4_U: F64x2.f64x2_convert_low_i32x4_u(regs, a, b); break;
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
                GlobalInst g = inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS];
                regs[a] = g.bits;
                regs[a + 1] = g.hi;
                break;
            }
            case SimdTranslator.V128_GLOBAL_SET: {
                GlobalInst g = inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS];
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
            if (op < IrOp.SIMD && op != IrOp.COPY && op != IrOp.I32_ADD && op != IrOp.I32_SUB) return pc;
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
