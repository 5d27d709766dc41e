package dev.gatun.runtime;

import dev.gatun.memory.LinearMemory;

import java.lang.foreign.MemorySegment;

/**
 * The engine's handle on a linear memory. The interpreter reads {@link LinearMemory#segment()} (exactly
 * the committed bytes, so the segment's own bounds check is the Wasm bounds check) and reloads it after
 * calls and memory.grow.
 */
public final class MemInst {
    public final LinearMemory lin;
    /** Asked before each memory.grow the module executes, or null. */
    public GrowLimiter limiter;

    /** {@code lin} is the bytes of a public Memory (which does not expose them); the API keeps the Memory itself. */
    public MemInst(LinearMemory lin) {
        this.lin = lin;
    }

    MemorySegment seg() { return lin.segment(); }

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
}
