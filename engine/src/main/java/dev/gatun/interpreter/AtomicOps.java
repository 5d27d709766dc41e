package dev.gatun.interpreter;

import dev.gatun.binary.MemArg;
import dev.gatun.binary.WasmReader;
import dev.gatun.memory.LinearMemory;
import dev.gatun.model.Feature;
import dev.gatun.model.Instruction;
import dev.gatun.memory.WaiterQueue;
import dev.gatun.runtime.Atomics;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TrapKind;
import dev.gatun.runtime.WasmTrap;

/**
 * The 0xFE (threads) instructions in the register IR: translation and execution. They are cold (each is a
 * volatile access or an atomic read-modify-write, far costlier than a dispatch), so they share one IR op,
 * {@link IrOp#ATOMIC}, run from {@code Interpreter.runMisc}; after it the interpreter reloads its view of the
 * memory, so accesses after a synchronising atomic see another thread's {@code memory.grow}.
 *
 * <p>Word: a = result register, b = address, c = second operand (value, expected, count); one ext word:
 * memarg offset (low 32 bits) | sub-opcode << 32 | third operand register (replacement, timeout) << 40.
 * Atomics on any other memory than a 32-bit memory 0 (multi-memory, memory64) are {@link IrOp#ATOMIC_X}:
 * the same word, memidx in the low 32 bits of the ext word, and the u64 offset in a second one, so the
 * common case keeps its single word and its unchecked 32-bit address sum.
 */
public final class AtomicOps {
    private AtomicOps() {}

    private static final byte NONE = 0, FENCE = 1, LOAD = 2, STORE = 3, RMW = 4, CMPXCHG = 5, WAIT = 6, NOTIFY = 7;

    /** Per sub-opcode: shape, access bytes, rmw kind, and whether the value type is i64. */
    private static final byte[] SHAPE = new byte[256], BYTES = new byte[256], KIND = new byte[256];
    private static final boolean[] WIDE = new boolean[256];

    static {
        for (Instruction in : Instruction.values()) {
            if (in.prefix != Instruction.PREFIX_ATOMIC || in.feature != Feature.THREADS) continue;
            int s = in.code;
            BYTES[s] = (byte) in.accessBytes;
            WIDE[s] = in.text.startsWith("i64") || in == Instruction.MEMORY_ATOMIC_WAIT64;
            SHAPE[s] = switch (in) {
                case ATOMIC_FENCE -> FENCE;
                case MEMORY_ATOMIC_NOTIFY -> NOTIFY;
                case MEMORY_ATOMIC_WAIT32, MEMORY_ATOMIC_WAIT64 -> WAIT;
                default -> in.text.contains(".load") ? LOAD : in.text.contains(".store") ? STORE
                        : Atomics.rmwKind(in) == Atomics.CMPXCHG ? CMPXCHG : RMW;
            };
            if (SHAPE[s] == RMW) KIND[s] = (byte) Atomics.rmwKind(in);
        }
    }

    static void translate(Translator t, WasmReader r, Instruction in) {
        int sub = in.code;
        byte shape = SHAPE[sub];
        if (shape == FENCE) {
            r.u8();
            t.emitWith(IrOp.ATOMIC, 0, 0, 0, (long) sub << 32);
            return;
        }
        MemArg ma = MemArg.read(r);
        boolean plain = t.plainMemory(ma.memory());
        int operands = switch (shape) {
            case LOAD -> 1;
            case STORE, RMW, NOTIFY -> 2;
            default -> 3;
        };
        int z = operands == 3 ? t.popValue() : 0;
        int y = operands >= 2 ? t.popValue() : 0;
        int x = t.popValue();
        long ext = (plain ? ma.offset() : ma.memory()) | (long) sub << 32 | (long) z << 40;
        int op = plain ? IrOp.ATOMIC : IrOp.ATOMIC_X;
        if (shape == STORE) {
            t.emitWith(op, 0, x, y, ext);
            if (!plain) t.emitExt(ma.offset());
        } else {
            int dst = t.nextTemp();
            t.produceWith(op, dst, x, y, ext, ma.offset(), plain ? 1 : 2);
            t.pushValue(dst, Translator.NUM);
        }
    }

    /**
     * {@code memory.atomic.wait32/64} for both tiers, bounded by the instance's limits: a deadline
     * ({@code Instance.setTimeout}) shortens the timeout and traps when it passes, and
     * {@code Instance.interrupt()} wakes the wait (see {@code WaiterQueue.wakeAll}) into a trap, as the
     * interrupt polls of running code would.
     */
    public static int await(InstanceState inst, LinearMemory lin, long ea, int n, long expected, long timeoutNanos) {
        long dl = inst.deadlineNanos;
        long timeout = timeoutNanos;
        boolean byDeadline = false;
        if (dl != 0) {
            long left = dl - System.nanoTime();
            if (left <= 0) throw new WasmTrap(TrapKind.INTERRUPTED, "deadline passed");
            if (timeout < 0 || timeout > left) {
                timeout = left;
                byDeadline = true;
            }
        }
        int r = Atomics.await(lin, ea, n, expected, timeout, () -> inst.interruptRequested);
        if (r == WaiterQueue.CANCELLED) {
            inst.interruptRequested = false;
            throw new WasmTrap(TrapKind.INTERRUPTED, "Instance.interrupt() was called");
        }
        if (r == WaiterQueue.TIMED_OUT && byDeadline) throw new WasmTrap(TrapKind.INTERRUPTED, "deadline passed");
        return r;
    }

    /** Runs one {@link IrOp#ATOMIC} or {@link IrOp#ATOMIC_X}; a, b, c are absolute registers. Returns the next pc. */
    static int run(CallStack m, InstanceState inst, boolean plain, int a, int b, int c, long[] code, int pc, int fp) {
        long x = code[pc++];
        int sub = (int) (x >>> 32) & 0xFF;
        long[] regs = m.regs;
        byte shape = SHAPE[sub];
        if (shape == FENCE) {
            Atomics.fence();
            return pc;
        }
        LinearMemory lin;
        long ea;
        if (plain) {
            lin = inst.mem0.lin;
            ea = Atomics.ea32((int) regs[b], x & 0xFFFF_FFFFL);
        } else {
            MemInst mi = inst.mems[(int) x];
            lin = mi.lin;
            ea = mi.ea(regs[b], code[pc++]);
        }
        int n = BYTES[sub];
        long v = switch (shape) {
            case LOAD -> Atomics.load(lin, ea, n);
            case STORE -> {
                Atomics.store(lin, ea, n, regs[c]);
                yield 0;
            }
            case RMW -> Atomics.rmw(lin, ea, n, KIND[sub], regs[c]);
            case CMPXCHG -> Atomics.cmpxchg(lin, ea, n, regs[c], regs[fp + (int) (x >>> 40)]);
            case WAIT -> await(inst, lin, ea, n, regs[c], regs[fp + (int) (x >>> 40)]);
            case NOTIFY -> Atomics.notify(lin, ea, (int) regs[c]);
            default -> throw new IllegalStateException("bad atomic sub-opcode " + sub);
        };
        // i32 results are kept sign-extended, like the other i32 producers.
        if (shape != STORE) regs[a] = WIDE[sub] && shape != WAIT ? v : (int) v;
        return pc;
    }
}
