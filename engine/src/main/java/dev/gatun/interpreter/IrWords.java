package dev.gatun.interpreter;

import dev.gatun.model.Instruction;

/**
 * What the translator's peephole rewrites need to know about IR words: which register fields an op
 * reads or writes, how wasm-ordered compares mirror and negate, and which numeric opcodes take two operands.
 */
final class IrWords {
    private IrWords() {}

    /** Words of an instruction renameDef understands (0: any other). */
    static int renameLength(int op) {
        if (op >= IrOp.SEL_I32_EQ && op <= IrOp.SEL_I32_GT_U) return 2;
        if (op == IrOp.COPY || isI32Binary(op) || (op >= IrOp.MEM && op <= IrOp.I64_STORE32)
                || (op >= IrOp.LOAD_ADD && op <= IrOp.ADD_I32_LOAD16_U) || (op >= IrOp.STORE_ADD && op <= IrOp.ADD_I32_STORE8)) return 1;
        return 0;
    }

    static boolean isI32Binary(int op) {
        int wasm = op - IrOp.NUM + Instruction.I32_EQZ.code;
        return op >= IrOp.NUM && ((wasm >= Instruction.I32_EQ.code && wasm <= Instruction.I32_GE_U.code) || (wasm >= Instruction.I32_ADD.code && wasm <= Instruction.I32_ROTR.code));
    }

    /** Field a is the destination (otherwise, for stores, a value read). */
    static boolean isProducer(int op) {
        return !(op >= IrOp.I32_STORE && op <= IrOp.I64_STORE32) && !(op >= IrOp.STORE_ADD && op <= IrOp.ADD_I32_STORE8);
    }

    /** Whether c is the second operand register (not a memarg offset or unused). */
    static boolean cIsReg(int op) {
        return !(op >= IrOp.MEM && op <= IrOp.I64_STORE32) && op != IrOp.COPY;
    }

    /** Rewrites the register reads of x in the instruction at q to t. */
    static void replaceReads(long[] buf, int q, int x, int t) {
        int op = (int) buf[q] & 0x3FF;
        long w = buf[q];
        if (!isProducer(op) && ((w >>> 10) & IrOp.FIELD_MASK) == x) w = (w & ~((long) IrOp.FIELD_MASK << 10)) | (long) t << 10;
        if (((w >>> 28) & IrOp.FIELD_MASK) == x) w = (w & ~((long) IrOp.FIELD_MASK << 28)) | (long) t << 28;
        if (cIsReg(op) && (w >>> 46) == x) w = (w & ((1L << 46) - 1)) | (long) t << 46;
        buf[q] = w;
        if (op >= IrOp.SEL_I32_EQ && op <= IrOp.SEL_I32_GT_U) {
            long e = buf[q + 1];
            long lo = e & 0xFFFF_FFFFL, hi = e >>> 32;
            if (lo == x) lo = t;
            if (hi == x) hi = t;
            buf[q + 1] = lo | hi << 32;
        }
    }

    /** Index of a compare in wasm order (eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u), negated when asked. */
    static int cmpIndex(int i, boolean keep) {
        if (keep) return i;
        return switch (i) {
            case 0 -> 1; case 1 -> 0;
            case 2 -> 8; case 3 -> 9;   // lt -> ge
            case 4 -> 6; case 5 -> 7;   // gt -> le
            case 6 -> 4; case 7 -> 5;   // le -> gt
            case 8 -> 2; case 9 -> 3;   // ge -> lt
            default -> throw new IllegalStateException();
        };
    }

    /** A compare with its operands swapped, in wasm order (eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u). */
    static final int[] MIRROR = {0, 1, 4, 5, 2, 3, 8, 9, 6, 7};

    static boolean isBinary(int op) {
        return (op >= Instruction.I32_EQ.code && op <= Instruction.I32_GE_U.code) || (op >= Instruction.I64_EQ.code && op <= Instruction.F64_GE.code) || (op >= Instruction.I32_ADD.code && op <= Instruction.I32_ROTR.code)
                || (op >= Instruction.I64_ADD.code && op <= Instruction.I64_ROTR.code) || (op >= Instruction.F32_ADD.code && op <= Instruction.F32_COPYSIGN.code) || (op >= Instruction.F64_ADD.code && op <= Instruction.F64_COPYSIGN.code);
    }
}
