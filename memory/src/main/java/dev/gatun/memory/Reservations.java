package dev.gatun.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide budget of linear-memory reservations, and a pool of released ones for reuse.
 *
 * <p>Why a budget: every mapped memory takes a few GiB of address space and two kernel mappings. Without a
 * limit, a program that creates instances faster than it closes them (or never closes them) runs the process
 * out of mappings ({@code vm.max_map_count}); the kernel then refuses the JVM's own {@code mmap}s and the JVM
 * aborts. With it, creating a memory beyond the budget first asks the garbage collector to free unreachable
 * memories (their {@link java.lang.ref.Cleaner} actions release them here), waits a bounded time, and then
 * fails with {@link ReservationLimitException}, a clear error, instead of a crash.
 *
 * <p>Why a pool: released reservations of the common sizes are kept (decommitted: no physical memory, pages
 * read as zero again) and handed to the next memory of the same size, which saves the {@code mmap} and the
 * page-table set-up of a fresh range, as wasmtime's pooling allocator does. Pooled ranges count against the
 * budget and are unmapped first when it runs short.
 *
 * <p>Defaults: at most {@code (vm.max_map_count - 16384) / 2} reservations (headroom for the JVM's own
 * mappings) and 64 TiB, or half of {@code RLIMIT_AS} when the process has one. System properties
 * {@code gatun.memory.maxReservations} and {@code gatun.memory.maxReservedBytes} override them.
 */
final class Reservations {
    /** Mappings the JVM and native libraries keep for themselves. */
    private static final long MAP_HEADROOM = 16_384;
    /** How long a creation waits for the collector to free unreachable memories before it fails. */
    private static final long GC_WAIT_MILLIS = Long.getLong("gatun.memory.gcWaitMillis", 5_000);
    /** Most pooled ranges kept, over all sizes. */
    private static final int POOL_MAX = Integer.getInteger("gatun.memory.poolSize", 64);

