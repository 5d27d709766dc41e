package dev.gatun.interpreter;

import dev.gatun.binary.MemArg;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Feature;
import dev.gatun.model.Instruction;
import dev.gatun.vector.I8x16;

/**
 * Translates the 0xFD (fixed-width SIMD) instructions into register IR for {@link SimdExec}.
 *
 * <p>IR op = {@link IrOp#SIMD} + sub-opcode, a = destination (or the stored value), then by shape:
 * unary/splat/any_true/bitmask b = operand; binary and shifts b, c = operands; extract_lane c = lane;
 * replace_lane b, c = vector, scalar, ext = lane; bitselect b, c, ext = third operand; loads b = address,
 * ext = offset; lane loads b = address, c = vector, ext = offset | lane << 32; stores a = value, b = address,
 * ext = offset (| lane << 32); v128.const is a frame constant (the prescan pools it) or, past the pool's
 * limit, an op with two ext words (low, high); i8x16.shuffle b, c, ext = index of its
 * {@link dev.gatun.vector.ShufflePlan} in the function's pool (built here, once).
 */
public final class SimdTranslator {
    private SimdTranslator() {}

    /** v128 data movement the generic translator needs (beyond the 256 sub-opcodes). */
    static final int V128_COPY = IrOp.SIMD + 256;        // a <- b (register pairs)
    static final int V128_SELECT = IrOp.SIMD + 257;      // a <- ext-cond != 0 ? b : c
    static final int V128_GLOBAL_GET = IrOp.SIMD + 258;  // a <- globals[b | c << 18]
    static final int V128_GLOBAL_SET = IrOp.SIMD + 259;  // globals[b | c << 18] <- a
    /**
     * A v128 load or store of any memory but a 32-bit memory 0 (multi-memory, memory64): a = value,
     * b = address, c = the vector a lane load merges into; ext: sub-opcode | lane << 8 | memidx << 16, offset.
     */
    static final int V128_MEMX = IrOp.SIMD + 260;
    /** The relaxed SIMD sub-opcodes 0x100..0x113 run as IR ops RELAXED + (sub - 0x100), past the ones above. */
    static final int RELAXED = IrOp.SIMD + 264;
    private static final int RELAXED_SUB = 0x100, RELAXED_END = 0x114;

    /**
     * Shape of each sub-opcode, from the instruction table: U unary (v128 result, splats included), u unary
     * with an i32 result, B binary (shifts too: an i32 count), T ternary, X extract_lane, R replace_lane,
     * L load, l lane load, S store, s lane store, C const, H shuffle, '.' undefined.
     */
    private static final char[] SHAPE = new char[RELAXED_END];

    static {
        java.util.Arrays.fill(SHAPE, '.');
        for (Instruction in : Instruction.values()) {
            if (in.prefix != Instruction.PREFIX_SIMD || in.feature != Feature.SIMD && in.feature != Feature.RELAXED_SIMD) continue;
            SHAPE[in.code] = switch (in.immediates) {
                case MEMARG -> in == Instruction.V128_STORE ? 'S' : 'L';
                case MEMARG_LANE -> in.text.startsWith("v128.load") ? 'l' : 's';
                case V128 -> 'C';
                case SHUFFLE -> 'H';
                case LANE -> in.results.equals("v") ? 'R' : 'X';
                default -> in.params.length() == 3 ? 'T' : in.params.length() == 2 ? 'B' : in.results.equals("v") ? 'U' : 'u';
            };
        }
    }

    /** Whether a sub-opcode takes two v128 operands and yields a v128 (shifts take an i32 count). */
    public static boolean binary(int sub) { return shape(sub) == 'B'; }

    private static char shape(int sub) {
        return sub >= 0 && sub < RELAXED_END ? SHAPE[sub] : '.';
    }

    /** The IR op of a SIMD sub-opcode. */
    static int irOp(int sub) { return sub < RELAXED_SUB ? IrOp.SIMD + sub : RELAXED + (sub - RELAXED_SUB); }

    static void translate(Translator t, WasmReader r, int sub) {
        int op = irOp(sub);
        switch (shape(sub)) {
            case 'U', 'u' -> {
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, 0, 0, 0, 0);
                t.pushValue(dst, shape(sub) == 'U' ? Translator.VEC : Translator.NUM);
            }
            case 'B' -> {
                int y = t.popValue();
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, y, 0, 0, 0);
                t.pushValue(dst, Translator.VEC);
            }
            case 'T' -> {
                int z = t.popValue();
                int y = t.popValue();
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, y, z, 0, 1);
                t.pushValue(dst, Translator.VEC);
            }
            case 'X' -> {
                int lane = r.u8();
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, lane, 0, 0, 0);
                t.pushValue(dst, Translator.NUM);
            }
            case 'R' -> {
                int lane = r.u8();
                int y = t.popValue();
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, y, lane, 0, 1);
                t.pushValue(dst, Translator.VEC);
            }
            case 'L', 'l', 'S', 's' -> {
                char shape = shape(sub);
                MemArg ma = MemArg.read(r);
                long offset = ma.offset();
                long lane = shape == 'l' || shape == 's' ? r.u8() : 0;
                boolean load = shape == 'L' || shape == 'l';
                int vec = shape == 'L' ? 0 : t.popValue();
                int addr = t.popValue();
                if (!t.plainMemory(ma.memory())) {
                    long ext = sub | lane << 8 | (long) ma.memory() << 16;
                    if (load) {
                        int dst = t.nextTemp();
                        t.produceWith(V128_MEMX, dst, addr, vec, ext, offset, 2);
                        t.pushValue(dst, Translator.VEC);
                    } else {
                        t.emitWith(V128_MEMX, vec, addr, 0, ext);
                        t.emitExt(offset);
                    }
                } else if (shape == 'L') {
                    int dst = t.nextTemp();
                    t.produceWith(op, dst, addr, 0, offset, 0, 1);
                    t.pushValue(dst, Translator.VEC);
                } else if (shape == 'l') {
                    int dst = t.nextTemp();
                    t.produceWith(op, dst, addr, vec, offset | lane << 32, 0, 1);
                    t.pushValue(dst, Translator.VEC);
                } else {
                    t.emitWith(op, vec, addr, 0, shape == 'S' ? offset : offset | lane << 32);
                }
            }
            case 'C' -> {
                long lo = r.f64bits(), hi = r.f64bits();
                int k = t.v128ConstReg(lo, hi);
                if (k >= 0) { t.pushValue(k, Translator.VEC); return; }
                int dst = t.nextTemp();
                t.produceWith(op, dst, 0, 0, lo, hi, 2);
                t.pushValue(dst, Translator.VEC);
            }
            case 'H' -> {
                byte[] lanes = new byte[16];
                for (int i = 0; i < 16; i++) lanes[i] = (byte) r.u8();
                int y = t.popValue();
                int x = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, x, y, t.poolAdd(I8x16.shufflePlan(lanes)), 0, 1);
                t.pushValue(dst, Translator.VEC);
            }
            default -> throw new IllegalStateException("0xFD " + sub + " in a validated body");
        }
    }
}
