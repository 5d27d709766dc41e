package dev.gatun.interpreter;

import static dev.gatun.runtime.Numerics.*;
import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.RuntimeError;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TrapKind;
import dev.gatun.ValType;
import dev.gatun.Value;

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

    private static final int M = Op.FIELD_MASK;

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
        Code cc = entry.code();
        long[] code = cc.code;
        long[] regs = m.enter(cc, fp);
        InstanceState inst = entry.inst;
        MemorySegment mem = inst.memSeg();
        int pc = 0;
        int budget = BUDGET;
        for (;;) {
            long w = code[pc++];
            int a = fp + ((int) (w >>> 10) & M);
            int b = fp + ((int) (w >>> 28) & M);
            int c = fp + (int) (w >>> 46);
            FuncInst callee;
            call: {
                branch: {
                    switch ((int) w & 0x3FF) {
                        case Op.COPY: regs[a] = regs[b]; continue;
                        case Op.BR: break branch;
                        case Op.BR_NZ: if (regs[b] != 0) break branch; pc++; continue;
                        case Op.BR_Z: if (regs[b] == 0) break branch; pc++; continue;
                        case Op.BR_TABLE: {
                            int n = (int) code[pc];
                            int i = (int) regs[b];
                            pc += 1 + (Integer.compareUnsigned(i, n) < 0 ? i : n);
                            break branch;
                        }
                        case Op.BR_I32_EQ + 0: if ((int) regs[b] == (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 1: if ((int) regs[b] != (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 2: if ((int) regs[b] < (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 3: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) < 0) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 4: if ((int) regs[b] > (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 5: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) > 0) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 6: if ((int) regs[b] <= (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 7: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) <= 0) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 8: if ((int) regs[b] >= (int) regs[c]) break branch; pc++; continue;
                        case Op.BR_I32_EQ + 9: if (Integer.compareUnsigned((int) regs[b], (int) regs[c]) >= 0) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 0: if (regs[b] == regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 1: if (regs[b] != regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 2: if (regs[b] < regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 3: if (Long.compareUnsigned(regs[b], regs[c]) < 0) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 4: if (regs[b] > regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 5: if (Long.compareUnsigned(regs[b], regs[c]) > 0) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 6: if (regs[b] <= regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 7: if (Long.compareUnsigned(regs[b], regs[c]) <= 0) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 8: if (regs[b] >= regs[c]) break branch; pc++; continue;
                        case Op.BR_I64_EQ + 9: if (Long.compareUnsigned(regs[b], regs[c]) >= 0) break branch; pc++; continue;
                        case Op.ADD_BR_NZ: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v != 0) break branch; pc++; continue; }
                        case Op.ADD_BR_Z: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v == 0) break branch; pc++; continue; }
                        case Op.SUB_BR_NZ: { int v = (int) regs[b] - (int) regs[c]; regs[a] = v; if (v != 0) break branch; pc++; continue; }
                        case Op.SUB_BR_Z: { int v = (int) regs[b] - (int) regs[c]; regs[a] = v; if (v == 0) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 0: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v == (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 1: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v != (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 2: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v < (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 3: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (Integer.compareUnsigned(v, (int) regs[fp + (int) (code[pc] >>> 32)]) < 0) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 4: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (v > (int) regs[fp + (int) (code[pc] >>> 32)]) break branch; pc++; continue; }
                        case Op.ADD_CMP_BR + 5: { int v = (int) regs[b] + (int) regs[c]; regs[a] = v; if (Integer.compareUnsigned(v, (int) regs[fp + (int) (code[pc] >>> 32)]) > 0) break branch; pc++; continue; }
                        case Op.CALL: callee = inst.funcs[(b - fp) | (c - fp) << Op.FIELD_BITS]; break call;
                        case Op.CALL_INDIRECT: callee = indirect(inst, regs[b], c - fp, (int) code[pc++]); break call;
                        case Op.RET1: regs[fp] = regs[b]; // fall through
                        case Op.RET0: {
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
                        case Op.SELECT: regs[a] = regs[fp + (int) code[pc++]] != 0 ? regs[b] : regs[c]; continue;
                        case Op.SEL_I32_EQ + 0: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] == (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case Op.SEL_I32_EQ + 1: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] != (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case Op.SEL_I32_EQ + 2: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] < (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case Op.SEL_I32_EQ + 3: { long x = code[pc++]; regs[a] = Integer.compareUnsigned((int) regs[fp + (int) x], (int) regs[fp + (int) (x >>> 32)]) < 0 ? regs[b] : regs[c]; continue; }
                        case Op.SEL_I32_EQ + 4: { long x = code[pc++]; regs[a] = (int) regs[fp + (int) x] > (int) regs[fp + (int) (x >>> 32)] ? regs[b] : regs[c]; continue; }
                        case Op.SEL_I32_EQ + 5: { long x = code[pc++]; regs[a] = Integer.compareUnsigned((int) regs[fp + (int) x], (int) regs[fp + (int) (x >>> 32)]) > 0 ? regs[b] : regs[c]; continue; }
                        case Op.LOAD_ADD + 0x00: regs[a] = mem.get(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case Op.LOAD_ADD + 0x01: regs[a] = mem.get(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case Op.LOAD_ADD + 0x02: regs[a] = mem.get(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case Op.LOAD_ADD + 0x03: {
                            regs[a] = mem.get(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL);
                            long x = code[pc];
                            if (((int) x & 0x3FF) == Op.LOAD_ADD + 0x03) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = mem.get(I64, (regs[fp + ((int) (x >>> 28) & M)] + regs[fp + (int) (x >>> 46)]) & 0xFFFF_FFFFL);
                            }
                            continue;
                        }
                        case Op.LOAD_ADD + 0x04: regs[a] = mem.get(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case Op.LOAD_ADD + 0x05: regs[a] = mem.get(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL) & 0xFF; continue;
                        case Op.LOAD_ADD + 0x06: regs[a] = mem.get(I16, (regs[b] + regs[c]) & 0xFFFF_FFFFL); continue;
                        case Op.LOAD_ADD + 0x07: regs[a] = mem.get(I16, (regs[b] + regs[c]) & 0xFFFF_FFFFL) & 0xFFFF; continue;
                        case Op.CONST: regs[a] = code[pc++]; continue;
                        case Op.STORE_ADD + 0: mem.set(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (int) regs[a]); continue;
                        case Op.STORE_ADD + 1: mem.set(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL, regs[a]); continue;
                        case Op.STORE_ADD + 2: mem.set(I32, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (int) regs[a]); continue;
                        case Op.STORE_ADD + 3: mem.set(I64, (regs[b] + regs[c]) & 0xFFFF_FFFFL, regs[a]); continue;
                        case Op.STORE_ADD + 4: mem.set(I8, (regs[b] + regs[c]) & 0xFFFF_FFFFL, (byte) regs[a]); continue;
                        case Op.GLOBAL_GET: regs[a] = inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS].bits; continue;
                        case Op.GLOBAL_SET: inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS].bits = regs[a]; continue;
                        case Op.NUM + 0x00: regs[a] = (int) regs[b] == 0 ? 1 : 0; continue;
                        case Op.NUM + 0x01: regs[a] = (int) regs[b] == (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x02: regs[a] = (int) regs[b] != (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x03: regs[a] = (int) regs[b] < (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x05: regs[a] = (int) regs[b] > (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x07: regs[a] = (int) regs[b] <= (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x09: regs[a] = (int) regs[b] >= (int) regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x04: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) < 0 ? 1 : 0; continue;
                        case Op.NUM + 0x06: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) > 0 ? 1 : 0; continue;
                        case Op.NUM + 0x08: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) <= 0 ? 1 : 0; continue;
                        case Op.NUM + 0x0A: regs[a] = Integer.compareUnsigned((int) regs[b], (int) regs[c]) >= 0 ? 1 : 0; continue;
                        case Op.NUM + 0x0B: regs[a] = regs[b] == 0 ? 1 : 0; continue;
                        case Op.NUM + 0x0C: regs[a] = regs[b] == regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x0D: regs[a] = regs[b] != regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x0E: regs[a] = regs[b] < regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x10: regs[a] = regs[b] > regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x12: regs[a] = regs[b] <= regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x14: regs[a] = regs[b] >= regs[c] ? 1 : 0; continue;
                        case Op.NUM + 0x0F: regs[a] = Long.compareUnsigned(regs[b], regs[c]) < 0 ? 1 : 0; continue;
                        case Op.NUM + 0x11: regs[a] = Long.compareUnsigned(regs[b], regs[c]) > 0 ? 1 : 0; continue;
                        case Op.NUM + 0x13: regs[a] = Long.compareUnsigned(regs[b], regs[c]) <= 0 ? 1 : 0; continue;
                        case Op.NUM + 0x15: regs[a] = Long.compareUnsigned(regs[b], regs[c]) >= 0 ? 1 : 0; continue;
                        case Op.NUM + 0x25: {
                            regs[a] = (int) regs[b] + (int) regs[c];
                            // Pointer and counter updates come in runs of adds: run the next one here
                            // instead of through another dispatch.
                            long x = code[pc];
                            if (((int) x & 0x3FF) == Op.NUM + 0x25) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = (int) regs[fp + ((int) (x >>> 28) & M)] + (int) regs[fp + (int) (x >>> 46)];
                            }
                            continue;
                        }
                        case Op.NUM + 0x26: regs[a] = (int) regs[b] - (int) regs[c]; continue;
                        case Op.NUM + 0x27: regs[a] = (int) regs[b] * (int) regs[c]; continue;
                        case Op.NUM + 0x28: regs[a] = divS((int) regs[b], (int) regs[c]); continue;
                        case Op.NUM + 0x29: regs[a] = divU((int) regs[b], (int) regs[c]); continue;
                        case Op.NUM + 0x2A: regs[a] = remS((int) regs[b], (int) regs[c]); continue;
                        case Op.NUM + 0x2B: regs[a] = remU((int) regs[b], (int) regs[c]); continue;
                        case Op.NUM + 0x2C: regs[a] = regs[b] & regs[c]; continue;
                        case Op.NUM + 0x2D: regs[a] = regs[b] | regs[c]; continue;
                        case Op.NUM + 0x2E: regs[a] = regs[b] ^ regs[c]; continue;
                        case Op.NUM + 0x2F: regs[a] = (int) regs[b] << (int) regs[c]; continue;
                        case Op.NUM + 0x30: regs[a] = (int) regs[b] >> (int) regs[c]; continue;
                        case Op.NUM + 0x31: regs[a] = (int) regs[b] >>> (int) regs[c]; continue;
                        case Op.NUM + 0x37: regs[a] = regs[b] + regs[c]; continue;
                        case Op.NUM + 0x38: regs[a] = regs[b] - regs[c]; continue;
                        case Op.NUM + 0x39: regs[a] = regs[b] * regs[c]; continue;
                        case Op.NUM + 0x3E: regs[a] = regs[b] & regs[c]; continue;
                        case Op.NUM + 0x3F: regs[a] = regs[b] | regs[c]; continue;
                        case Op.NUM + 0x40: regs[a] = regs[b] ^ regs[c]; continue;
                        case Op.NUM + 0x41: regs[a] = regs[b] << regs[c]; continue;
                        case Op.NUM + 0x42: regs[a] = regs[b] >> regs[c]; continue;
                        case Op.NUM + 0x43: regs[a] = regs[b] >>> regs[c]; continue;
                        case Op.NUM + 0x46: regs[a] = (int) regs[b] & 0x7FFF_FFFF; continue;
                        case Op.NUM + 0x47: regs[a] = (int) regs[b] ^ 0x8000_0000; continue;
                        case Op.NUM + 0x4C: regs[a] = fb((float) Math.sqrt(f(regs[b]))); continue;
                        case Op.NUM + 0x4D: regs[a] = fb(f(regs[b]) + f(regs[c])); continue;
                        case Op.NUM + 0x4E: regs[a] = fb(f(regs[b]) - f(regs[c])); continue;
                        case Op.NUM + 0x4F: regs[a] = fb(f(regs[b]) * f(regs[c])); continue;
                        case Op.NUM + 0x50: regs[a] = fb(f(regs[b]) / f(regs[c])); continue;
                        case Op.NUM + 0x54: regs[a] = regs[b] & 0x7FFF_FFFF_FFFF_FFFFL; continue;
                        case Op.NUM + 0x55: regs[a] = regs[b] ^ 0x8000_0000_0000_0000L; continue;
                        case Op.NUM + 0x5A: regs[a] = db(Math.sqrt(d(regs[b]))); continue;
                        case Op.NUM + 0x5B: regs[a] = db(d(regs[b]) + d(regs[c])); continue;
                        case Op.NUM + 0x5C: regs[a] = db(d(regs[b]) - d(regs[c])); continue;
                        case Op.NUM + 0x5D: regs[a] = db(d(regs[b]) * d(regs[c])); continue;
                        case Op.NUM + 0x5E: regs[a] = db(d(regs[b]) / d(regs[c])); continue;
                        case Op.NUM + 0x62: regs[a] = (int) regs[b]; continue;
                        case Op.NUM + 0x68: regs[a] = regs[b] & 0xFFFF_FFFFL; continue;
                        case Op.NUM + 0x7B: regs[a] = (byte) regs[b]; continue;
                        case Op.NUM + 0x7C: regs[a] = (short) regs[b]; continue;
                        case Op.NUM + 0x7D: regs[a] = (byte) regs[b]; continue;
                        case Op.NUM + 0x7E: regs[a] = (short) regs[b]; continue;
                        case Op.NUM + 0x7F: regs[a] = (int) regs[b]; continue;
                        case Op.MEM + 0x00: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x01: regs[a] = mem.get(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x02: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x03: {
                            regs[a] = mem.get(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp));
                            // f64 operands are loaded in pairs (x[i] * y[j]): the second in this dispatch.
                            long x = code[pc];
                            if (((int) x & 0x3FF) == Op.MEM + 0x03) {
                                pc++;
                                regs[fp + ((int) (x >>> 10) & M)] = mem.get(I64, (regs[fp + ((int) (x >>> 28) & M)] & 0xFFFF_FFFFL) + (int) (x >>> 46));
                            }
                            continue;
                        }
                        case Op.MEM + 0x04: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x05: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFF; continue;
                        case Op.MEM + 0x06: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x07: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF; continue;
                        case Op.MEM + 0x08: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x09: regs[a] = mem.get(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFF; continue;
                        case Op.MEM + 0x0A: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x0B: regs[a] = mem.get(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF; continue;
                        case Op.MEM + 0x0C: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)); continue;
                        case Op.MEM + 0x0D: regs[a] = mem.get(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp)) & 0xFFFF_FFFFL; continue;
                        case Op.MEM + 0x0E: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        case Op.MEM + 0x0F: mem.set(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp), regs[a]); continue;
                        case Op.MEM + 0x10: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        case Op.MEM + 0x11: mem.set(I64, (regs[b] & 0xFFFF_FFFFL) + (c - fp), regs[a]); continue;
                        case Op.MEM + 0x12: mem.set(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (byte) regs[a]); continue;
                        case Op.MEM + 0x13: mem.set(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (short) regs[a]); continue;
                        case Op.MEM + 0x14: mem.set(I8, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (byte) regs[a]); continue;
                        case Op.MEM + 0x15: mem.set(I16, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (short) regs[a]); continue;
                        case Op.MEM + 0x16: mem.set(I32, (regs[b] & 0xFFFF_FFFFL) + (c - fp), (int) regs[a]); continue;
                        default:
                            int op = (int) w & 0x3FF;
                            pc = op >= Op.SIMD ? SimdExec.run(m, inst, op, a, b, c, code, pc, fp)
                                    : runMisc(m, inst, op, a, b, c, code, pc, fp);
                            mem = inst.memSeg();
                            continue;
                    }
                }
                // A taken branch: pc is at the target word. Backward targets are complemented: poll there.
                int t = (int) code[pc];
                if (t < 0) {
                    t = ~t;
                    if (--budget < 0) budget = poll(inst);
                }
                pc = t;
                continue;
            }
            if (callee.outOfLine) {
                regs = callHost(m, callee, a);
                mem = inst.memSeg();
                continue;
            }
            int k = m.depth + 1;
            if (k > m.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
            m.links[k] = (long) pc << 32 | fp;
            FuncInst[] fns = m.fns;
            if (fns[k] != callee) fns[k] = callee;   // a loop calling one function stores nothing
            m.depth = k;
            cc = callee.code();
            regs = m.enter(cc, a);
            code = cc.code;
            fp = a;
            pc = 0;
            if (callee.inst != inst) {
                inst = callee.inst;
                mem = inst.memSeg();
            }
            if (--budget < 0) budget = poll(inst);
        }
    }

    /** Cold instructions. Returns the next pc. */
    static int runMisc(CallStack m, InstanceState inst, int op, int a, int b, int c, long[] code, int pc, int fp) {
        long[] regs = m.regs;
        Object[] refs = m.refs;
        switch (op) {
            case Op.UNREACHABLE: throw new WasmTrap(TrapKind.UNREACHABLE);
            case Op.MEMORY_SIZE: regs[a] = inst.mems[(int) code[pc++]].size(); return pc;
            case Op.MEMORY_GROW: regs[a] = inst.mems[(int) code[pc++]].growRaw(regs[b]); return pc;
            case Op.MEMX: {
                long x = code[pc];
                MemInst mi = inst.mems[(int) (x >>> 8)];
                access((int) x & 0xFF, regs, a, mi.seg(), mi.ea(regs[b], code[pc + 1]));
                return pc + 2;
            }
            case Op.ADDR_BIG: {
                long ea = (regs[b] & 0xFFFF_FFFFL) + code[pc++];
                if (ea > 0xFFFF_FFFFL) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
                regs[a] = ea;
                return pc;
            }
            case Op.COPY_REF: refs[a] = refs[b]; return pc;
            case Op.SELECT_REF: refs[a] = regs[fp + (int) code[pc++]] != 0 ? refs[b] : refs[c]; return pc;
            case Op.GLOBAL_GET_REF: refs[a] = inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS].ref; return pc;
            case Op.GLOBAL_SET_REF: inst.globals[(b - fp) | (c - fp) << Op.FIELD_BITS].ref = refs[a]; return pc;
            case Op.REF_NULL: refs[a] = null; return pc;
            case Op.REF_IS_NULL: regs[a] = refs[b] == null ? 1 : 0; return pc;
            case Op.REF_FUNC: refs[a] = inst.funcs[(b - fp) | (c - fp) << Op.FIELD_BITS]; return pc;
            case Op.TABLE_GET: {
                TableInst t = inst.tables[c - fp];
                refs[a] = t.elems[t.checked(regs[b], TrapKind.OUT_OF_BOUNDS_TABLE)];
                return pc;
            }
            case Op.TABLE_SET: {
                TableInst t = inst.tables[c - fp];
                t.elems[t.checked(regs[b], TrapKind.OUT_OF_BOUNDS_TABLE)] = refs[a];
                return pc;
            }
            case Op.TABLE_SIZE: regs[a] = inst.tables[c - fp].size; return pc;
            case Op.TABLE_GROW: regs[a] = inst.tables[(int) code[pc++]].growRaw(regs[c], refs[b]); return pc;
            case Op.TABLE_FILL: inst.tables[(int) code[pc++]].fill(regs[a], refs[b], regs[c]); return pc;
            case Op.TABLE_COPY: {
                long x = code[pc++];
                TableInst.copy(inst.tables[(int) (x >>> 32)], inst.tables[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case Op.TABLE_INIT: {
                long x = code[pc++];
                inst.tables[(int) x].init(inst.elems[(int) (x >>> 32)], regs[a], regs[b], regs[c]);
                return pc;
            }
            case Op.ELEM_DROP: inst.elems[(int) code[pc++]] = new Object[0]; return pc;
            case Op.MEMORY_INIT: {
                long x = code[pc++];
                MemInst.init(inst.mems[(int) (x >>> 32)], inst.datas[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case Op.DATA_DROP: inst.datas[(int) code[pc++]] = new byte[0]; return pc;
            case Op.MEMORY_COPY: {
                long x = code[pc++];
                MemInst.copy(inst.mems[(int) (x >>> 32)], inst.mems[(int) x], regs[a], regs[b], regs[c]);
                return pc;
            }
            case Op.MEMORY_FILL: MemInst.fill(inst.mems[(int) code[pc++]], regs[a], (int) regs[b], regs[c]); return pc;
            case Op.NUM + 0x22: regs[a] = Integer.numberOfLeadingZeros((int) regs[b]); return pc;
            case Op.NUM + 0x23: regs[a] = Integer.numberOfTrailingZeros((int) regs[b]); return pc;
            case Op.NUM + 0x24: regs[a] = Integer.bitCount((int) regs[b]); return pc;
            case Op.NUM + 0x32: regs[a] = Integer.rotateLeft((int) regs[b], (int) regs[c]); return pc;
            case Op.NUM + 0x33: regs[a] = Integer.rotateRight((int) regs[b], (int) regs[c]); return pc;
            case Op.NUM + 0x34: regs[a] = Long.numberOfLeadingZeros(regs[b]); return pc;
            case Op.NUM + 0x35: regs[a] = Long.numberOfTrailingZeros(regs[b]); return pc;
            case Op.NUM + 0x36: regs[a] = Long.bitCount(regs[b]); return pc;
            case Op.NUM + 0x3A: regs[a] = divS(regs[b], regs[c]); return pc;
            case Op.NUM + 0x3B: regs[a] = divU(regs[b], regs[c]); return pc;
            case Op.NUM + 0x3C: regs[a] = remS(regs[b], regs[c]); return pc;
            case Op.NUM + 0x3D: regs[a] = remU(regs[b], regs[c]); return pc;
            case Op.NUM + 0x44: regs[a] = Long.rotateLeft(regs[b], (int) regs[c]); return pc;
            case Op.NUM + 0x45: regs[a] = Long.rotateRight(regs[b], (int) regs[c]); return pc;
            case Op.NUM + 0x6D: regs[a] = fb((float) (int) regs[b]); return pc;
            case Op.NUM + 0x6F: regs[a] = fb((float) regs[b]); return pc;
            case Op.NUM + 0x71: regs[a] = fb((float) d(regs[b])); return pc;
            case Op.NUM + 0x72: regs[a] = db((double) (int) regs[b]); return pc;
            case Op.NUM + 0x74: regs[a] = db((double) regs[b]); return pc;
            case Op.NUM + 0x76: regs[a] = db((double) f(regs[b])); return pc;
            case Op.NUM + 0x16: regs[a] = f(regs[b]) == f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x17: regs[a] = f(regs[b]) != f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x18: regs[a] = f(regs[b]) < f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x19: regs[a] = f(regs[b]) > f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1A: regs[a] = f(regs[b]) <= f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1B: regs[a] = f(regs[b]) >= f(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1C: regs[a] = d(regs[b]) == d(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1D: regs[a] = d(regs[b]) != d(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1E: regs[a] = d(regs[b]) < d(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x1F: regs[a] = d(regs[b]) > d(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x20: regs[a] = d(regs[b]) <= d(regs[c]) ? 1 : 0; return pc;
            case Op.NUM + 0x21: regs[a] = d(regs[b]) >= d(regs[c]) ? 1 : 0; return pc;
            case Op.TRUNC_SAT: regs[a] = (int) f(regs[b]); return pc;
            case Op.TRUNC_SAT + 1: regs[a] = (int) satU64(f(regs[b]), true); return pc;
            case Op.TRUNC_SAT + 2: regs[a] = (int) d(regs[b]); return pc;
            case Op.TRUNC_SAT + 3: regs[a] = (int) satU64(d(regs[b]), true); return pc;
            case Op.TRUNC_SAT + 4: regs[a] = (long) f(regs[b]); return pc;
            case Op.TRUNC_SAT + 5: regs[a] = satU64(f(regs[b]), false); return pc;
            case Op.TRUNC_SAT + 6: regs[a] = (long) d(regs[b]); return pc;
            case Op.TRUNC_SAT + 7: regs[a] = satU64(d(regs[b]), false); return pc;
            case Op.NUM + 0x8D - 0x45: regs[a] = fb((float) Math.ceil(f(regs[b]))); return pc;
            case Op.NUM + 0x8E - 0x45: regs[a] = fb((float) Math.floor(f(regs[b]))); return pc;
            case Op.NUM + 0x8F - 0x45: regs[a] = fb((float) trunc(f(regs[b]))); return pc;
            case Op.NUM + 0x90 - 0x45: regs[a] = fb((float) Math.rint(f(regs[b]))); return pc;
            case Op.NUM + 0x96 - 0x45: regs[a] = fb(fmin(f(regs[b]), f(regs[c]))); return pc;
            case Op.NUM + 0x97 - 0x45: regs[a] = fb(fmax(f(regs[b]), f(regs[c]))); return pc;
            case Op.NUM + 0x98 - 0x45: regs[a] = ((int) regs[b] & 0x7FFF_FFFF) | ((int) regs[c] & 0x8000_0000); return pc;
            case Op.NUM + 0x9B - 0x45: regs[a] = db(quiet(Math.ceil(d(regs[b])))); return pc;
            case Op.NUM + 0x9C - 0x45: regs[a] = db(quiet(Math.floor(d(regs[b])))); return pc;
            case Op.NUM + 0x9D - 0x45: regs[a] = db(quiet(trunc(d(regs[b])))); return pc;
            case Op.NUM + 0x9E - 0x45: regs[a] = db(quiet(Math.rint(d(regs[b])))); return pc;
            case Op.NUM + 0xA4 - 0x45: regs[a] = db(dmin(d(regs[b]), d(regs[c]))); return pc;
            case Op.NUM + 0xA5 - 0x45: regs[a] = db(dmax(d(regs[b]), d(regs[c]))); return pc;
            case Op.NUM + 0xA6 - 0x45: regs[a] = (regs[b] & 0x7FFF_FFFF_FFFF_FFFFL) | (regs[c] & 0x8000_0000_0000_0000L); return pc;
            case Op.NUM + 0xA8 - 0x45: regs[a] = truncI32(f(regs[b]), true); return pc;
            case Op.NUM + 0xA9 - 0x45: regs[a] = truncI32(f(regs[b]), false); return pc;
            case Op.NUM + 0xAA - 0x45: regs[a] = truncI32(d(regs[b]), true); return pc;
            case Op.NUM + 0xAB - 0x45: regs[a] = truncI32(d(regs[b]), false); return pc;
            case Op.NUM + 0xAE - 0x45: regs[a] = truncI64(f(regs[b]), true); return pc;
            case Op.NUM + 0xAF - 0x45: regs[a] = truncI64(f(regs[b]), false); return pc;
            case Op.NUM + 0xB0 - 0x45: regs[a] = truncI64(d(regs[b]), true); return pc;
            case Op.NUM + 0xB1 - 0x45: regs[a] = truncI64(d(regs[b]), false); return pc;
            case Op.NUM + 0xB3 - 0x45: regs[a] = fb((float) (regs[b] & 0xFFFF_FFFFL)); return pc;
            case Op.NUM + 0xB5 - 0x45: regs[a] = fb(u64ToF32(regs[b])); return pc;
            case Op.NUM + 0xB8 - 0x45: regs[a] = db((double) (regs[b] & 0xFFFF_FFFFL)); return pc;
            case Op.NUM + 0xBA - 0x45: regs[a] = db(u64ToF64(regs[b])); return pc;
            default:
                if (op >= Op.SIMD) return runSimd(m, inst, op, a, b, c, code, pc, fp);
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
     * {@link Op#MEMX}, for memories other than a 32-bit memory 0. Results are held like the hot ops'
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
        if (f.typeId != typeId) throw new WasmTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        return f;
    }

    public static int poll(InstanceState inst) {
        inst.cache.heat(1);
        if (inst.interruptRequested) {
            inst.interruptRequested = false;
            throw new WasmTrap(TrapKind.INTERRUPTED, "Instance.interrupt() was called");
        }
        long dl = inst.deadlineNanos;
        if (dl != 0 && System.nanoTime() - dl > 0) throw new WasmTrap(TrapKind.INTERRUPTED, "deadline passed");
        if (Thread.currentThread().isInterrupted()) throw new WasmTrap(TrapKind.INTERRUPTED, "thread interrupted");
        return BUDGET;
    }

    /** A Value from register contents. */
    public static Value toValue(ValType t, long bits, Object ref) {
        return switch (t) {
            case I32 -> Value.i32((int) bits);
            case I64 -> Value.i64(bits);
            case F32 -> Value.f32Bits((int) bits);
            case F64 -> Value.f64Bits(bits);
            case FUNCREF -> Value.funcref((Function) ref);
            case EXTERNREF -> Value.externref(ref);
            case V128 -> throw new IllegalArgumentException("a v128 needs both halves: use toValue(t, lo, hi, ref)");
        };
    }

    /** A Value from register contents; hi is the high half of a v128 (ignored for other types). */
    public static Value toValue(ValType t, long bits, long hi, Object ref) {
        return t == ValType.V128 ? Value.v128(bits, hi) : toValue(t, bits, ref);
    }

    /** High half of a v128 value, 0 for the others. */
    public static long hi(Value v) {
        return v instanceof Value.V128 x ? x.hi() : 0;
    }

    /** Raw bits of a numeric value. */
    public static long bits(Value v) {
        return switch (v) {
            case Value.I32 x -> x.value();
            case Value.I64 x -> x.value();
            case Value.F32 x -> x.bits();
            case Value.F64 x -> x.bits();
            case Value.V128 x -> x.lo();
            default -> 0;
        };
    }

    /** The engine-side reference of a value. */
    public static Object ref(Value v) {
        return switch (v) {
            case Value.FuncRef x -> funcInst(x.function());
            case Value.ExternRef x -> x.object();
            default -> null;
        };
    }

    /** Any Function as a FuncInst (a foreign implementation is wrapped as a host function). */
    public static FuncInst funcInst(Function f) {
        if (f == null || f instanceof FuncInst) return (FuncInst) f;
        return new FuncInst(f.type(), f::call);
    }

    public static boolean matches(ValType t, Value v) {
        return v != null && v.type() == t;
    }

    /**
     * Calls a function outside the interpreter's loop (a host function, compiled code, or, from compiled
     * code, an interpreted function); its arguments and then results are at fp.
     */
    public static void callOutOfLine(FuncInst f, CallStack m, int fp, int depth) {
        if (depth > CallStack.MAX_DEPTH) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        int savedTop = m.top, savedDepth = m.depth;
        m.top = fp + Math.max(f.nParams, f.nResults);
        CompiledCode cm;
        try {
            if (f.host != null) {
                // A host function that calls back into Wasm continues the count from here.
                if (depth > savedDepth) m.depth = Math.min(depth, m.maxDepth);
                callHost(m, f, fp);
            } else if ((cm = f.cm) != null) {
                cm.invoke(f.funcidx, m, fp, f.inst, depth);
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
        if (k > m.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
        m.fns[k] = f;
        m.depth = k;
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
        List<ValType> ps = ft.params(), rs = ft.results();
        Value[] args = new Value[ps.size()];
        // Values are packed by width: a v128 takes two registers.
        for (int i = 0, r = fp; i < args.length; i++) {
            ValType t = ps.get(i);
            args[i] = toValue(t, m.regs[r], m.regs[r + 1 < m.regs.length ? r + 1 : r], m.refs[r]);
            r += t == ValType.V128 ? 2 : 1;
        }
        int savedTop = m.top;
        m.top = fp + Math.max(Translator.slots(ps), Translator.slots(rs));
        Value[] res;
        try {
            res = f.host.call(args);
        } catch (RuntimeError | WasmTrap e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmTrap(TrapKind.HOST, String.valueOf(e), e);
        } finally {
            m.top = savedTop;
        }
        if (res == null) res = new Value[0];
        if (res.length != rs.size()) {
            throw new WasmTrap(TrapKind.HOST, "host function returned " + res.length + " values, its type has " + rs.size());
        }
        m.ensure(fp + Translator.slots(rs));
        for (int i = 0, r = fp; i < res.length; i++) {
            if (!matches(rs.get(i), res[i])) throw new WasmTrap(TrapKind.HOST, "host function result " + i + " is not " + rs.get(i));
            r = store(m, r, res[i]);
        }
        return m.regs;
    }

    /** Calls any function from Java. */
    static Value[] invoke(FuncInst f, Value[] args) {
        FunctionType ft = f.type;
        List<ValType> ps = ft.params(), rs = ft.results();
        if (args == null) args = new Value[0];
        if (args.length != ps.size()) {
            throw new IllegalArgumentException("function " + ft + " takes " + ps.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (!matches(ps.get(i), args[i])) {
                throw new IllegalArgumentException("argument " + i + " must be " + ps.get(i) + ", got " + args[i]);
            }
        }
        if (f.host != null) {
            try {
                Value[] res = f.host.call(args);
                return res == null ? new Value[0] : res;
            } catch (RuntimeError e) {
                throw e;
            } catch (RuntimeException e) {
                throw error(TrapKind.HOST, String.valueOf(e), List.of(), e);
            }
        }
        CallStack m = CallStack.current();
        int savedTop = m.top, savedDepth = m.depth;
        int fp = savedTop;
        try {
            m.ensure(fp + Math.max(Translator.slots(ps), Translator.slots(rs)));
            for (int i = 0, r = fp; i < args.length; i++) r = store(m, r, args[i]);
            int k = m.depth + 1;
            if (k > m.maxDepth) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED);
            CompiledCode cm = f.cm;
            if (cm == null) f.inst.cache.heat(1);
            if (cm != null) {
                cm.invoke(f.funcidx, m, fp, f.inst, k);
            } else {
                m.fns[k] = f;
                m.depth = k;
                run(m, f, fp);
            }
            Value[] out = new Value[rs.size()];
            for (int i = 0, r = fp; i < out.length; i++) {
                ValType t = rs.get(i);
                out[i] = toValue(t, m.regs[r], t == ValType.V128 ? m.regs[r + 1] : 0, m.refs[r]);
                r += t == ValType.V128 ? 2 : 1;
            }
            return out;
        } catch (RuntimeError e) {
            throw e;
        } catch (WasmTrap t) {
            addFrames(t, m, savedDepth);
            throw error(t.kind, t.getMessage(), t.frames(), t.getCause());
        } catch (StackOverflowError e) {
            throw error(TrapKind.CALL_STACK_EXHAUSTED, "Java stack overflow", stack(m, savedDepth), null);
        } catch (IndexOutOfBoundsException e) {
            if (e instanceof ArrayIndexOutOfBoundsException) {
                throw error(TrapKind.HOST, "internal error: " + e, stack(m, savedDepth), e);
            }
            if (DEBUG) e.printStackTrace();
            throw error(TrapKind.OUT_OF_BOUNDS_MEMORY, null, stack(m, savedDepth), null);
        } catch (dev.gatun.memory.OutOfBoundsException e) {
            throw error(TrapKind.OUT_OF_BOUNDS_MEMORY, null, stack(m, savedDepth), null);
        } catch (RuntimeException e) {
            throw error(TrapKind.HOST, "internal error: " + e, stack(m, savedDepth), e);
        } finally {
            m.top = savedTop;
            m.depth = savedDepth;
        }
    }

    /** The public form of a trap: same kind (by name), detail, frames and cause. */
    private static RuntimeError error(TrapKind kind, String detail, List<WasmTrap.Frame> frames, Throwable cause) {
        List<RuntimeError.Frame> stack = new ArrayList<>(frames.size());
        for (WasmTrap.Frame f : frames) stack.add(new RuntimeError.Frame(f.funcidx(), f.name()));
        return new RuntimeError(RuntimeError.Trap.valueOf(kind.name()), detail, stack, cause);
    }

    /** Stores a value at register r (both halves of a v128); returns the next register. */
    private static int store(CallStack m, int r, Value v) {
        m.regs[r] = bits(v);
        m.refs[r] = ref(v);
        if (v instanceof Value.V128 x) {
            m.regs[r + 1] = x.hi();
            m.refs[r + 1] = null;
            return r + 2;
        }
        return r + 1;
    }

    /** Adds the interpreter frames above savedDepth (innermost first) to a trap's unwound frames. */
    public static void addFrames(WasmTrap t, CallStack m, int savedDepth) {
        for (int k = m.depth; k > savedDepth && t.frames().size() < 64; k--) {
            FuncInst f = m.fns[k];
            t.addFrame(new WasmTrap.Frame(f.funcidx, f.name()));
        }
    }

    private static List<WasmTrap.Frame> stack(CallStack m, int savedDepth) {
        List<WasmTrap.Frame> out = new ArrayList<>();
        for (int k = m.depth; k > savedDepth && out.size() < 64; k--) {
            FuncInst f = m.fns[k];
            out.add(new WasmTrap.Frame(f.funcidx, f.name()));
        }
        return out;
    }
}