    private static final Reservations PROCESS = new Reservations(
            Long.getLong("gatun.memory.maxReservations", defaultMaxCount()),
            Long.getLong("gatun.memory.maxReservedBytes", defaultMaxBytes()));

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long maxCount;
    private long maxBytes;
    /** Reservations in use or pooled, and their bytes. */
    private long count, bytes;
    private final Map<Long, ArrayDeque<Long>> pool = new HashMap<>();
    private int pooled;
    /** Counts releases, so a waiting creation can tell that the collector is making progress. */
    private long releases;
    /** When a waiting creation last asked for a collection: one asks at a time, the others wait for its result. */
    private long lastGcNanos;
    // Not shorter: each System.gc() stops every thread, and the Cleaner thread needs the time between two
    // collections to release what the first one found (under load, back-to-back collections starved it
    // until a waiting creation gave up with memories still waiting to be released).
    private static final long GC_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    Reservations(long maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    static Reservations process() { return PROCESS; }

    /**
     * A reserved, inaccessible range of {@code size} bytes: a pooled one or a new {@code mmap}.
     *
     * @throws ReservationLimitException when the budget stays exhausted after a collection
     * @throws NativeMemoryException     when {@code mmap} fails
     */
    long reserve(long size) {
        lock.lock();
        try {
            ArrayDeque<Long> free = pool.get(size);
            if (free != null && !free.isEmpty()) {
                pooled--;
                return free.pop();
            }
            if (size > maxBytes)   // could never fit: no point waiting for the collector
                throw new ReservationLimitException(size, count, maxCount, bytes, maxBytes);
            if (!fits(size)) makeRoom(size);
            count++;
            bytes += size;
        } finally {
            lock.unlock();
        }
        try {
            return Mman.reserve(size);
        } catch (RuntimeException e) {
            forget(size);
            throw e;
        }
    }

    /**
     * Gives back a range obtained from {@link #reserve}; its first {@code committed} bytes are accessible.
     * The range is pooled when there is room (decommitted first), else unmapped.
     */
    void release(long base, long size, long committed) {
        boolean keep;
        lock.lock();
        try {
            keep = pooled < POOL_MAX;
            if (keep) pooled++;   // claims the slot; the range enters the pool once decommitted
        } finally {
            lock.unlock();
        }
        if (keep) {
            try {
                if (committed > 0) {
                    Mman.protect(base, committed, Mman.PROT_NONE);
                    Mman.discard(base, committed);
                }
            } catch (NativeMemoryException e) {
                keep = false;
                lock.lock();
                try {
                    pooled--;
                } finally {
                    lock.unlock();
                }
            }
        }
        if (keep) {
            lock.lock();
            try {
                pool.computeIfAbsent(size, k -> new ArrayDeque<>()).push(base);
                releases++;
                released.signalAll();
            } finally {
                lock.unlock();
            }
            return;
        }
        try {
            Mman.unmap(base, size);
        } finally {
            forget(size);
        }
    }

    private void forget(long size) {
        lock.lock();
        try {
            count--;
            bytes -= size;
            releases++;
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean fits(long size) {
        return count < maxCount && size <= maxBytes - bytes;
    }

    /**
     * Called with the lock held: evicts pooled ranges, then lets the collector free memories, and gives up only
     * after a whole wait in which nothing was released (other threads may take what was freed first).
     */
    private void makeRoom(long size) {
        evictPooled(size);
        if (fits(size)) return;
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(GC_WAIT_MILLIS);
        long deadline = System.nanoTime() + waitNanos;
        long seen = releases;
        long pause = 1;
        while (!fits(size)) {
            if (releases != seen) {
                seen = releases;
                deadline = System.nanoTime() + waitNanos;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0)
                throw new ReservationLimitException(size, count, maxCount, bytes, maxBytes);
            long now = System.nanoTime();
            if (now - lastGcNanos >= GC_INTERVAL_NANOS) {
                lastGcNanos = now;
                lock.unlock();
                try {
                    // Unreachable memories are released by their Cleaner once a collection has found them.
                    System.gc();
                } finally {
                    lock.lock();
                }
                if (fits(size)) break;
            }
            try {
                released.await(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReservationLimitException(size, count, maxCount, bytes, maxBytes);
            }
            pause = Math.min(pause * 2, 64);
            evictPooled(size);
        }
    }

    /** Unmaps pooled ranges (lock held) until {@code size} fits or the pool is empty. */
    private void evictPooled(long size) {
        for (var e : pool.entrySet()) {
            long rangeSize = e.getKey();
            ArrayDeque<Long> free = e.getValue();
            while (!fits(size) && !free.isEmpty()) {
                long base = free.pop();
                pooled--;
                try {
                    Mman.unmap(base, rangeSize);
                } catch (NativeMemoryException ignored) {
                    // The range is lost to this process either way; the budget must not keep counting it.
                }
                count--;
                bytes -= rangeSize;
            }
            if (fits(size)) return;
        }
    }

    /** Unmaps every pooled range. */
    void trimPool() {
        lock.lock();
        try {
            evictPooled(Long.MAX_VALUE);   // a size that never fits: evicts all
        } finally {
            lock.unlock();
        }
    }

    /** Reservations held (in use or pooled). */
    long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Ranges in the pool. */
    int pooled() {
        lock.lock();
        try {
            return pooled;
        } finally {
            lock.unlock();
        }
    }

    /** Changes the limits; tests use it to exhaust a small budget. */
    void limits(long maxCount, long maxBytes) {
        lock.lock();
        try {
            this.maxCount = maxCount;
            this.maxBytes = maxBytes;
        } finally {
            lock.unlock();
        }
    }

    long maxCount() { return maxCount; }

    long maxBytes() { return maxBytes; }

    private static long defaultMaxCount() {
        long maps = readLong(Path.of("/proc/sys/vm/max_map_count"), 65_530);
        return Math.max(64, (maps - MAP_HEADROOM) / 2);
    }

    private static long defaultMaxBytes() {
        long budget = 64L << 40;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (!line.startsWith("Max address space")) continue;
                String[] f = line.substring("Max address space".length()).trim().split("\\s+");
                if (!f[0].equals("unlimited")) budget = Math.min(budget, Long.parseLong(f[0]) / 2);
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or an unexpected format: keep the default.
        }
        return budget;
    }

    private static long readLong(Path p, long fallback) {
        try {
            // Not readString: on procfs it trusts the reported size and can return a truncated value.
            return Long.parseLong(Files.readAllLines(p).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }
}
