package dev.gatun.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The reservation-based backing: one {@code mmap(PROT_NONE, MAP_NORESERVE)} of the largest size the memory
 * may ever reach plus a guard region, committed page range by page range with {@code mprotect}. The base
 * never moves and growing never copies; fresh anonymous pages read as zero, as Wasm requires.
 *
 * <p>The guard region is never committed. Every access is checked in Java before it happens, so the guard is
 * defence in depth only: a wrong check lands in {@code PROT_NONE} memory and crashes the process instead of
 * silently reading a neighbour's data.
 */
final class MappedBacking implements Backing {
    /** Uncommitted bytes after the largest possible memory. */
    static final long GUARD_BYTES = 2 * Pages.PAGE_SIZE;

    private final long base;
    private final long reservedBytes;
    private final Arena arena;
    private final MemorySegment whole;

    MappedBacking(long limitBytes, long initialBytes) {
        this.reservedBytes = limitBytes + GUARD_BYTES;
        this.base = Mman.reserve(reservedBytes);
        try {
            Mman.adviseHugePages(base, reservedBytes);
            if (initialBytes > 0) Mman.protect(base, initialBytes, Mman.PROT_READ_WRITE);
        } catch (RuntimeException e) {
            try {
                Mman.unmap(base, reservedBytes);
            } catch (NativeMemoryException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        // A shared arena: the memory may be used from any thread, and closing it invalidates every view
        // (after a handshake with all threads) before the range is unmapped.
        this.arena = Arena.ofShared();
        this.whole = MemorySegment.ofAddress(base).reinterpret(reservedBytes, arena, null);
        this.initial = whole.reinterpret(initialBytes);
    }

    private final MemorySegment initial;

    @Override
    public MemorySegment initialView() { return initial; }

    @Override
    public MemorySegment grow(MemorySegment current, long newBytes) {
        long oldBytes = current.byteSize();
        Mman.protect(base + oldBytes, newBytes - oldBytes, Mman.PROT_READ_WRITE);
        return whole.reinterpret(newBytes);
    }

    @Override
    public boolean growsInPlace() { return true; }

    @Override
    public void release() {
        arena.close();
        Mman.unmap(base, reservedBytes);
    }
}
