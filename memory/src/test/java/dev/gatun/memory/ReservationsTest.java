package dev.gatun.memory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The process-wide reservation budget, the pool, and release of memories nobody closed. */
class ReservationsTest {
    private static long mappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.count();
        }
    }

    private static void assumeMapped() {
        assumeTrue(LinearMemory.mappingAvailable(), "needs the mmap path");
        ProcStatus.assumeAvailable();
    }

    @Test
    void neverClosedMemoriesAreReleasedByTheCollector() throws Exception {
        assumeMapped();
        long before = mappings();
        // 64,000 memories of 4 GiB reservations each, never closed: about four times what the default budget
        // (64 TiB of address space) holds at once, so the collector must free them in several rounds.
        // -Dgatun.stress.memories=200000 runs the full count (about a minute on two cores).
        int threads = 16, perThread = Integer.getInteger("gatun.stress.memories", 64_000) / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < perThread; i++) {
                        LinearMemory m = LinearMemory.create(1, -1);
                        m.storeI32(0, i);
                        sum += m.loadI32(0);
                    }
                    return sum;
                }));
            }
            long expected = (long) perThread * (perThread - 1) / 2;
            for (Future<Long> f : done) assertEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
        // Far more memories than the budget allows at once were created; the collector freed the rest.
        long after = Long.MAX_VALUE;
        for (int i = 0; i < 50 && after > before + 200; i++) {
            System.gc();
            Thread.sleep(100);
            after = mappings();
        }
        assertTrue(after <= before + 200, "mappings " + before + " before, " + after + " after");
    }

    @Test
    void exhaustedBudgetIsAClearErrorNotACrash() {
        assumeMapped();
        Reservations r = Reservations.process();
        settle(r);   // garbage of other tests must not free room while this one waits for the collector
        long maxCount = r.maxCount(), maxBytes = r.maxBytes();
        List<LinearMemory> alive = new ArrayList<>();
        try {
            r.trimPool();
            r.limits(r.count() + 3, maxBytes);   // room for three more
            for (int i = 0; i < 3; i++) alive.add(LinearMemory.create(1, 1));
            ReservationLimitException e = assertThrows(ReservationLimitException.class,
                    () -> LinearMemory.create(1, 1));
            assertTrue(e.getMessage().contains("gatun.memory.maxReservations"), e.getMessage());
            // Closing one makes room again.
            alive.remove(0).close();
            alive.add(LinearMemory.create(1, 1));
        } finally {
            r.limits(maxCount, maxBytes);
            alive.forEach(LinearMemory::close);
        }
    }

    /** Collects until the cleaner has released every unreachable memory. */
    private static void settle(Reservations r) {
        long last = -1;
        for (int i = 0; i < 50 && r.count() != last; i++) {
            last = r.count();
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void aPooledRangeIsReusedAndReadsAsZero() {
        assumeMapped();
        long base;
        try (LinearMemory m = LinearMemory.create(2, 7)) {   // a size no other test uses
            m.fill(0, (byte) 0x5a, 2 * Pages.PAGE_SIZE);
            base = m.reservationBase();
        }
        try (LinearMemory m = LinearMemory.create(1, 7)) {
            assertEquals(base, m.reservationBase(), "the released range is reused");
            assertEquals(0, m.loadI64(0));
            assertEquals(0, m.loadI64(Pages.PAGE_SIZE - 8));
            assertEquals(1, m.grow(1), "grows over the decommitted page");
            assertEquals(0, m.loadI64(Pages.PAGE_SIZE));
        }
    }

    @Test
    void closeIsPromptAndIdempotentWithTheCleaner() {
        LinearMemory m = LinearMemory.create(1, 1);
        var view = m.segment();
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertThrows(IllegalStateException.class, () -> view.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
    }
}
