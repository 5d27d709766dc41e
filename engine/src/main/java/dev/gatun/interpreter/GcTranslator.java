package dev.gatun.interpreter;

import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.ArrayType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.FunctionType;
import dev.gatun.model.Instruction;
import dev.gatun.model.StructType;
import dev.gatun.model.ValType;
import dev.gatun.model.ValueType;
import dev.gatun.model.WasmModule;
import dev.gatun.runtime.GcLayout;
import dev.gatun.runtime.GcOps;

import java.util.List;

/**
 * Translates the GC instructions into one cold op, {@link IrOp#GC}, that {@link GcExec} runs: its first
 * extension word is {@code sub | mode << 8 | imm << 16} (the sub-op, how the value is held, an index or
 * slot), the second a pool index (a type or layout) where the op needs one. Ops with more than three
 * operands take them from consecutive temporaries, as calls do. The conversions between any and extern
 * emit nothing: a reference is the same object in both hierarchies.
 */
final class GcTranslator {
    private GcTranslator() {}

    private static final byte NUM = IrEmitter.NUM, REF = IrEmitter.REF, VEC = IrEmitter.VEC;

    // Sub-ops.
    static final int STRUCT_NEW = 0, STRUCT_NEW_DEFAULT = 1, STRUCT_GET = 2, STRUCT_SET = 3, ARRAY_NEW = 4,
            ARRAY_NEW_DEFAULT = 5, ARRAY_NEW_FIXED = 6, ARRAY_NEW_DATA = 7, ARRAY_NEW_ELEM = 8, ARRAY_GET = 9,
            ARRAY_SET = 10, ARRAY_LEN = 11, ARRAY_FILL = 12, ARRAY_COPY = 13, ARRAY_INIT_DATA = 14,
            ARRAY_INIT_ELEM = 15, REF_I31 = 16, I31_GET_S = 17, I31_GET_U = 18, REF_TEST = 19, REF_CAST = 20, REF_EQ = 21;
    // Modes: how a field's or element's value is held in registers, and how a packed one extends.
    static final int M_NUM = 0, M_REF = 1, M_VEC = 2, M_S = 3, M_U = 4;

    /** struct.new's operands: per field its register offset from the first and its mode. */
    record StructNew(GcLayout layout, int[] offset, byte[] kind) {}

