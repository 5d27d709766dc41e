package dev.gatun.runtime;

import dev.gatun.memory.LinearMemory;

import java.lang.foreign.MemorySegment;

/**
 * The engine's handle on a linear memory. The interpreter reads {@link LinearMemory#segment()} (exactly
 * the committed bytes, so the segment's own bounds check is the Wasm bounds check) and reloads it after
 * calls and memory.grow.
 *
 * <p>The static helpers are the operations both tiers share for memories other than a 32-bit memory 0
 * (multi-memory, memory64) and for the bulk instructions: operands arrive as the raw 64-bit register
 * values (an i32 sign-extended), so each helper masks them by the memory's address type.
 */
public final class MemInst {
    public final LinearMemory lin;
    /** A memory64 memory: addresses, sizes and deltas are i64. */
    public final boolean address64;
    /** Asked before each memory.grow the module executes, or null. */
    public GrowLimiter limiter;

    /** {@code lin} is the bytes of a public Memory (which does not expose them); the API keeps the Memory itself. */
    public MemInst(LinearMemory lin) {
        this.lin = lin;
        this.address64 = lin.address64();
    }

    public MemorySegment seg() { return lin.segment(); }

    public long pages() { return lin.pages(); }

    /** memory.grow with an unsigned page delta: old size in pages, or -1 (also when the limiter refuses). */
    public long grow(long delta) {
        GrowLimiter l = limiter;
        if (l != null) {
            long cur = lin.pages();
            if (!l.allow(cur, cur + delta, lin.limitPages())) return -1;
        }
        return lin.grow(delta);
    }


    /** An operand of address type as an unsigned value: i32 values are held sign-extended, so mask them. */
    public long address(long raw) { return address64 ? raw : raw & 0xFFFF_FFFFL; }

    /**
     * The effective address {@code address + offset} of an access. For memory64 the sum can pass 2^64 (an
     * unsigned wrap, which must trap rather than access a low address) or 2^63 (a negative Java offset, which
     * the segment rejects): both trap here or in the segment. A 32-bit sum is below 2^33 and never wraps.
     */
    public long ea(long raw, long offset) {
        if (!address64) return (raw & 0xFFFF_FFFFL) + offset;
        long ea = raw + offset;
        if (Long.compareUnsigned(ea, raw) < 0 || ea < 0) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        return ea;
    }

    /** memory.size in the memory's address type (an i32 result fits: at most 65536). */
    public long size() { return lin.pages(); }

    /** memory.grow of a raw delta operand: the old size, or -1 in the address type. */
    public long growRaw(long raw) {
        long delta = address(raw);
        if (delta < 0) return -1;                     // above 2^63 pages: beyond any memory
        long old = grow(delta);
        return address64 || old >= 0 ? old : -1;
    }

    /** Whether [at, at + n) lies outside {@code size} bytes, all unsigned, without overflow. */
    static boolean outside(long at, long n, long size) {
        return Long.compareUnsigned(n, size) > 0 || Long.compareUnsigned(at, size - n) > 0;
    }

    /** memory.init: d in the memory's address type, s and n i32. */
    public static void init(MemInst m, byte[] data, long d, long s, long n) {
        MemorySegment mem = m.seg();
        d = m.address(d);
        s &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        if (s + n > data.length || outside(d, n, mem.byteSize())) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        MemorySegment.copy(MemorySegment.ofArray(data), s, mem, d, n);
    }

    /** memory.copy between any two memories; n is i64 only when both are memory64. */
    public static void copy(MemInst dst, MemInst src, long d, long s, long n) {
        MemorySegment dm = dst.seg(), sm = src.seg();
        d = dst.address(d);
        s = src.address(s);
        n = dst.address64 && src.address64 ? n : n & 0xFFFF_FFFFL;
        if (outside(s, n, sm.byteSize()) || outside(d, n, dm.byteSize())) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        MemorySegment.copy(sm, s, dm, d, n);
    }

    /** memory.fill: d and n in the memory's address type. */
    public static void fill(MemInst m, long d, int value, long n) {
        MemorySegment mem = m.seg();
        d = m.address(d);
        n = m.address(n);
        if (outside(d, n, mem.byteSize())) throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        mem.asSlice(d, n).fill((byte) value);
    }
}
