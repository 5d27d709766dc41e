package dev.gatun.runtime;

import dev.gatun.memory.LinearMemory;
import dev.gatun.memory.WaiterQueue;
import dev.gatun.model.Instruction;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.BooleanSupplier;

/**
 * The threads proposal's atomic instructions over a linear memory, shared by the interpreter and compiled
 * code. Every access goes through an aligned-layout {@link VarHandle} in volatile mode (or an atomic
 * read-modify-write), which the JMM makes sequentially consistent, as the Wasm memory model requires of
 * atomics. Each call re-reads the memory's published view: atomics are how threads synchronise, so an
 * access after another thread's {@code memory.grow} (ordered before it by that synchronisation) must see
 * the new size, whatever view the caller cached.
 *
 * <p>Aligned var handles support compare-and-set only on 4- and 8-byte carriers, so 8- and 16-bit
 * read-modify-writes run as a compare-and-set loop on the aligned 4-byte word that contains them (a memory
 * is a whole number of pages, so that word is always inside it).
 */
public final class Atomics {
    private Atomics() {}

    private static final VarHandle I8 = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle I16 = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle I32 = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle I64 = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    /** Read-modify-write operations, in the instruction table's order. */
    public static final int ADD = 0, SUB = 1, AND = 2, OR = 3, XOR = 4, XCHG = 5, CMPXCHG = 6;

