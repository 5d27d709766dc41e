package dev.gatun.interpreter;

import static dev.gatun.interpreter.GcTranslator.*;

import dev.gatun.model.DefinedType;
import dev.gatun.runtime.GcArray;
import dev.gatun.runtime.GcLayout;
import dev.gatun.runtime.GcOps;
import dev.gatun.runtime.GcStruct;
import dev.gatun.runtime.I31;

/** Runs {@link IrOp#GC} (see {@link GcTranslator} for its words); structs and arrays are Java objects in {@code refs}. */
final class GcExec {
    private GcExec() {}

    /** a, b, c are absolute registers; returns the next pc. */
    static int run(CallStack m, InstanceState inst, int a, int b, int c, long[] code, int pc, int fp) {
        long[] regs = m.regs;
        Object[] refs = m.refs;
        long ext = code[pc++];
        int sub = (int) ext & 0xFF, mode = (int) (ext >>> 8) & 0xFF, imm = (int) (ext >> 16);
        switch (sub) {
            case STRUCT_NEW -> {
                StructNew p = (StructNew) pool(m, imm);
                GcStruct s = p.layout().allocate();
                int[] slot = p.layout().slot();
                for (int i = 0; i < slot.length; i++) {
                    int r = a + p.offset()[i];
                    if (slot[i] < 0) s.refs[~slot[i]] = refs[r];
                    else {
                        s.bits[slot[i]] = regs[r];
                        if (p.kind()[i] == IrEmitter.VEC) s.bits[slot[i] + 1] = regs[r + 1];
                    }
                }
                refs[a] = s;
            }
            case STRUCT_NEW_DEFAULT -> refs[a] = ((GcLayout) pool(m, imm)).allocate();
            case STRUCT_GET -> {
                GcStruct s = GcOps.struct(refs[b]);
                switch (mode & 7) {
                    case M_REF -> refs[a] = s.refs[~imm];
                    case M_VEC -> {
                        regs[a] = s.bits[imm];
                        regs[a + 1] = s.bits[imm + 1];
                    }
                    case M_S -> regs[a] = (mode >>> 3) == 8 ? (byte) s.bits[imm] : (short) s.bits[imm];
                    case M_U -> regs[a] = (mode >>> 3) == 8 ? s.bits[imm] & 0xFF : s.bits[imm] & 0xFFFF;
                    default -> regs[a] = s.bits[imm];
                }
            }
            case STRUCT_SET -> {
                GcStruct s = GcOps.struct(refs[b]);
                switch (mode) {
                    case M_REF -> s.refs[~imm] = refs[a];
                    case M_VEC -> {
                        s.bits[imm] = regs[a];
                        s.bits[imm + 1] = regs[a + 1];
                    }
                    default -> s.bits[imm] = regs[a];
                }
            }
            case ARRAY_NEW -> refs[a] = GcOps.filled((DefinedType) pool(m, imm), (int) regs[c], regs[b],
                    mode == M_VEC ? regs[b + 1] : 0, refs[b]);
            case ARRAY_NEW_DEFAULT -> refs[a] = GcOps.allocate((DefinedType) pool(m, imm), (int) regs[b]);
            case ARRAY_NEW_FIXED -> {
                int n = (int) code[pc++];
                GcArray arr = GcOps.allocate((DefinedType) pool(m, imm), n);
                int w = mode == M_VEC ? 2 : 1;
                for (int i = 0; i < n; i++) {
                    int r = a + i * w;
                    GcOps.set(arr, i, regs[r], mode == M_VEC ? regs[r + 1] : 0, refs[r]);
                }
                refs[a] = arr;
            }
            case ARRAY_NEW_DATA -> refs[a] = GcOps.newData((DefinedType) pool(m, imm), inst.datas[(int) code[pc++]], (int) regs[b], (int) regs[c]);
            case ARRAY_NEW_ELEM -> refs[a] = GcOps.newElem((DefinedType) pool(m, imm), inst.elems[(int) code[pc++]], (int) regs[b], (int) regs[c]);
            case ARRAY_GET -> {
                GcArray arr = GcOps.array(refs[b]);
                int i = (int) regs[c];
                switch (mode) {
                    case M_REF -> refs[a] = GcOps.getRef(arr, i);
                    case M_VEC -> {
                        regs[a] = GcOps.get(arr, i, false);
                        regs[a + 1] = GcOps.getHi(arr, i);
                    }
                    default -> regs[a] = GcOps.get(arr, i, mode != M_U);
                }
            }
            case ARRAY_SET -> GcOps.set(GcOps.array(refs[b]), (int) regs[c], regs[a], mode == M_VEC ? regs[a + 1] : 0, refs[a]);
            case ARRAY_LEN -> regs[a] = GcOps.array(refs[b]).length;
            case ARRAY_FILL -> {
                int w = mode == M_VEC ? 2 : 1;
                GcOps.fill(GcOps.array(refs[a]), (int) regs[a + 1], regs[a + 2], w == 2 ? regs[a + 3] : 0, refs[a + 2], (int) regs[a + 2 + w]);
            }
            case ARRAY_COPY -> {
                GcArray dst = GcOps.array(refs[a]), src = GcOps.array(refs[a + 2]);
                GcOps.copy(dst, (int) regs[a + 1], src, (int) regs[a + 3], (int) regs[a + 4]);
            }
            case ARRAY_INIT_DATA -> GcOps.initData(GcOps.array(refs[a]), (int) regs[a + 1], inst.datas[imm], (int) regs[a + 2], (int) regs[a + 3]);
            case ARRAY_INIT_ELEM -> GcOps.initElem(GcOps.array(refs[a]), (int) regs[a + 1], inst.elems[imm], (int) regs[a + 2], (int) regs[a + 3]);
            case REF_I31 -> refs[a] = I31.of((int) regs[b]);
            case I31_GET_S -> regs[a] = GcOps.i31(refs[b], true);
            case I31_GET_U -> regs[a] = GcOps.i31(refs[b], false);
            case REF_TEST -> regs[a] = GcOps.test(refs[b], (int) code[pc++]) ? 1 : 0;
            case REF_CAST -> refs[a] = GcOps.cast(refs[b], (int) code[pc++]);
            case REF_EQ -> regs[a] = GcOps.eq(refs[b], refs[c]) ? 1 : 0;
            default -> throw new IllegalStateException("GC sub-op " + sub);
        }
        return pc;
    }

    private static Object pool(CallStack m, int i) {
        return m.fns[m.depth].code().pool[i];
    }
}
