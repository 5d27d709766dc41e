package dev.gatun.interpreter;

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
     * Shape of each sub-opcode, from the instruction table: U unary (v128 result, splats included), u unary
     * with an i32 result, B binary (shifts too: an i32 count), T ternary, X extract_lane, R replace_lane,
     * L load, l lane load, S store, s lane store, C const, H shuffle, '.' undefined.
     */
    private static final char[] SHAPE = new char[256];

    static {
        java.util.Arrays.fill(SHAPE, '.');
        for (Instruction in : Instruction.values()) {
            if (in.prefix != Instruction.PREFIX_SIMD || in.feature != Feature.SIMD) continue;
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
        return sub >= 0 && sub < 256 ? SHAPE[sub] : '.';
    }

    static void translate(Translator t, WasmReader r, int sub) {
        int op = IrOp.SIMD + sub;
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
            case 'L' -> {
                r.u32();
                long offset = r.u32() & 0xFFFF_FFFFL;
                int addr = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, addr, 0, offset, 0, 1);
                t.pushValue(dst, Translator.VEC);
            }
            case 'l' -> {
                r.u32();
                long offset = r.u32() & 0xFFFF_FFFFL;
                long lane = r.u8();
                int vec = t.popValue();
                int addr = t.popValue();
                int dst = t.nextTemp();
                t.produceWith(op, dst, addr, vec, offset | lane << 32, 0, 1);
                t.pushValue(dst, Translator.VEC);
            }
            case 'S' -> {
                r.u32();
                long offset = r.u32() & 0xFFFF_FFFFL;
                int v = t.popValue();
                int addr = t.popValue();
                t.emitWith(op, v, addr, 0, offset);
            }
            case 's' -> {
                r.u32();
                long offset = r.u32() & 0xFFFF_FFFFL;
                long lane = r.u8();
                int v = t.popValue();
                int addr = t.popValue();
                t.emitWith(op, v, addr, 0, offset | lane << 32);
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