    /** The rmw operation of an {@code *.atomic.rmw*} instruction, from its name. */
    public static int rmwKind(Instruction in) {
        String op = in.text.substring(in.text.lastIndexOf('.') + 1);
        return switch (op) {
            case "add", "add_u" -> ADD;
            case "sub", "sub_u" -> SUB;
            case "and", "and_u" -> AND;
            case "or", "or_u" -> OR;
            case "xor", "xor_u" -> XOR;
            case "xchg", "xchg_u" -> XCHG;
            case "cmpxchg", "cmpxchg_u" -> CMPXCHG;
            default -> throw new IllegalArgumentException(in + " is not an atomic read-modify-write");
        };
    }

    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (bytes * 8)) - 1;
    }

    /**
     * The effective address of an access to a 32-bit memory: below 2^33, so never wrapping. Memory64 and
     * other memories compute theirs with {@link MemInst#ea}, which traps an unsigned wrap.
     */
    public static long ea32(int addr, long offset) { return (addr & 0xFFFF_FFFFL) + offset; }

    /**
     * The current view, after checking {@code [ea, ea + n)} is inside it (first) and naturally aligned.
     * {@code ea} is never negative (see {@link MemInst#ea}), so the comparison is exact at the top of the
     * address range; an empty memory gives a negative bound, which every address exceeds.
     */
    private static MemorySegment at(LinearMemory lin, long ea, int n) {
        MemorySegment s = lin.segment();
        if (ea > s.byteSize() - n) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        if ((ea & (n - 1)) != 0) throw new WasmTrap(TrapKind.UNALIGNED_ATOMIC);
        return s;
    }

    /** {@code *.atomic.load*}: the {@code n}-byte value at the address, zero-extended. */
    public static long load(LinearMemory lin, long ea, int n) {
        return switch (n) {
            case 1 -> load8(lin, ea);
            case 2 -> load16(lin, ea);
            case 4 -> load32(lin, ea) & 0xFFFF_FFFFL;
            default -> load64(lin, ea);
        };
    }

    // One small method per width, so that compiled code, which knows the width, calls one C2 can inline.

    public static int load8(LinearMemory lin, long ea) {
        return (byte) I8.getVolatile(at(lin, ea, 1), ea) & 0xFF;
    }

    public static int load16(LinearMemory lin, long ea) {
        return (short) I16.getVolatile(at(lin, ea, 2), ea) & 0xFFFF;
    }

    public static int load32(LinearMemory lin, long ea) {
        return (int) I32.getVolatile(at(lin, ea, 4), ea);
    }

    public static long load64(LinearMemory lin, long ea) {
        return (long) I64.getVolatile(at(lin, ea, 8), ea);
    }

    /** {@code *.atomic.store*}: stores the low {@code n} bytes of {@code v}. */
    public static void store(LinearMemory lin, long ea, int n, long v) {
        switch (n) {
            case 1 -> I8.setVolatile(at(lin, ea, 1), ea, (byte) v);
            case 2 -> I16.setVolatile(at(lin, ea, 2), ea, (short) v);
            case 4 -> store32(lin, ea, (int) v);
            default -> store64(lin, ea, v);
        }
    }

    public static void store32(LinearMemory lin, long ea, int v) {
        I32.setVolatile(at(lin, ea, 4), ea, v);
    }

    public static void store64(LinearMemory lin, long ea, long v) {
        I64.setVolatile(at(lin, ea, 8), ea, v);
    }

    /** {@code *.atomic.rmw*.op}: applies {@code kind} with {@code v}; returns the old value, zero-extended. */
    public static long rmw(LinearMemory lin, long ea, int n, int kind, long v) {
        return switch (n) {
            case 4 -> rmw32(lin, ea, kind, (int) v) & 0xFFFF_FFFFL;
            case 8 -> rmw64(lin, ea, kind, v);
            default -> rmwNarrow(lin, ea, n, kind, (int) v);
        };
    }

    public static int rmw32(LinearMemory lin, long ea, int kind, int v) {
        MemorySegment s = at(lin, ea, 4);
        return switch (kind) {
            case ADD -> (int) I32.getAndAdd(s, ea, v);
            case SUB -> (int) I32.getAndAdd(s, ea, -v);
            case AND -> (int) I32.getAndBitwiseAnd(s, ea, v);
            case OR -> (int) I32.getAndBitwiseOr(s, ea, v);
            case XOR -> (int) I32.getAndBitwiseXor(s, ea, v);
            default -> (int) I32.getAndSet(s, ea, v);
        };
    }

    public static long rmw64(LinearMemory lin, long ea, int kind, long v) {
        MemorySegment s = at(lin, ea, 8);
        return switch (kind) {
            case ADD -> (long) I64.getAndAdd(s, ea, v);
            case SUB -> (long) I64.getAndAdd(s, ea, -v);
            case AND -> (long) I64.getAndBitwiseAnd(s, ea, v);
            case OR -> (long) I64.getAndBitwiseOr(s, ea, v);
            case XOR -> (long) I64.getAndBitwiseXor(s, ea, v);
            default -> (long) I64.getAndSet(s, ea, v);
        };
    }

    /** An 8- or 16-bit rmw as a compare-and-set loop on its aligned 4-byte word; the old value, zero-extended. */
    public static int rmwNarrow(LinearMemory lin, long ea, int n, int kind, int v) {
        MemorySegment s = at(lin, ea, n);
        long word = ea & ~3L;
        int shift = (int) (ea & 3) * 8;
        int m = (int) mask(n);
        for (;;) {
            int w = (int) I32.getVolatile(s, word);
            int cur = (w >>> shift) & m;
            int next = switch (kind) {
                case ADD -> cur + v;
                case SUB -> cur - v;
                case AND -> cur & v;
                case OR -> cur | v;
                case XOR -> cur ^ v;
                default -> v;
            } & m;
            if (I32.compareAndSet(s, word, w, (w & ~(m << shift)) | next << shift)) return cur;
        }
    }

    /**
     * {@code *.atomic.rmw*.cmpxchg}: stores {@code replacement} if the value equals {@code expected} wrapped
     * to {@code n} bytes; returns the value read, zero-extended.
     */
    public static long cmpxchg(LinearMemory lin, long ea, int n, long expected, long replacement) {
        return switch (n) {
            case 4 -> cmpxchg32(lin, ea, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
            case 8 -> cmpxchg64(lin, ea, expected, replacement);
            default -> cmpxchgNarrow(lin, ea, n, (int) expected, (int) replacement);
        };
    }

    public static int cmpxchg32(LinearMemory lin, long ea, int expected, int replacement) {
        return (int) I32.compareAndExchange(at(lin, ea, 4), ea, expected, replacement);
    }

    public static long cmpxchg64(LinearMemory lin, long ea, long expected, long replacement) {
        return (long) I64.compareAndExchange(at(lin, ea, 8), ea, expected, replacement);
    }

    public static int cmpxchgNarrow(LinearMemory lin, long ea, int n, int expected, int replacement) {
        MemorySegment s = at(lin, ea, n);
        long word = ea & ~3L;
        int shift = (int) (ea & 3) * 8;
        int m = (int) mask(n);
        int exp = expected & m;
        for (;;) {
            int w = (int) I32.getVolatile(s, word);
            int cur = (w >>> shift) & m;
            if (cur != exp) return cur;
            if (I32.compareAndSet(s, word, w, (w & ~(m << shift)) | (replacement & m) << shift)) return cur;
        }
    }

    /**
     * {@code memory.atomic.wait32/64}: 0 when woken by a notify, 1 when the value is not {@code expected},
     * 2 after {@code timeoutNanos} (negative: no timeout), or {@link WaiterQueue#CANCELLED} when
     * {@code cancelled} came true (the caller traps). Traps on an unshared memory and on a thread the
     * embedder does not allow to block; an interrupt of the Java thread ends the wait with a trap.
     */
    public static int await(LinearMemory lin, long ea, int n, long expected, long timeoutNanos,
                            BooleanSupplier cancelled) {
        at(lin, ea, n);
        if (!lin.shared()) throw new WasmTrap(TrapKind.EXPECTED_SHARED_MEMORY);
        if (!Agent.canBlock()) throw new WasmTrap(TrapKind.WAIT_NOT_ALLOWED);
        long want = expected & mask(n);
        try {
            return lin.waiters().await(ea, () -> load(lin, ea, n) == want ? 1 : 0,
                    timeoutNanos, cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasmTrap(TrapKind.INTERRUPTED, "thread interrupted in memory.atomic.wait");
        }
    }

    /** {@code memory.atomic.notify}: wakes up to {@code count} (unsigned) waiters; 0 on an unshared memory. */
    public static int notify(LinearMemory lin, long ea, int count) {
        at(lin, ea, 4);
        if (!lin.shared()) return 0;
        return lin.waiters().notify(ea, count & 0xFFFF_FFFFL);
    }

    /** {@code atomic.fence}. */
    public static void fence() { VarHandle.fullFence(); }
}
