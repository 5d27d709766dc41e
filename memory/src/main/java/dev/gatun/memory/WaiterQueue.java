package dev.gatun.memory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The waiter lists of one memory, for {@code memory.atomic.wait32/64} and {@code memory.atomic.notify}: per
 * address a FIFO of parked threads. One lock (this object) orders the waits' check-then-enqueue against the
 * notifies, which is what makes a wait and a notify on the same address atomic with respect to each other
 * as the threads proposal requires; the lock is held only for the list operations, never while parked.
 * Waiting parks with {@link LockSupport} (no spinning).
 */
public final class WaiterQueue {
    /** Results of a wait, as the instructions return them. */
    public static final int OK = 0, NOT_EQUAL = 1, TIMED_OUT = 2;
    /** Not an instruction result: the caller's cancellation check came true while parked. */
    public static final int CANCELLED = 3;

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** Set under the lock by the notify that dequeued this waiter. */
        boolean notified;
    }

    private final Map<Long, ArrayDeque<Waiter>> queues = new HashMap<>();

    WaiterQueue() {}

    /**
     * Parks the calling thread on {@code address} if {@code stillExpected} (read under the lock, so no notify
     * can slip between the check and the enqueue) returns nonzero, until a notify wakes it, the timeout
     * passes, the thread is interrupted or, checked whenever the thread wakes, {@code cancelled} is true
     * ({@link #wakeAll} wakes every waiter to check it).
     *
     * @param timeoutNanos relative timeout, negative for none
     * @return {@link #OK} when notified, {@link #NOT_EQUAL} when the value differed, {@link #TIMED_OUT},
     *         or {@link #CANCELLED}
     * @throws InterruptedException if the thread was interrupted while parked (it is no longer queued then)
     */
    public int await(long address, LongSupplier stillExpected, long timeoutNanos, BooleanSupplier cancelled)
            throws InterruptedException {
        Waiter w = new Waiter();
        synchronized (this) {
            if (stillExpected.getAsLong() == 0) return NOT_EQUAL;
            queues.computeIfAbsent(address, k -> new ArrayDeque<>()).add(w);
        }
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        boolean interrupted = false, cancel = false;
        for (;;) {
            synchronized (this) {
                if (w.notified) break;
            }
            if (Thread.interrupted()) {
                interrupted = true;
                break;
            }
            if (cancelled.getAsBoolean()) {
                cancel = true;
                break;
            }
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                LockSupport.parkNanos(this, left);
            }
        }
        synchronized (this) {
            // A notify that came after the timeout or the interrupt still counts: it already dequeued us.
            if (w.notified) {
                if (interrupted) Thread.currentThread().interrupt();
                return OK;
            }
            ArrayDeque<Waiter> q = queues.get(address);
            if (q != null) {
                q.remove(w);
                if (q.isEmpty()) queues.remove(address);
            }
        }
        if (interrupted) throw new InterruptedException("interrupted in memory.atomic.wait");
        return cancel ? CANCELLED : TIMED_OUT;
    }

    /** Wakes up to {@code count} threads waiting on {@code address}, oldest first; returns how many. */
    public int notify(long address, long count) {
        int woken = 0;
        synchronized (this) {
            ArrayDeque<Waiter> q = queues.get(address);
            if (q == null) return 0;
            while (woken < count && !q.isEmpty()) {
                Waiter w = q.poll();
                w.notified = true;
                LockSupport.unpark(w.thread);
                woken++;
            }
            if (q.isEmpty()) queues.remove(address);
        }
        return woken;
    }

    /** Wakes every waiting thread without notifying it, so that each checks its cancellation condition. */
    public synchronized void wakeAll() {
        for (ArrayDeque<Waiter> q : queues.values()) {
            for (Waiter w : q) LockSupport.unpark(w.thread);
        }
    }

    /** Threads currently waiting on {@code address}, for tests. */
    public synchronized int waiting(long address) {
        ArrayDeque<Waiter> q = queues.get(address);
        return q == null ? 0 : q.size();
    }
}
