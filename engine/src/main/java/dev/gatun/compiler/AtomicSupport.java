package dev.gatun.compiler;

import dev.gatun.interpreter.AtomicOps;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.memory.LinearMemory;
import dev.gatun.runtime.Atomics;

/**
 * The 0xFE instructions as compiled code calls them. Each is a thin, inlinable shim over {@link Atomics},
 * which both tiers share so they cannot disagree.
 *
 * <p>Two flavours: on a 32-bit memory 0 (the common case) the operands come in Wasm stack order, then the
 * memarg offset, the access width or rmw kind, and the instance. On any other memory (multi-memory,
 * memory64) the code has already turned address and offset into a checked effective address
 * ({@code CompiledSupport.ea}), which comes first, and the memory index sits before the instance.
 */
public final class AtomicSupport {
    private AtomicSupport() {}

    // The width n is a constant at every call site, so once C2 inlines a shim only one branch remains.

    private static LinearMemory lin(int k, InstanceState inst) { return inst.mems[k].lin; }

    private static int ld32(LinearMemory lin, long ea, int n) {
        return n == 4 ? Atomics.load32(lin, ea) : n == 2 ? Atomics.load16(lin, ea) : Atomics.load8(lin, ea);
    }

    private static long ld64(LinearMemory lin, long ea, int n) {
        return n == 8 ? Atomics.load64(lin, ea) : Atomics.load(lin, ea, n);
    }

    private static void st32(LinearMemory lin, long ea, int v, int n) {
        if (n == 4) Atomics.store32(lin, ea, v);
        else Atomics.store(lin, ea, n, v);
    }

    private static void st64(LinearMemory lin, long ea, long v, int n) {
        if (n == 8) Atomics.store64(lin, ea, v);
        else Atomics.store(lin, ea, n, v);
    }

    private static int rmw32(LinearMemory lin, long ea, int v, int n, int kind) {
        return n == 4 ? Atomics.rmw32(lin, ea, kind, v) : Atomics.rmwNarrow(lin, ea, n, kind, v);
    }

    private static long rmw64(LinearMemory lin, long ea, long v, int n, int kind) {
        return n == 8 ? Atomics.rmw64(lin, ea, kind, v) : Atomics.rmw(lin, ea, n, kind, v);
    }

    private static int cx32(LinearMemory lin, long ea, int expected, int replacement, int n) {
        return n == 4 ? Atomics.cmpxchg32(lin, ea, expected, replacement)
                : Atomics.cmpxchgNarrow(lin, ea, n, expected, replacement);
    }

    private static long cx64(LinearMemory lin, long ea, long expected, long replacement, int n) {
        return n == 8 ? Atomics.cmpxchg64(lin, ea, expected, replacement) : Atomics.cmpxchg(lin, ea, n, expected, replacement);
    }

    // ---- a 32-bit memory 0

    static int load32(int addr, long off, int n, InstanceState inst) { return ld32(inst.mem0.lin, Atomics.ea32(addr, off), n); }

    static long load64(int addr, long off, int n, InstanceState inst) { return ld64(inst.mem0.lin, Atomics.ea32(addr, off), n); }

    static void store32(int addr, int v, long off, int n, InstanceState inst) { st32(inst.mem0.lin, Atomics.ea32(addr, off), v, n); }

    static void store64(int addr, long v, long off, int n, InstanceState inst) { st64(inst.mem0.lin, Atomics.ea32(addr, off), v, n); }

    static int rmw32(int addr, int v, long off, int n, int kind, InstanceState inst) {
        return rmw32(inst.mem0.lin, Atomics.ea32(addr, off), v, n, kind);
    }

    static long rmw64(int addr, long v, long off, int n, int kind, InstanceState inst) {
        return rmw64(inst.mem0.lin, Atomics.ea32(addr, off), v, n, kind);
    }

    static int cmpxchg32(int addr, int expected, int replacement, long off, int n, InstanceState inst) {
        return cx32(inst.mem0.lin, Atomics.ea32(addr, off), expected, replacement, n);
    }

    static long cmpxchg64(int addr, long expected, long replacement, long off, int n, InstanceState inst) {
        return cx64(inst.mem0.lin, Atomics.ea32(addr, off), expected, replacement, n);
    }

    static int wait32(int addr, int expected, long timeout, long off, InstanceState inst) {
        return AtomicOps.await(inst, inst.mem0.lin, Atomics.ea32(addr, off), 4, expected, timeout);
    }

    static int wait64(int addr, long expected, long timeout, long off, InstanceState inst) {
        return AtomicOps.await(inst, inst.mem0.lin, Atomics.ea32(addr, off), 8, expected, timeout);
    }

    static int notify(int addr, int count, long off, InstanceState inst) {
        return Atomics.notify(inst.mem0.lin, Atomics.ea32(addr, off), count);
    }

    // ---- any memory k, at a checked effective address

    static int load32At(long ea, int n, int k, InstanceState inst) { return ld32(lin(k, inst), ea, n); }

    static long load64At(long ea, int n, int k, InstanceState inst) { return ld64(lin(k, inst), ea, n); }

    static void store32At(long ea, int v, int n, int k, InstanceState inst) { st32(lin(k, inst), ea, v, n); }

    static void store64At(long ea, long v, int n, int k, InstanceState inst) { st64(lin(k, inst), ea, v, n); }

    static int rmw32At(long ea, int v, int n, int kind, int k, InstanceState inst) { return rmw32(lin(k, inst), ea, v, n, kind); }

    static long rmw64At(long ea, long v, int n, int kind, int k, InstanceState inst) { return rmw64(lin(k, inst), ea, v, n, kind); }

    static int cmpxchg32At(long ea, int expected, int replacement, int n, int k, InstanceState inst) {
        return cx32(lin(k, inst), ea, expected, replacement, n);
    }

    static long cmpxchg64At(long ea, long expected, long replacement, int n, int k, InstanceState inst) {
        return cx64(lin(k, inst), ea, expected, replacement, n);
    }

    static int wait32At(long ea, int expected, long timeout, int k, InstanceState inst) {
        return AtomicOps.await(inst, lin(k, inst), ea, 4, expected, timeout);
    }

    static int wait64At(long ea, long expected, long timeout, int k, InstanceState inst) {
        return AtomicOps.await(inst, lin(k, inst), ea, 8, expected, timeout);
    }

    static int notifyAt(long ea, int count, int k, InstanceState inst) { return Atomics.notify(lin(k, inst), ea, count); }

    static void fence() { Atomics.fence(); }
}
