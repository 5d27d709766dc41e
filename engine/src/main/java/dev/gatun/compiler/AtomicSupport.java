package dev.gatun.compiler;

import dev.gatun.interpreter.AtomicOps;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.memory.LinearMemory;
import dev.gatun.runtime.Atomics;

/**
 * The 0xFE instructions as compiled code calls them: operands in Wasm stack order, then the memarg
 * offset, the access width or rmw kind, and the instance. Each is a thin, inlinable shim over
 * {@link Atomics}, which both tiers share so they cannot disagree.
 */
public final class AtomicSupport {
    private AtomicSupport() {}

    // The width n is a constant at every call site, so once C2 inlines a shim only one branch remains.

    static int load32(int addr, long off, int n, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 4 ? Atomics.load32(lin, addr, off) : n == 2 ? Atomics.load16(lin, addr, off) : Atomics.load8(lin, addr, off);
    }

    static long load64(int addr, long off, int n, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 8 ? Atomics.load64(lin, addr, off) : Atomics.load(lin, addr, off, n);
    }

    static void store32(int addr, int v, long off, int n, InstanceState inst) {
        if (n == 4) Atomics.store32(inst.mem0.lin, addr, off, v);
        else Atomics.store(inst.mem0.lin, addr, off, n, v);
    }

    static void store64(int addr, long v, long off, int n, InstanceState inst) {
        if (n == 8) Atomics.store64(inst.mem0.lin, addr, off, v);
        else Atomics.store(inst.mem0.lin, addr, off, n, v);
    }

    static int rmw32(int addr, int v, long off, int n, int kind, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 4 ? Atomics.rmw32(lin, addr, off, kind, v) : Atomics.rmwNarrow(lin, addr, off, n, kind, v);
    }

    static long rmw64(int addr, long v, long off, int n, int kind, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 8 ? Atomics.rmw64(lin, addr, off, kind, v) : Atomics.rmw(lin, addr, off, n, kind, v);
    }

    static int cmpxchg32(int addr, int expected, int replacement, long off, int n, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 4 ? Atomics.cmpxchg32(lin, addr, off, expected, replacement)
                : Atomics.cmpxchgNarrow(lin, addr, off, n, expected, replacement);
    }

    static long cmpxchg64(int addr, long expected, long replacement, long off, int n, InstanceState inst) {
        LinearMemory lin = inst.mem0.lin;
        return n == 8 ? Atomics.cmpxchg64(lin, addr, off, expected, replacement)
                : Atomics.cmpxchg(lin, addr, off, n, expected, replacement);
    }

    static int wait32(int addr, int expected, long timeout, long off, InstanceState inst) {
        return AtomicOps.await(inst, addr, off, 4, expected, timeout);
    }

    static int wait64(int addr, long expected, long timeout, long off, InstanceState inst) {
        return AtomicOps.await(inst, addr, off, 8, expected, timeout);
    }

    static int notify(int addr, int count, long off, InstanceState inst) {
        return Atomics.notify(inst.mem0.lin, addr, off, count);
    }

    static void fence() { Atomics.fence(); }
}
