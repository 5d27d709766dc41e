package dev.gatun.runtime;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide budget of table elements. Tables live on the heap, so without one a module declaring a
 * few 10-million-element tables per instance runs the whole JVM out of heap (an OutOfMemoryError can hit
 * any thread, not only the one instantiating). Each table's storage is counted while it is reachable: a
 * Cleaner gives its count back once the table is collected, so a never-closed instance releases it too.
 * Default: an eighth of the maximum heap at 8 bytes per element; {@code -Dgatun.maxTableElements} overrides.
 */
final class TableBudget {
    static final long MAX = Long.getLong("gatun.maxTableElements", Runtime.getRuntime().maxMemory() / 64);
    private static final AtomicLong USED = new AtomicLong();
    private static final Cleaner CLEANER = Cleaner.create();

    private TableBudget() {}

    /** One table's share: its element count, given back when the table is collected. */
    static final class Share implements Runnable {
        private final AtomicLong held = new AtomicLong();

        /** Takes n more elements from the budget; false (nothing taken) when they do not fit. */
        boolean take(long n) {
            for (;;) {
                long u = USED.get();
                if (u + n > MAX) return false;
                if (USED.compareAndSet(u, u + n)) { held.addAndGet(n); return true; }
            }
        }

        @Override
        public void run() { USED.addAndGet(-held.getAndSet(0)); }
    }

    static Share register(Object table) {
        Share s = new Share();
        CLEANER.register(table, s);
        return s;
    }

    /** Elements counted now (for tests). */
    static long used() { return USED.get(); }
}
