package dev.gatun.interpreter;

import static dev.gatun.runtime.Numerics.*;
import dev.gatun.runtime.Exn;
import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.model.FunctionType;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TrapKind;
import dev.gatun.model.ValType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The register-IR interpreter. {@link #run} is the one hot dispatch loop (kept under HotSpot's
 * 8,000-byte HugeMethodLimit, checked by a test); cold families run in {@link #runMisc}. Wasm calls
 * switch frames in place (explicit call stack in {@link CallStack}); only host calls recurse.
 */
public final class Interpreter {
    private Interpreter() {}

    public static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Back-edges and calls between two interrupt polls. */
    public static final int BUDGET = 4096;

    private static final boolean DEBUG = Boolean.getBoolean("gatun.debug");

    private static final int M = IrOp.FIELD_MASK;

    static float f(long x) { return Float.intBitsToFloat((int) x); }
    static long fb(float v) { return Float.floatToRawIntBits(v); }
    static double d(long x) { return Double.longBitsToDouble(x); }
    static long db(double v) { return Double.doubleToRawLongBits(v); }

    /**
     * Runs {@code entry}, whose arguments are already at {@code fp}, until it returns; its results are
     * then at {@code fp}. The caller has pushed the entry frame (m.depth, m.fns).
     */
    public static void run(CallStack m, FuncInst entry, int fp) {
        final int baseDepth = m.depth;
        IrFunction cc = entry.code();
        long[] code = cc.code;
        long[] regs = m.enter(cc, fp);
        InstanceState inst = entry.inst;
        MemorySegment mem = inst.memSeg();
        int pc = 0;
        int budget = Osr.budget();
        for (;;) {
          try {
          for (;;) {
            long w = code[pc++];
            int a = fp + ((int) (w >>> 10) & M);
            int b = fp + ((int) (w >>> 28) & M);
            int c = fp + (int) (w >>> 46);
            FuncInst callee;
            enter: {
            call: {
            tail: {
                branch: {
                    switch ((int) w & 0x3FF) {
                        case IrOp.COPY: regs[a] = regs[b]; continue;
                        case IrOp.BR: break branch;
                        case IrOp.BR_NZ: if (regs[b] != 0) break branch; pc++; continue;
                        case IrOp.BR_Z: if (regs[b] == 0) break branch; pc++; continue;
                        case IrOp.BR_TABLE: {
                            int n = (int) code[pc];
                            int i = (int) regs[b];
                            pc += 1 + (Integer.compareUnsigned(i, n) < 0 ? i : n);
                            break branch;
                        }
                        case IrOp.BR_I32_EQ: if ((int) regs[b] == (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_NE: if ((int) regs[b] != (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_LT_S: if ((int) regs[b] < (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_LT_U: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) < 0) break branch; pc++; continue;
                        case IrOp.BR_I32_GT_S: if ((int) regs[b] > (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_GT_U: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) > 0) break branch; pc++; continue;
                        case IrOp.BR_I32_LE_S: if ((int) regs[b] <= (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_LE_U: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) <= 0) break branch; pc++; continue;
                        case IrOp.BR_I32_GE_S: if ((int) regs[b] >= (int) regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I32_GE_U: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) >= 0) break branch; pc++; continue;
                        case IrOp.BR_I64_EQ: if (regs[b] == regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_NE: if (regs[b] != regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_LT_S: if (regs[b] < regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_LT_U: if (Long.compareUnsigned(regs[b], regs[c]) < 0) break branch; pc++; continue;
                        case IrOp.BR_I64_GT_S: if (regs[b] > regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_GT_U: if (Long.compareUnsigned(regs[b], regs[c]) > 0) break branch; pc++; continue;
                        case IrOp.BR_I64_LE_S: if (regs[b] <= regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_LE_U: if (Long.compareUnsigned(regs[b], regs[c]) <= 0) break branch; pc++; continue;
                        case IrOp.BR_I64_GE_S: if (regs[b] >= regs[c]) break branch; pc++; continue;
                        case IrOp.BR_I64_GE_U: if (Long.compareUnsigned(regs[b], regs[c]) >= 0) break branch; pc++; continue;
                        case IrOp.ADD_BR_NZ: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v != 0) break branch; pc++; continue; }
                        case IrOp.ADD_BR_Z: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v == 0) break branch; pc++; continue; }
                        case IrOp.SUB_BR_NZ: { int v = (int) regs[b] - (int) regs[c]; regs[a] = v; if (v != 0) break branch; pc++; continue; }
                        case IrOp.SUB_BR_Z: { int v = (int) regs[b] - (int) regs[c]; regs[a] = v; if (v == 0) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_EQ: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v == (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_NE: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v != (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_LT_S: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v < (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_LT_U: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (Integer.compareUnsigned(v, (int) regs[fp + (int) (code[pc] >>> 32)]) < 0) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_GT_S: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v > (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case IrOp.ADD_BR_I32_GT_U: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (Integer.compareUnsigned(v, (int) regs[fp + (int) (code[pc] >>> 32)]) > 0) break branch; pc++; continue; }
                        case IrOp.CALL: callee = inst.funcs[(b - fp) | (c - fp) << IrOp.FIELD_BITS]; break call;
                        case IrOp.CALL_INDIRECT: callee = indirect(inst, regs[b], c - fp, (int) code[pc++]); break call;
                        case IrOp.RETURN_CALL_REF: callee = (FuncInst) m.refs[b]; break tail;
                        case IrOp.RET1: regs[fp] = regs[b]; // fall through
                        case IrOp.RET0: {
                            int k = m.depth;
                            if (k == baseDepth) return;
                            m.depth = k - 1;
                            long link = m.links[k];
                            pc = (int) (link >>> 32);
                            fp = (int) link;
                            FuncInst fn = m.fns[k - 1];
                            code = fn.code().code;
                            // One run loop serves every frame, so mem is current for this instance
                            // (memory.grow reloads it); only a switch of instance needs a reload.
                            InstanceState ri = fn.inst;
                            if (ri != inst) {
                                inst = ri;
                                mem = ri.memSeg();
                            }
                            continue;
                        }
                        case IrOp.SELECT: regs[a] = regs[fp + (int) code[pc++]] != 0 ? regs[b] : regs[c]; continue;
                        case IrOp.SEL_I32_EQ: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] == (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case IrOp.SEL_I32_NE: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] != (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case IrOp.SEL_I32_LT_S: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] < (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case IrOp.SEL_I32_LT_U: { long x = code[pc++]; regs[a] = Integer.compareUnsigned((int) regs[fp + (int) x], (int) regs[fp + (int) (x >>> 32)]) < 0 ? regs[b] : regs[c]; continue; }
                        case IrOp.SEL_I32_GT_S: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] > (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case IrOp.SEL_I32_GT_U: { long x = code[pc++]; regs[a] = Integer.compareUnsigned((int) regs[fp + (int) x], (int) regs[fp + (int) (x >>> 32)]) > 0 ? regs[b] : regs[c]; continue; }
                        case IrOp.ADD_I32_LOAD: regs[a] = mem.get(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case IrOp.ADD_I64_LOAD: regs[a] = mem.get(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case IrOp.ADD_F32_LOAD: regs[a] = mem.get(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case IrOp.ADD_F64_LOAD: {
                            regs[a] = mem.get(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL);
                            long x = code[pc];
                            if (((int) x & 0x3FF) == IrOp.ADD_F64_LOAD) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = mem.get(I64, (regs[fp + ((int) (x >>> 28) & M)] + regs[fp + (int) (x >>> 46)]) & 0xFFFF_FFFFL);
                            }
                            continue;
                        }
                        case IrOp.ADD_I32_LOAD8_S: regs[a] = mem.get(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case IrOp.ADD_I32_LOAD8_U: regs[a] = mem.get(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL) & 0xFF; continue;
                        case IrOp.ADD_I32_LOAD16_S: regs[a] = mem.get(I16, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case IrOp.ADD_I32_LOAD16_U: regs[a] = mem.get(I16, (regs[b] + regs[c]) & 0xFFFF_FFFFL) & 0xFFFF; continue;
                        case IrOp.ADD_I32_STORE: mem.set(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (int) regs[a]); continue;
                        case IrOp.ADD_I64_STORE: mem.set(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL, regs[a]); continue;
                        case IrOp.ADD_F32_STORE: mem.set(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (int) regs[a]); continue;
                        case IrOp.ADD_F64_STORE: mem.set(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL, regs[a]); continue;
                        case IrOp.ADD_I32_STORE8: mem.set(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (byte) regs[a]); continue;
                        case IrOp.GLOBAL_GET: regs[a] = inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS].bits; continue;
                        case IrOp.GLOBAL_SET: inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS].bits = regs[a]; continue;
                        case IrOp.I32_EQZ: regs[a] = (int) regs[b] == 0 ? 1 : 0; continue;
                        case IrOp.I32_EQ: regs[a] = (int) regs[b] == (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_NE: regs[a] = (int) regs[b] != (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_LT_S: regs[a] = (int) regs[b] < (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_GT_S: regs[a] = (int) regs[b] > (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_LE_S: regs[a] = (int) regs[b] <= (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_GE_S: regs[a] = (int) regs[b] >= (int) regs[c] ? 1 : 0; continue;
                        case IrOp.I32_LT_U: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) < 0 ? 1 : 0; continue;
                        case IrOp.I32_GT_U: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) > 0 ? 1 : 0; continue;
                        case IrOp.I32_LE_U: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) <= 0 ? 1 : 0; continue;
                        case IrOp.I32_GE_U: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) >= 0 ? 1 : 0; continue;
                        case IrOp.I64_EQZ: regs[a] = regs[b] == 0 ? 1 : 0; continue;
                        case IrOp.I64_EQ: regs[a] = regs[b] == regs[c] ? 1 : 0; continue;
                        case IrOp.I64_NE: regs[a] = regs[b] != regs[c] ? 1 : 0; continue;
                        case IrOp.I64_LT_S: regs[a] = regs[b] < regs[c] ? 1 : 0; continue;
                        case IrOp.I64_GT_S: regs[a] = regs[b] > regs[c] ? 1 : 0; continue;
                        case IrOp.I64_LE_S: regs[a] = regs[b] <= regs[c] ? 1 : 0; continue;
                        case IrOp.I64_GE_S: regs[a] = regs[b] >= regs[c] ? 1 : 0; continue;
                        case IrOp.I64_LT_U: regs[a] = Long.compareUnsigned(regs[b], regs[c]) < 0 ? 1 : 0; continue;
                        case IrOp.I64_GT_U: regs[a] = Long.compareUnsigned(regs[b], regs[c]) > 0 ? 1 : 0; continue;
                        case IrOp.I64_LE_U: regs[a] = Long.compareUnsigned(regs[b], regs[c]) <= 0 ? 1 : 0; continue;
                        case IrOp.I64_GE_U: regs[a] = Long.compareUnsigned(regs[b], regs[c]) >= 0 ? 1 : 0; continue;
                        case IrOp.I32_ADD: {
                            regs[a] = (int) regs[b] + (int) regs[c];
                            // Pointer and counter updates come in runs of adds: run the next one here
                            // instead of through another dispatch.
                            long x = code[pc];
                            if (((int) x & 0x3FF) == IrOp.I32_ADD) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = (int) regs[fp + ((int) (x >>> 28) & M)] + (int) regs[fp + (int) (x >>> 46)];
                            }
                            continue;
                        }
                        case IrOp.I32_SUB: regs[a] = (int) regs[b] - (int) regs[c]; continue;
                        case IrOp.I32_MUL: regs[a] = (int) regs[b] * (int) regs[c]; continue;
                        case IrOp.I32_DIV_S: regs[a] = divS((int) regs[b], (int) regs[c]); continue;
                        case IrOp.I32_DIV_U: regs[a] = divU((int) regs[b], (int) regs[c]); continue;
                        case IrOp.I32_REM_S: regs[a] = remS((int) regs[b], (int) regs[c]); continue;
                        case IrOp.I32_REM_U: regs[a] = remU((int) regs[b], (int) regs[c]); continue;
                        case IrOp.I32_AND: regs[a] = regs[b] & regs[c]; continue;
                        case IrOp.I32_OR: regs[a] = regs[b] | regs[c]; continue;
                        case IrOp.I32_XOR: regs[a] = regs[b] ^ regs[c]; continue;
                        case IrOp.I32_SHL: regs[a] = (int) regs[b] << (int) regs[c]; continue;
                        case IrOp.I32_SHR_S: regs[a] = (int) regs[b] >> (int) regs[c]; continue;
                        case IrOp.I32_SHR_U: regs[a] = (int) regs[b] >>> (int) regs[c]; continue;
                        case IrOp.I64_ADD: regs[a] = regs[b] + regs[c]; continue;
                        case IrOp.I64_SUB: regs[a] = regs[b] - regs[c]; continue;
                        case IrOp.I64_MUL: regs[a] = regs[b] * regs[c]; continue;
                        case IrOp.I64_AND: regs[a] = regs[b] & regs[c]; continue;
                        case IrOp.I64_OR: regs[a] = regs[b] | regs[c]; continue;
                        case IrOp.I64_XOR: regs[a] = regs[b] ^ regs[c]; continue;
                        case IrOp.I64_SHL: regs[a] = regs[b] << regs[c]; continue;
                        case IrOp.I64_SHR_S: regs[a] = regs[b] >> regs[c]; continue;
                        case IrOp.I64_SHR_U: regs[a] = regs[b] >>> regs[c]; continue;
                        case IrOp.F32_ABS: regs[a] = (int) regs[b] & 0x7FFF_FFFF; continue;
                        case IrOp.F32_NEG: regs[a] = (int) regs[b] ^ 0x8000_0000; continue;
                        case IrOp.F32_ADD: regs[a] = fb(f(regs[b]) + f(regs[c])); continue;
                        case IrOp.F32_SUB: regs[a] = fb(f(regs[b]) - f(regs[c])); continue;
                        case IrOp.F32_MUL: regs[a] = fb(f(regs[b]) * f(regs[c])); continue;
                        case IrOp.F32_DIV: regs[a] = fb(f(regs[b]) / f(regs[c])); continue;
                        case IrOp.F64_ABS: regs[a] = regs[b] & 0x7FFF_FFFF_FFFF_FFFFL; continue;
                        case IrOp.F64_NEG: regs[a] = regs[b] ^ 0x8000_0000_0000_0000L; continue;
                        case IrOp.F64_ADD: regs[a] = db(d(regs[b]) + d(regs[c])); continue;
                        case IrOp.F64_SUB: regs[a] = db(d(regs[b]) - d(regs[c])); continue;
                        case IrOp.F64_MUL: regs[a] = db(d(regs[b]) * d(regs[c])); continue;
                        case IrOp.F64_DIV: regs[a] = db(d(regs[b]) / d(regs[c])); continue;
                        case IrOp.I32_WRAP_I64: regs[a] = (int) regs[b]; continue;
                        case IrOp.I64_EXTEND_I32_U: regs[a] = regs[b] & 0xFFFF_FFFFL; continue;
                        case IrOp.I32_EXTEND8_S: regs[a] = (byte) regs[b]; continue;
                        case IrOp.I32_EXTEND16_S: regs[a] = (short) regs[b]; continue;
                        case IrOp.I64_EXTEND8_S: regs[a] = (byte) regs[b]; continue;
                        case IrOp.I64_EXTEND16_S: regs[a] = (short) regs[b]; continue;
                        case IrOp.I64_EXTEND32_S: regs[a] = (int) regs[b]; continue;
                        case IrOp.I32_LOAD: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I64_LOAD: regs[a] = mem.get(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.F32_LOAD: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.F64_LOAD: {
                            regs[a] = mem.get(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp));
                            // f64 operands are loaded in pairs (x[i] * y[j]): the second in this dispatch.
                            long x = code[pc];
                            if (((int) x & 0x3FF) == IrOp.F64_LOAD) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = mem.get(I64, (regs[fp + ((int) (x >>> 28) & M)] & 0xFFFF_FFFFL) + (int) (x >>> 46));
                            }
                            continue;
                        }
                        case IrOp.I32_LOAD8_S: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I32_LOAD8_U: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFF; continue;
                        case IrOp.I32_LOAD16_S: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I32_LOAD16_U: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF; continue;
                        case IrOp.I64_LOAD8_S: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I64_LOAD8_U: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFF; continue;
                        case IrOp.I64_LOAD16_S: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I64_LOAD16_U: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF; continue;
                        case IrOp.I64_LOAD32_S: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case IrOp.I64_LOAD32_U: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF_FFFFL; continue;
                        case IrOp.I32_STORE: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        case IrOp.I64_STORE: mem.set(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp), regs[a]); continue;
                        case IrOp.F32_STORE: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        case IrOp.F64_STORE: mem.set(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp), regs[a]); continue;
                        case IrOp.I32_STORE8: mem.set(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (byte) regs[a]); continue;
                        case IrOp.I32_STORE16: mem.set(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (short) regs[a]); continue;
                        case IrOp.I64_STORE8: mem.set(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (byte) regs[a]); continue;
                        case IrOp.I64_STORE16: mem.set(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (short) regs[a]); continue;
                        case IrOp.I64_STORE32: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        default:
                            int op = (int) w & 0x3FF;
                            pc = op >= IrOp.SIMD ? SimdExec.run(m, inst, op, a, b, c, code, pc, fp)
                                    : runMisc(m, inst, op, a, b, c, code, pc, fp);
                            mem = inst.memSeg();
                            continue;
                    }
                }
                // A taken branch: pc is at the target word. Backward targets are complemented: poll there.
                int t = (int) code[pc];
                if (t < 0) {
                    t = ~t;
                    if (--budget < 0) {
                        budget = poll(inst, m);
                        // Returns code that is all returns once the call has run to its end in compiled code.
                        code = Osr.enter(m, code, t, fp);
                    }
                }
                pc = t;
                continue;
            }
            // A tail call: the callee takes over this frame (same depth, same return link). Above the
            // frame the run entered, an out-of-line callee is called as by CALL and the words that
            // follow return its results. call_ref's plain call (c = 1) goes the same way.
            if (c != fp || tailCall(m, callee, a, fp, baseDepth)) {
                if (m.tail != null) return;
                break call;
            }
            a = fp;
            break enter;
            }
            if (callee.outOfLine) {
                regs = callHost(m, callee, a);
                mem = inst.memSeg();
                continue;
            }
            int k = m.depth + 1;
            if (k > inst.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
            m.links[k] = (long) pc << 32 | fp;
            FuncInst[] fns = m.fns;
            if (fns[k] != callee) fns[k] = callee;   // a loop calling one function stores nothing
            m.depth = k;
            }
            cc = callee.code();
            regs = m.enter(cc, a);
            code = cc.code;
            fp = a;
            pc = 0;
            if (callee.inst != inst) {
                inst = callee.inst;
                mem = inst.memSeg();
            }
            if (--budget < 0) budget = poll(inst, m);
          }
          } catch (Exn x) {
            // Only a throw gets here. The handler's frame is made to look like a caller being returned to,
            // and the next word fetched is a return (run is near C1's size limit: this keeps the catch small).
            // inst = null makes that return reload the instance and its memory, which a callee may have grown.
            regs = Handlers.unwind(m, baseDepth, pc, fp, x);
            code = Handlers.resumeCode;
            inst = null;
          } catch (RuntimeException e) {
            m.trapPc = pc;   // a trap (or a callee's): its frame reports this instruction's code offset
            m.trapDepth = m.depth;
            throw e;
          }
        }
    }

    /**
     * A tail call from the frame at fp, its arguments at a. Returns false when the interpreted callee
     * is to take over the frame (its arguments moved to fp); true for an out-of-line callee, which in the
     * frame the run entered is left pending for the trampoline of the run's caller (the run returns),
     * and above it is called as by CALL.
     */
    private static boolean tailCall(CallStack m, FuncInst callee, int a, int fp, int baseDepth) {
        // Read once: tiering publishes from another thread, and a callee that turned out-of-line between two
        // reads would be left pending above the run's own frame, ending the run there (its caller's rest lost).
        boolean outOfLine = callee.outOfLine;
        if (outOfLine && m.depth != baseDepth) return true;
        moveArgs(m, callee, a, fp);
        if (outOfLine) {
            m.tail = callee;
            m.tailFp = fp;
            return true;
        }
        m.fns[m.depth] = callee;
        return false;
    }

    /** Moves a tail call's arguments from the argument registers at {@code from} down to the frame at {@code fp}. */
    static void moveArgs(CallStack m, FuncInst callee, int from, int fp) {
        int n = callee.paramSlots;
        System.arraycopy(m.regs, from, m.regs, fp, n);
        System.arraycopy(m.refs, from, m.refs, fp, n);
    }

    /**
     * The trampoline: runs the tail calls a returning frame left pending in {@code m.tail} (their arguments
     * at {@code m.tailFp}) at fp, in constant Java stack space, until one returns; its results are then at fp.
     * depth is the Wasm depth of the frame the calls replace.
     */
    public static void drain(CallStack m, int fp, int depth) {
        FuncInst f;
        while ((f = m.tail) != null) {
            m.tail = null;
            if (m.tailFp != fp) moveArgs(m, f, m.tailFp, fp);
            callOnce(f, m, fp, depth, true);
        }
    }

    /** Cold instructions. Returns the next pc. */
    static int runMisc(CallStack m, InstanceState inst, int op, int a, int b, int c, long[] code, int pc, int fp) {
        long[] regs = m.regs;
        Object[] refs = m.refs;
        switch (op) {
            case IrOp.UNREACHABLE: throw new WasmTrap(TrapKind.UNREACHABLE);
            case IrOp.FUEL: FuelCosts.charge(inst, (int) code[pc]); return pc + 1;
            // Only functions with more distinct constants than frame slots have these: cold, and run has no room.
            case IrOp.CONST: regs[a] = code[pc++]; return pc;
            // Square roots are rare in loops and run has no room (its on-stack replacement check took it).
            case IrOp.F32_SQRT: regs[a] = fb((float) Math.sqrt(f(regs[b]))); return pc;
            case IrOp.F64_SQRT: regs[a] = db(Math.sqrt(d(regs[b]))); return pc;
            case IrOp.THROW: {
                int n = b - fp;
                throw new Exn(inst.tags[(int) code[pc]], Arrays.copyOfRange(regs, a, a + n), Arrays.copyOfRange(refs, a, a + n));
            }
            case IrOp.THROW_REF: {
                if (refs[b] instanceof Exn x) throw x;
                throw new WasmTrap(TrapKind.NULL_EXCEPTION_REFERENCE);
            }
            case IrOp.MEMORY_SIZE: regs[a] = inst.mems[(int) code[pc++]].size(); return pc;
            case IrOp.MEMORY_GROW: regs[a] = inst.mems[(int) code[pc++]].growRaw(regs[b]); return pc;
            case IrOp.MEMX: {
                long x = code[pc];
                MemInst mi = inst.mems[(int) (x >>> 8)];
                access((int) x & 0xFF, regs, a, mi.seg(), mi.ea(regs[b], code[pc + 1]));
                return pc + 2;
            }
            case IrOp.ATOMIC: return AtomicOps.run(m, inst, true, a, b, c, code, pc, fp);
            case IrOp.ATOMIC_X: return AtomicOps.run(m, inst, false, a, b, c, code, pc, fp);
            case IrOp.ADDR_BIG: {
                long ea = (regs[b] & 0xFFFF_FFFFL) + code[pc++];
                if (ea > 0xFFFF_FFFFL) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
                regs[a] = ea;
                return pc;
            }
            case IrOp.COPY_REF: refs[a] = refs[b]; return pc;
            case IrOp.SELECT_REF: refs[a] = regs[fp + (int) code[pc++]] != 0 ? refs[b] : refs[c]; return pc;
            case IrOp.GLOBAL_GET_REF: refs[a] = inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS].ref; return pc;
            case IrOp.GLOBAL_SET_REF: inst.globals[(b - fp) | (c - fp) << IrOp.FIELD_BITS].ref = refs[a]; return pc;
            case IrOp.REF_NULL: refs[a] = null; return pc;
            case IrOp.REF_IS_NULL: regs[a] = refs[b] == null ? 1 : 0; return pc;
            case IrOp.REF_FUNC: refs[a] = inst.funcs[(b - fp) | (c - fp) << IrOp.FIELD_BITS]; return pc;
            case IrOp.FUNC_OF_TABLE: refs[a] = indirect(inst, regs[b], c - fp, (int) code[pc]); return pc + 1;
            case IrOp.FUNC_OF_REF:
                if ((refs[a] = refs[b]) == null) throw new WasmTrap(TrapKind.NULL_FUNCTION_REFERENCE);
                return pc;
            case IrOp.GC: return GcExec.run(m, inst, a, b, c, code, pc, fp);
            case IrOp.REF_AS_NON_NULL:
                if ((refs[a] = refs[b]) == null) throw new WasmTrap(TrapKind.NULL_REFERENCE);
                return pc;
            case IrOp.TABLE_GET: {
                TableInst t = inst.tables[c - fp];
                refs[a] = t.elems[t.checked(regs[b], TrapKind.OUT_OF_BOUNDS_TABLE)];
                return pc;
            }
            case IrOp.TABLE_SET: {
                TableInst t = inst.tables[c - fp];
                t.elems[t.checked(regs[b], TrapKind.OUT_OF_BOUNDS_TABLE)] = refs[a];
                return pc;
            }
            case IrOp.TABLE_SIZE: regs[a] = inst.tables[c - fp].size; return pc;
            case IrOp.TABLE_GROW: regs[a] = inst.tables[(int) code[pc++]].growRaw(regs[c], refs[b]); return pc;
            case IrOp.TABLE_FILL: inst.tables[(int) code[pc++]].fill(regs[a], refs[b], regs[c]); return pc;
            case IrOp.TABLE_COPY: {
                long x = code[pc++];
                TableInst.copy(inst.tables[(int) (x >>> 32)], inst.tables[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case IrOp.TABLE_INIT: {
                long x = code[pc++];
                inst.tables[(int) x].init(inst.elems[(int) (x >>> 32)], regs[a], regs[b], regs[c]);
                return pc;
            }
            case IrOp.ELEM_DROP: inst.elems[(int) code[pc++]] = new Object[0]; return pc;
            case IrOp.MEMORY_INIT: {
                long x = code[pc++];
                MemInst.init(inst.mems[(int) (x >>> 32)], inst.datas[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case IrOp.DATA_DROP: inst.datas[(int) code[pc++]] = new byte[0]; return pc;
            case IrOp.MEMORY_COPY: {
                long x = code[pc++];
                MemInst.copy(inst.mems[(int) (x >>> 32)], inst.mems[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case IrOp.MEMORY_FILL: MemInst.fill(inst.mems[(int) code[pc++]], regs[a], (int) regs[b], regs[c]); return pc;
            case IrOp.I32_CLZ: regs[a] = Integer.numberOfLeadingZeros((int) regs[b]); return pc;
            case IrOp.I32_CTZ: regs[a] = Integer.numberOfTrailingZeros((int) regs[b]); return pc;
            case IrOp.I32_POPCNT: regs[a] = Integer.bitCount((int) regs[b]); return pc;
            case IrOp.I32_ROTL: regs[a] = Integer.rotateLeft((int) regs[b], (int) regs[c]); return pc;
            case IrOp.I32_ROTR: regs[a] = Integer.rotateRight((int) regs[b], (int) regs[c]); return pc;
            case IrOp.I64_CLZ: regs[a] = Long.numberOfLeadingZeros(regs[b]); return pc;
            case IrOp.I64_CTZ: regs[a] = Long.numberOfTrailingZeros(regs[b]); return pc;
            case IrOp.I64_POPCNT: regs[a] = Long.bitCount(regs[b]); return pc;
            case IrOp.I64_DIV_S: regs[a] = divS(regs[b], regs[c]); return pc;
            case IrOp.I64_DIV_U: regs[a] = divU(regs[b], regs[c]); return pc;
            case IrOp.I64_REM_S: regs[a] = remS(regs[b], regs[c]); return pc;
            case IrOp.I64_REM_U: regs[a] = remU(regs[b], regs[c]); return pc;
            case IrOp.I64_ROTL: regs[a] = Long.rotateLeft(regs[b], (int) regs[c]); return pc;
            case IrOp.I64_ROTR: regs[a] = Long.rotateRight(regs[b], (int) regs[c]); return pc;
            case IrOp.F32_CONVERT_I32_S: regs[a] = fb((float) (int) regs[b]); return pc;
            case IrOp.F32_CONVERT_I64_S: regs[a] = fb((float) regs[b]); return pc;
            case IrOp.F32_DEMOTE_F64: regs[a] = fb((float) d(regs[b])); return pc;
            case IrOp.F64_CONVERT_I32_S: regs[a] = db((double) (int) regs[b]); return pc;
            case IrOp.F64_CONVERT_I64_S: regs[a] = db((double) regs[b]); return pc;
            case IrOp.F64_PROMOTE_F32: regs[a] = db((double) f(regs[b])); return pc;
            case IrOp.F32_EQ: regs[a] = f(regs[b]) == f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F32_NE: regs[a] = f(regs[b]) != f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F32_LT: regs[a] = f(regs[b]) < f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F32_GT: regs[a] = f(regs[b]) > f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F32_LE: regs[a] = f(regs[b]) <= f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F32_GE: regs[a] = f(regs[b]) >= f(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_EQ: regs[a] = d(regs[b]) == d(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_NE: regs[a] = d(regs[b]) != d(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_LT: regs[a] = d(regs[b]) < d(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_GT: regs[a] = d(regs[b]) > d(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_LE: regs[a] = d(regs[b]) <= d(regs[c]) ? 1 : 0; return pc;
            case IrOp.F64_GE: regs[a] = d(regs[b]) >= d(regs[c]) ? 1 : 0; return pc;
            case IrOp.I32_TRUNC_SAT_F32_S: regs[a] = (int) f(regs[b]); return pc;
            case IrOp.I32_TRUNC_SAT_F32_U: regs[a] = (int) satU64(f(regs[b]), true); return pc;
            case IrOp.I32_TRUNC_SAT_F64_S: regs[a] = (int) d(regs[b]); return pc;
            case IrOp.I32_TRUNC_SAT_F64_U: regs[a] = (int) satU64(d(regs[b]), true); return pc;
            case IrOp.I64_TRUNC_SAT_F32_S: regs[a] = (long) f(regs[b]); return pc;
            case IrOp.I64_TRUNC_SAT_F32_U: regs[a] = satU64(f(regs[b]), false); return pc;
            case IrOp.I64_TRUNC_SAT_F64_S: regs[a] = (long) d(regs[b]); return pc;
            case IrOp.I64_TRUNC_SAT_F64_U: regs[a] = satU64(d(regs[b]), false); return pc;
            case IrOp.F32_CEIL: regs[a] = fb((float) Math.ceil(f(regs[b]))); return pc;
            case IrOp.F32_FLOOR: regs[a] = fb((float) Math.floor(f(regs[b]))); return pc;
            case IrOp.F32_TRUNC: regs[a] = fb((float) trunc(f(regs[b]))); return pc;
            case IrOp.F32_NEAREST: regs[a] = fb((float) Math.rint(f(regs[b]))); return pc;
            case IrOp.F32_MIN: regs[a] = fb(fmin(f(regs[b]), f(regs[c]))); return pc;
            case IrOp.F32_MAX: regs[a] = fb(fmax(f(regs[b]), f(regs[c]))); return pc;
            case IrOp.F32_COPYSIGN: regs[a] = ((int) regs[b] & 0x7FFF_FFFF) | ((int) regs[c] & 0x8000_0000); return pc;
            case IrOp.F64_CEIL: regs[a] = db(quiet(Math.ceil(d(regs[b])))); return pc;
            case IrOp.F64_FLOOR: regs[a] = db(quiet(Math.floor(d(regs[b])))); return pc;
            case IrOp.F64_TRUNC: regs[a] = db(quiet(trunc(d(regs[b])))); return pc;
            case IrOp.F64_NEAREST: regs[a] = db(quiet(Math.rint(d(regs[b])))); return pc;
            case IrOp.F64_MIN: regs[a] = db(dmin(d(regs[b]), d(regs[c]))); return pc;
            case IrOp.F64_MAX: regs[a] = db(dmax(d(regs[b]), d(regs[c]))); return pc;
            case IrOp.F64_COPYSIGN: regs[a] = (regs[b] & 0x7FFF_FFFF_FFFF_FFFFL) | (regs[c] & 0x8000_0000_0000_0000L); return pc;
            case IrOp.I32_TRUNC_F32_S: regs[a] = truncI32(f(regs[b]), true); return pc;
            case IrOp.I32_TRUNC_F32_U: regs[a] = truncI32(f(regs[b]), false); return pc;
            case IrOp.I32_TRUNC_F64_S: regs[a] = truncI32(d(regs[b]), true); return pc;
            case IrOp.I32_TRUNC_F64_U: regs[a] = truncI32(d(regs[b]), false); return pc;
            case IrOp.I64_TRUNC_F32_S: regs[a] = truncI64(f(regs[b]), true); return pc;
            case IrOp.I64_TRUNC_F32_U: regs[a] = truncI64(f(regs[b]), false); return pc;
            case IrOp.I64_TRUNC_F64_S: regs[a] = truncI64(d(regs[b]), true); return pc;
            case IrOp.I64_TRUNC_F64_U: regs[a] = truncI64(d(regs[b]), false); return pc;
            case IrOp.F32_CONVERT_I32_U: regs[a] = fb((float) (regs[b] & 0xFFFF_FFFFL)); return pc;
            case IrOp.F32_CONVERT_I64_U: regs[a] = fb(u64ToF32(regs[b])); return pc;
            case IrOp.F64_CONVERT_I32_U: regs[a] = db((double) (regs[b] & 0xFFFF_FFFFL)); return pc;
            case IrOp.F64_CONVERT_I64_U: regs[a] = db(u64ToF64(regs[b])); return pc;
            default:
                if (op >= IrOp.SIMD) return runSimd(m, inst, op, a, b, c, code, pc, fp);
                throw new IllegalStateException("bad IR opcode " + op);
        }
    }

    /** Secondary dispatch for v128 instructions (see {@link SimdExec}). */
    static int runSimd(CallStack m, InstanceState inst, int op, int a, int b, int c, long[] code, int pc, int fp) {
        return SimdExec.run(m, inst, op, a, b, c, code, pc, fp);
    }

    // ---- numeric helpers (small, so C2 inlines them into run) ----

    /**
     * A load or store (wasm opcode - 0x28) at a checked effective address: the generic path of
     * {@link IrOp#MEMX}, for memories other than a 32-bit memory 0. Results are held like the hot ops'
     * (i32 sign-extended, unsigned narrow loads zero-extended).
     */
    static void access(int k, long[] regs, int a, MemorySegment mem, long ea) {
        switch (k) {
            case 0x00, 0x02, 0x0C -> regs[a] = mem.get(I32, ea);
            case 0x01, 0x03 -> regs[a] = mem.get(I64, ea);
            case 0x04, 0x08 -> regs[a] = mem.get(I8, ea);
            case 0x05, 0x09 -> regs[a] = mem.get(I8, ea) & 0xFF;
            case 0x06, 0x0A -> regs[a] = mem.get(I16, ea);
            case 0x07, 0x0B -> regs[a] = mem.get(I16, ea) & 0xFFFF;
            case 0x0D -> regs[a] = mem.get(I32, ea) & 0xFFFF_FFFFL;
            case 0x0E, 0x10, 0x16 -> mem.set(I32, ea, (int) regs[a]);
            case 0x0F, 0x11 -> mem.set(I64, ea, regs[a]);
            case 0x12, 0x14 -> mem.set(I8, ea, (byte) regs[a]);
            case 0x13, 0x15 -> mem.set(I16, ea, (short) regs[a]);
            default -> throw new IllegalStateException("memory access " + k);
        }
    }

    // ---- calls, interruption, traps ----

    /** call_indirect's callee; {@code raw} is the index operand's register bits (an i32 sign-extended). */
    public static FuncInst indirect(InstanceState inst, long raw, int table, int typeId) {
        Object o = inst.tables[table].elems[inst.tables[table].checked(raw, TrapKind.UNDEFINED_ELEMENT)];
        if (o == null) throw new WasmTrap(TrapKind.UNINITIALIZED_ELEMENT);
        FuncInst f = (FuncInst) o;
        // The one-int check is the common case; a subtype of the expected type also matches (GC).
        if (f.typeId != typeId && !f.deftype.isSubtypeOf(dev.gatun.model.DefinedType.byId(typeId)))
            throw new WasmTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        return f;
    }

    /** A poll of the run loop: a sample of the function on top of the call stack for the tiering policy. */
    static int poll(InstanceState inst, CallStack m) {
        FuncInst f = m.fns[m.depth];
        if (f.inst == inst) inst.cache.heat(f.funcidx, Osr.heat());
        else inst.cache.heat(-1, Osr.heat());
        return check(inst);
    }

    /** A poll outside the run loop (fuel refills). */
    public static int poll(InstanceState inst) {
        inst.cache.heat(-1, Osr.heat());
        return check(inst);
    }

    private static int check(InstanceState inst) {
        if (inst.interruptRequested) {
            inst.interruptRequested = false;
            throw new WasmTrap(TrapKind.INTERRUPTED, "Instance.interrupt() was called");
        }
        long dl = inst.deadlineNanos;
        if (dl != 0 && System.nanoTime() - dl > 0) throw new WasmTrap(TrapKind.INTERRUPTED, "deadline passed");
        if (Thread.currentThread().isInterrupted()) throw new WasmTrap(TrapKind.INTERRUPTED, "thread interrupted");
        return Osr.budget();
    }

    /**
     * Calls a function outside the interpreter's loop (a host function, compiled code, or, from compiled
     * code, an interpreted function); its arguments and then results are at fp.
     */
    public static void callOutOfLine(FuncInst f, CallStack m, int fp, int depth) {
        callOnce(f, m, fp, depth, false);
        if (m.tail != null) drain(m, fp, depth);
    }

    /**
     * One call out of line. An interpreted callee may leave a tail call pending; with {@code tail} a
     * compiled one may too (its body is entered without the wrapper that would run the trampoline).
     */
    private static void callOnce(FuncInst f, CallStack m, int fp, int depth, boolean tail) {
        if (depth > CallStack.MAX_DEPTH) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        int savedTop = m.top, savedDepth = m.depth;
        m.top = fp + Math.max(f.paramSlots, f.resultSlots);
        CompiledCode cm;
        try {
            if (f.host != null) {
                // A host function that calls back into Wasm continues the count from here.
                if (depth > savedDepth) m.depth = Math.min(depth, m.maxDepth);
                callHost(m, f, fp);
            } else if ((cm = f.cm) != null) {
                if (tail) cm.invokeTail(f.funcidx, m, fp, f.inst, depth);
                else cm.invoke(f.funcidx, m, fp, f.inst, depth);
            } else {
                interpret(m, f, fp, depth);
            }
        } finally {
            m.top = savedTop;
            m.depth = savedDepth;
        }
    }

    /** Runs a function in the interpreter on behalf of compiled code (its frames join the trap's Wasm stack). */
    private static void interpret(CallStack m, FuncInst f, int fp, int depth) {
        int base = Math.max(m.depth, Math.min(depth, m.maxDepth) - 1);
        int k = base + 1;
        if (k > f.inst.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        m.fns[k] = f;
        m.depth = k;
        // A short callee returns before its first poll: counted here, or it would never look hot.
        f.inst.cache.called(f.funcidx);
        try {
            run(m, f, fp);
        } catch (WasmTrap t) {
            addFrames(t, m, base);
            throw t;
        }
    }

    /**
     * Calls a host or compiled function from the interpreter; its arguments and then results are at fp.
     * Returns the register file.
     */
    public static long[] callHost(CallStack m, FuncInst f, int fp) {
        if (f.host == null) {
            callOutOfLine(f, m, fp, m.depth + 1);
            return m.regs;
        }
        FunctionType ft = f.type;
        int savedTop = m.top;
        m.top = fp + Math.max(Translator.slots(ft.params()), Translator.slots(ft.results()));
        try {
            f.host.call(m, fp);
        } catch (WasmTrap | Exn e) {
            // A Wasm exception (the API hands over a host function's WasmException as one) can be caught.
            throw e;
        } catch (RuntimeException e) {
            throw new WasmTrap(TrapKind.HOST, String.valueOf(e), e);
        } finally {
            m.top = savedTop;
        }
        return m.regs;
    }

    /**
     * Runs f on behalf of Java: its arguments are at fp ({@code m.top}), and its results are left there.
     * Whatever goes wrong comes out as a WasmTrap that carries the Wasm frames it unwound.
     */
    public static void enter(FuncInst f, CallStack m, int fp) {
        if (f.inst.closed) throw new WasmTrap(TrapKind.CLOSED, "the instance was closed");
        int savedTop = m.top, savedDepth = m.depth;
        try {
            int k = m.depth + 1;
            if (k > f.inst.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
            CompiledCode cm = f.cm;
            if (cm == null) f.inst.cache.heat(f.funcidx, 1);
            if (cm != null) {
                cm.invoke(f.funcidx, m, fp, f.inst, k);
            } else {
                m.fns[k] = f;
                m.depth = k;
                run(m, f, fp);
                if (m.tail != null) drain(m, fp, k);
            }
        } catch (Exn x) {
            throw x;   // not a trap: the API turns it into its WasmException
        } catch (WasmTrap t) {
            if (t.passThrough == null) addFrames(t, m, savedDepth);
            throw t;
        } catch (StackOverflowError e) {
            throw trap(TrapKind.CALL_STACK_EXHAUSTED, "Java stack overflow", null, m, savedDepth);
        } catch (IndexOutOfBoundsException e) {
            if (e instanceof ArrayIndexOutOfBoundsException) {
                throw trap(TrapKind.HOST, "internal error: " + e, e, m, savedDepth);
            }
            if (DEBUG) e.printStackTrace();
            throw trap(TrapKind.OUT_OF_BOUNDS_MEMORY, null, null, m, savedDepth);
        } catch (dev.gatun.memory.OutOfBoundsException e) {
            throw trap(TrapKind.OUT_OF_BOUNDS_MEMORY, null, null, m, savedDepth);
        } catch (IllegalStateException e) {
            // A memory freed under running code (close() from another thread) fails its accesses this way.
            if (closedUnder(f.inst)) throw trap(TrapKind.CLOSED, "the instance or a memory it uses was closed", null, m, savedDepth);
            throw trap(TrapKind.HOST, "internal error: " + e, e, m, savedDepth);
        } catch (RuntimeException e) {
            throw trap(TrapKind.HOST, "internal error: " + e, e, m, savedDepth);
        } finally {
            m.top = savedTop;
            m.depth = savedDepth;
            m.tail = null;   // a trap between a pending tail call and its trampoline leaves none behind
        }
    }

    /** Whether the instance or one of its memories is closed. */
    public static boolean closedUnder(InstanceState inst) {
        if (inst.closed) return true;
        if (inst.mems != null) for (MemInst mi : inst.mems) if (mi.lin.isClosed()) return true;
        return false;
    }

    /** A trap for a Java exception, with the interpreter frames above savedDepth. */
    private static WasmTrap trap(TrapKind kind, String detail, Throwable cause, CallStack m, int savedDepth) {
        WasmTrap t = new WasmTrap(kind, detail, cause);
        addFrames(t, m, savedDepth);
        return t;
    }

    /** Adds the interpreter frames above savedDepth (innermost first) to a trap's unwound frames. */
    public static void addFrames(WasmTrap t, CallStack m, int savedDepth) {
        for (int k = m.depth; k > savedDepth && t.frames().size() < 64; k--) {
            FuncInst f = m.fns[k];
            // The innermost frame stopped where the run loop caught the trap; each caller at its call,
            // whose resume pc its callee's link holds. pc is one past the word fetched.
            int next = k == m.depth ? (k == m.trapDepth ? m.trapPc : 0) : (int) (m.links[k + 1] >>> 32);
            long offset = f.wasmOffset(next - 1);
            if (k == m.depth) {
                long replaced = t.takeReplacedFrameOffset();   // the frame ran on in compiled code (OSR)
                if (replaced >= 0) offset = replaced;
            }
            t.addFrame(new WasmTrap.Frame(f.funcidx, f.name(), offset));
        }
        m.trapDepth = -1;
    }
}
