package dev.gatun.compiler;

import dev.gatun.interpreter.InstanceState;
import dev.gatun.runtime.Atomics;

/**
 * The 0xFE instructions as compiled code calls them: operands in Wasm stack order, then the memarg
 * offset, the access width or rmw kind, and the instance. Each is a thin, inlinable shim over
 * {@link Atomics}, which both tiers share so they cannot disagree.
 */
public final class AtomicSupport {
    private AtomicSupport() {}

    static int load32(int addr, long off, int n, InstanceState inst) {
        return (int) Atomics.load(inst.mem0.lin, addr, off, n);
    }

    static long load64(int addr, long off, int n, InstanceState inst) {
        return Atomics.load(inst.mem0.lin, addr, off, n);
    }

    static void store32(int addr, int v, long off, int n, InstanceState inst) {
        Atomics.store(inst.mem0.lin, addr, off, n, v);
    }

    static void store64(int addr, long v, long off, int n, InstanceState inst) {
        Atomics.store(inst.mem0.lin, addr, off, n, v);
    }

    static int rmw32(int addr, int v, long off, int n, int kind, InstanceState inst) {
        return (int) Atomics.rmw(inst.mem0.lin, addr, off, n, kind, v);
    }

    static long rmw64(int addr, long v, long off, int n, int kind, InstanceState inst) {
        return Atomics.rmw(inst.mem0.lin, addr, off, n, kind, v);
    }

    static int cmpxchg32(int addr, int expected, int replacement, long off, int n, InstanceState inst) {
        return (int) Atomics.cmpxchg(inst.mem0.lin, addr, off, n, expected, replacement);
    }

    static long cmpxchg64(int addr, long expected, long replacement, long off, int n, InstanceState inst) {
        return Atomics.cmpxchg(inst.mem0.lin, addr, off, n, expected, replacement);
    }

    static int wait32(int addr, int expected, long timeout, long off, InstanceState inst) {
        return Atomics.await(inst.mem0.lin, addr, off, 4, expected, timeout);
    }

    static int wait64(int addr, long expected, long timeout, long off, InstanceState inst) {
        return Atomics.await(inst.mem0.lin, addr, off, 8, expected, timeout);
    }

    static int notify(int addr, int count, long off, InstanceState inst) {
        return Atomics.notify(inst.mem0.lin, addr, off, count);
    }

    static void fence() { Atomics.fence(); }
}