    static void translate(Translator t, WasmReader r, Instruction in, WasmModule mod) {
        switch (in) {
            case STRUCT_NEW -> {
                int x = r.u32();
                DefinedType d = mod.types().get(x);
                List<FieldType> fs = ((StructType) d.composite()).fields();
                int[] off = new int[fs.size()];
                byte[] kinds = new byte[fs.size()];
                int o = 0;
                for (int i = 0; i < fs.size(); i++) {
                    off[i] = o;
                    kinds[i] = kind(fs.get(i));
                    o += IrEmitter.width(kinds[i]);
                }
                int base = t.operands(FunctionType.of(fs.stream().map(GcTranslator::valType).toList(), List.of(ValType.ANYREF)));
                int p = t.poolAdd(new StructNew(GcLayout.of(d), off, kinds));
                t.emitWith(IrOp.GC, base, 0, 0, ext(STRUCT_NEW, 0, p));
                t.pushValue(base, REF);
            }
            case STRUCT_NEW_DEFAULT -> {
                int p = t.poolAdd(GcLayout.of(mod.types().get(r.u32())));
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, 0, 0, ext(STRUCT_NEW_DEFAULT, 0, p), 0, 1);
                t.pushValue(dst, REF);
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                DefinedType d = mod.types().get(r.u32());
                int f = r.u32();
                FieldType ft = ((StructType) d.composite()).fields().get(f);
                int mode = in == Instruction.STRUCT_GET_S ? M_S : in == Instruction.STRUCT_GET_U ? M_U : mode(ft);
                int ref = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, ref, 0, ext(STRUCT_GET, mode | ft.packed() << 3, GcLayout.of(d).slot()[f]), 0, 1);
                t.pushValue(dst, kind(ft));
            }
            case STRUCT_SET -> {
                DefinedType d = mod.types().get(r.u32());
                int f = r.u32();
                FieldType ft = ((StructType) d.composite()).fields().get(f);
                int v = t.popValue(), ref = t.popValue();
                t.emitWith(IrOp.GC, v, ref, 0, ext(STRUCT_SET, mode(ft), GcLayout.of(d).slot()[f]));
            }
            case ARRAY_NEW -> {
                DefinedType d = mod.types().get(r.u32());
                int n = t.popValue(), v = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, v, n, ext(ARRAY_NEW, mode(element(d)), t.poolAdd(d)), 0, 1);
                t.pushValue(dst, REF);
            }
            case ARRAY_NEW_DEFAULT -> {
                DefinedType d = mod.types().get(r.u32());
                int n = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, n, 0, ext(ARRAY_NEW_DEFAULT, 0, t.poolAdd(d)), 0, 1);
                t.pushValue(dst, REF);
            }
            case ARRAY_NEW_FIXED -> {
                DefinedType d = mod.types().get(r.u32());
                int n = r.u32();
                ValType et = valType(element(d));
                int base = t.operands(FunctionType.of(java.util.Collections.nCopies(n, et), List.of(ValType.ANYREF)));
                t.emitWith(IrOp.GC, base, 0, 0, ext(ARRAY_NEW_FIXED, mode(element(d)), t.poolAdd(d)));
                t.emitExt(n);
                t.pushValue(base, REF);
            }
            case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
                DefinedType d = mod.types().get(r.u32());
                int seg = r.u32();
                int n = t.popValue(), s = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, s, n, ext(in == Instruction.ARRAY_NEW_DATA ? ARRAY_NEW_DATA : ARRAY_NEW_ELEM, 0, t.poolAdd(d)), seg, 2);
                t.pushValue(dst, REF);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                FieldType ft = element(mod.types().get(r.u32()));
                int mode = in == Instruction.ARRAY_GET_S ? M_S : in == Instruction.ARRAY_GET_U ? M_U : mode(ft);
                int i = t.popValue(), ref = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, ref, i, ext(ARRAY_GET, mode, 0), 0, 1);
                t.pushValue(dst, kind(ft));
            }
            case ARRAY_SET -> {
                FieldType ft = element(mod.types().get(r.u32()));
                int v = t.popValue(), i = t.popValue(), ref = t.popValue();
                t.emitWith(IrOp.GC, v, ref, i, ext(ARRAY_SET, mode(ft), 0));
            }
            case ARRAY_LEN -> {
                int ref = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, ref, 0, ext(ARRAY_LEN, 0, 0), 0, 1);
                t.pushValue(dst, NUM);
            }
            case ARRAY_FILL -> {
                FieldType ft = element(mod.types().get(r.u32()));
                int base = t.operands(FunctionType.of(List.of(ValType.ANYREF, ValType.I32, valType(ft), ValType.I32), List.of()));
                t.emitWith(IrOp.GC, base, 0, 0, ext(ARRAY_FILL, mode(ft), 0));
            }
            case ARRAY_COPY -> {
                r.u32();
                r.u32();
                int base = t.operands(FunctionType.of(List.of(ValType.ANYREF, ValType.I32, ValType.ANYREF, ValType.I32, ValType.I32), List.of()));
                t.emitWith(IrOp.GC, base, 0, 0, ext(ARRAY_COPY, 0, 0));
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                r.u32();
                int seg = r.u32();
                int base = t.operands(FunctionType.of(List.of(ValType.ANYREF, ValType.I32, ValType.I32, ValType.I32), List.of()));
                t.emitWith(IrOp.GC, base, 0, 0, ext(in == Instruction.ARRAY_INIT_DATA ? ARRAY_INIT_DATA : ARRAY_INIT_ELEM, 0, seg));
            }
            case REF_I31, I31_GET_S, I31_GET_U -> {
                int v = t.popValue();
                int dst = t.nextTemp();
                int sub = in == Instruction.REF_I31 ? REF_I31 : in == Instruction.I31_GET_S ? I31_GET_S : I31_GET_U;
                t.produceWith(IrOp.GC, dst, v, 0, ext(sub, 0, 0), 0, 1);
                t.pushValue(dst, in == Instruction.REF_I31 ? REF : NUM);
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                boolean nullable = in == Instruction.REF_TEST_NULL || in == Instruction.REF_CAST_NULL;
                int target = GcOps.target(ValueType.ref(nullable, InstructionReader.heapType(r, mod)));
                boolean test = in == Instruction.REF_TEST || in == Instruction.REF_TEST_NULL;
                int v = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, v, 0, ext(test ? REF_TEST : REF_CAST, 0, 0), target, 2);
                t.pushValue(dst, test ? NUM : REF);
            }
            case REF_EQ -> {
                int b = t.popValue(), a = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(IrOp.GC, dst, a, b, ext(REF_EQ, 0, 0), 0, 1);
                t.pushValue(dst, NUM);
            }
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> { }
            default -> throw new IllegalStateException(in + " in a validated body");
        }
    }

    /** br_on_cast and br_on_cast_fail's test: the target (of the second heap type) of the reference on top. */
    static int castTarget(WasmReader r, WasmModule mod, int flags) {
        InstructionReader.heapType(r, mod);
        return GcOps.target(ValueType.ref((flags & 2) != 0, InstructionReader.heapType(r, mod)));
    }

    static long ext(int sub, int mode, int imm) {
        return sub | mode << 8 | (long) imm << 16;
    }

    private static FieldType element(DefinedType d) { return ((ArrayType) d.composite()).element(); }

    private static ValType valType(FieldType f) { return f.type().kind(); }

    private static byte kind(FieldType f) { return Translator.kind(f.type().kind()); }

    private static int mode(FieldType f) {
        byte k = kind(f);
        return k == REF ? M_REF : k == VEC ? M_VEC : M_NUM;
    }
}
