package dev.gatun.interpreter;

import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;

/**
 * Translates the 0xFC-prefixed instructions (saturating truncations, bulk memory and table operations)
 * into register IR, through the translator's stack hooks as {@link SimdTranslator} does.
 */
final class BulkTranslator {
    private BulkTranslator() {}

    static void translate(Translator t, WasmReader r, Instruction in) {
        switch (in) {
            case I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_S, I32_TRUNC_SAT_F64_U, I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_S, I64_TRUNC_SAT_F64_U -> {
                int b1 = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.TRUNC_SAT + in.code, dst, b1, 0, 0, 0, 0);
                t.pushValue(dst, Translator.NUM);
            }
            case MEMORY_INIT -> {
                int seg = r.u32(); int k = r.u32();
                int n = t.popValue(), s = t.popValue(), d = t.popValue();
                t.emitWith(IrOp.MEMORY_INIT, d, s, n, (long) k << 32 | seg);
            }
            case DATA_DROP -> t.emitWith(IrOp.DATA_DROP, 0, 0, 0, r.u32());
            case MEMORY_COPY -> {
                int x = r.u32(); int y = r.u32();
                int n = t.popValue(), s = t.popValue(), d = t.popValue();
                t.emitWith(IrOp.MEMORY_COPY, d, s, n, (long) x << 32 | y);
            }
            case MEMORY_FILL -> { int k = r.u32(); int n = t.popValue(), v = t.popValue(), d = t.popValue(); t.emitWith(IrOp.MEMORY_FILL, d, v, n, k); }
            case TABLE_INIT -> {
                int seg = r.u32(); int table = r.u32();
                int n = t.popValue(), s = t.popValue(), d = t.popValue();
                t.emitWith(IrOp.TABLE_INIT, d, s, n, (long) seg << 32 | table);
            }
            case ELEM_DROP -> t.emitWith(IrOp.ELEM_DROP, 0, 0, 0, r.u32());
            case TABLE_COPY -> {
                int x = r.u32(); int y = r.u32();
                int n = t.popValue(), s = t.popValue(), d = t.popValue();
                t.emitWith(IrOp.TABLE_COPY, d, s, n, (long) x << 32 | y);
            }
            case TABLE_GROW -> {
                int table = r.u32();
                int n = t.popValue(), init = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.TABLE_GROW, dst, init, n, table, 0, 1);
                t.pushValue(dst, Translator.NUM);
            }
            case TABLE_SIZE -> {
                int table = r.u32();
                int dst = t.nextTemp();
                t.produceWith(IrOp.TABLE_SIZE, dst, 0, table, 0, 0, 0);
                t.pushValue(dst, Translator.NUM);
            }
            case TABLE_FILL -> {
                int table = r.u32();
                int n = t.popValue(), v = t.popValue(), i = t.popValue();
                t.emitWith(IrOp.TABLE_FILL, i, v, n, table);
            }
            default -> throw new IllegalStateException("0xFC " + in.code + " in a validated body");
        }
    }
}
