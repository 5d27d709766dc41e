package dev.gatun.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Range range;
    private Cleaner.Cleanable cleanable;

    MappedBacking(long limitBytes, long initialBytes) {
        this.reservedBytes = limitBytes + GUARD_BYTES;
        this.base = Reservations.process().reserve(reservedBytes);
        try {
            Mman.adviseHugePages(base, reservedBytes);
            if (initialBytes > 0) Mman.protect(base, initialBytes, Mman.PROT_READ_WRITE);
        } catch (RuntimeException e) {
            try {
                Reservations.process().release(base, reservedBytes, 0);
            } catch (NativeMemoryException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        this.range = new Range(base, reservedBytes, initialBytes);
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
        range.committedBytes = newBytes;
        return whole.reinterpret(newBytes);
    }

    @Override
    public boolean growsInPlace() { return true; }

    @Override
    public void release() {
        arena.close();
        if (cleanable != null) cleanable.clean();
        else range.run();
    }

    /**
     * Registered on the arena's scope, which the owner and every view refer to: when it is unreachable no
     * code can touch the range any more, so it is released without closing the arena (a shared arena's close
     * is a handshake with every thread, far too slow for thousands of forgotten memories).
     */
    @Override
    public Cleaner.Cleanable registerCleanup(Cleaner cleaner, Object owner) {
        cleanable = cleaner.register(whole.scope(), range);
        return cleanable;
    }

    /** The reserved range, released once: by close or by the cleaner. */
    private static final class Range implements Runnable {
        private final long base, size;
        /** Bytes made accessible so far; a pooled range is decommitted up to here. */
        volatile long committedBytes;
        private final AtomicBoolean released = new AtomicBoolean();

        Range(long base, long size, long committedBytes) {
            this.base = base;
            this.size = size;
            this.committedBytes = committedBytes;
        }

        @Override
        public void run() {
            if (released.compareAndSet(false, true)) Reservations.process().release(base, size, committedBytes);
        }
    }

    /** The start of the reserved range; tests check that the pool reuses ranges. */
    long base() { return base; }

    /** The size of the reserved range, guard included. */
    long reservedBytes() { return reservedBytes; }
}
