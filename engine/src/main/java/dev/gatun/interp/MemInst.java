package dev.gatun.interp;

import dev.gatun.Limits;
import dev.gatun.MemoryType;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.OptionalLong;

/**
 * The engine's view of a linear memory: {@link #seg} is exactly the committed bytes, so the segment's
 * own bounds check is the Wasm bounds check; the interpreter reloads it after calls and memory.grow.
 */
public final class MemInst {
    public static final long PAGE = 65536;
    private final OptionalLong declaredMax;
    private final long maxPages;
    private Arena arena;
    public volatile MemorySegment seg;

    public MemInst(MemoryType type) {
        this.declaredMax = type.limits().max();
        this.maxPages = Math.min(declaredMax.orElse(65536), 65536);
        long min = type.limits().min();
        this.arena = Arena.ofShared();
        this.seg = arena.allocate(Math.max(min * PAGE, 0), 16);
    }

    public long pages() { return seg.byteSize() / PAGE; }

    public MemoryType type() { return new MemoryType(new Limits(pages(), declaredMax), false); }

    /** memory.grow: old size in pages, or -1. */
    public synchronized long grow(long delta) {
        long old = pages();
        if (delta < 0 || old + delta > maxPages) return -1;
        if (delta == 0) return old;
        try {
            Arena na = Arena.ofShared();
            MemorySegment ns = na.allocate((old + delta) * PAGE, 16);
            ns.copyFrom(seg);
            Arena oa = arena;
            arena = na;
            seg = ns;
            // Old views may still be in use by a running interpreter frame on another thread: let GC-less
            // shared arenas close only when no longer reachable would need a cleaner; keep it simple and leak-free:
            oa.close();
        } catch (OutOfMemoryError | IllegalStateException e) {
            return -1;
        }
        return old;
    }

    public void close() {
        arena.close();
    }
}
