package dev.gatun.spark;

import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.WebAssembly;
import dev.gatun.WebAssemblyException;

import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instances of one module under one set of limits in this JVM: at most {@code maxInstances} alive,
 * in use or idle. Thread-safe. A task thread borrows one ({@link #acquire}) for one call or a whole
 * partition; an instance that trapped or broke the memory convention is closed, never handed out again.
 */
public final class InstancePool {
    private static final Map<String, InstancePool> POOLS = new ConcurrentHashMap<>();
    /** How long a borrower waits for a free instance before its task fails. */
    private static final long ACQUIRE_WAIT_SECONDS = Long.getLong("gatun.spark.acquireWaitSeconds", 120);

    private final WasmModuleRef ref;
    private final int max;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<PooledInstance> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final ThreadLocal<TaskLease> taskLeases = new ThreadLocal<>();

    private InstancePool(WasmModuleRef ref) {
        this.ref = ref;
        this.max = ref.maxInstances();
        this.permits = new Semaphore(max);
    }

    static InstancePool of(WasmModuleRef ref) {
        ImportsFactory f = ref.importsFactory();
        String key = ref.sha256() + "/" + ref.memoryPages() + "/" + ref.maxInstances() + "/"
                + (f == null ? "" : f.getClass().getName());
        return POOLS.computeIfAbsent(key, k -> new InstancePool(ref));
    }

    /** Borrows an instance whose calls have no timeout; see {@link WasmModuleRef#borrow()} for the ref's. */
    public WasmInstance acquire() { return acquire(null); }

    /**
     * Borrows an idle instance, or creates one; waits while {@code maxInstances} are in use. Every call
     * through the borrowed instance traps after {@code timeout} (null: no limit).
     */
    public WasmInstance acquire(Duration timeout) {
        if (!permits.tryAcquire()) {
            boolean got;
            try {
                got = permits.tryAcquire(ACQUIRE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WasmUdfException(null, "interrupted while waiting for a wasm instance of " + ref);
            }
            if (!got) {
                throw new WasmUdfException(null, "no wasm instance of " + ref + " free after "
                        + ACQUIRE_WAIT_SECONDS + " s: all " + max + " in use (raise withMaxInstances)");
            }
        }
        PooledInstance w = idle.pollFirst();
        if (w != null) return new WasmInstance(w.lend(timeout));
        try {
            return new WasmInstance(create(timeout));
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private PooledInstance create(Duration timeout) {
        Module module;
        Instance instance;
        try {
            module = ref.module();
        } catch (WebAssemblyException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new WasmUdfException(null, "cannot load wasm module " + ref + ": " + e.getMessage());
        }
        try {
            ImportsFactory f = ref.importsFactory();
            Imports imports = f == null ? Imports.empty() : f.create(module);
            InstanceLimits limits = ref.memoryPages() >= 0 ? InstanceLimits.memoryPages(ref.memoryPages()) : InstanceLimits.NONE;
            instance = WebAssembly.instantiate(module, imports, limits);
        } catch (WebAssemblyException e) {
            throw new WasmUdfException(null, "cannot instantiate wasm module " + ref + ": " + e.getMessage());
        }
        PooledInstance w = new PooledInstance(this, instance).lend(timeout);
        created.incrementAndGet();
        w.initialize();
        return w;
    }

    /**
     * The instance the current task holds on this thread, for every UDF and kernel of this pool it runs:
     * borrowed at the task's first call, returned (or discarded) when the task completes. Calls on one
     * thread never overlap, so one instance serves them all, and a row costs no pool traffic. After a
     * failed call the task gets a fresh instance (if it goes on at all).
     */
    public WasmInstance forTask(TaskContext task, Duration timeout) {
        TaskLease t = taskLeases.get();
        if (t == null || t.attempt != task.taskAttemptId() || t.lease == null) {
            TaskLease fresh = new TaskLease(task.taskAttemptId());
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> fresh.end(taskLeases));
            taskLeases.set(t = fresh);
        }
        if (t.lease != null && t.lease.poisoned()) {
            t.lease.close();
            t.lease = null;
        }
        if (t.lease == null) t.lease = acquire(timeout);
        else t.lease.lend(timeout);
        return t.lease;
    }

    /** One task's instance on one thread; ended by the task's completion listener. */
    private static final class TaskLease {
        final long attempt;
        WasmInstance lease;

        TaskLease(long attempt) { this.attempt = attempt; }

        void end(ThreadLocal<TaskLease> owner) {
            if (lease != null) lease.close();
            lease = null;
            if (owner.get() == this) owner.remove();
        }
    }

    /** Takes a borrowed instance back: idle if healthy, closed if poisoned. */
    void release(PooledInstance w, boolean poisoned) {
        try {
            if (poisoned) {
                discarded.incrementAndGet();
                w.instance().close();
            } else {
                w.disarmForPool();
                idle.addFirst(w); // most recently used first: its memory is likely still in cache
            }
        } finally {
            permits.release();
        }
    }

    /** Counted when an instance's initialization traps: closed before anyone borrowed it. */
    void discardedAtBirth() { discarded.incrementAndGet(); }

    /** Instances this pool created. */
    public long created() { return created.get(); }

    /** Instances closed because a call trapped or broke the memory convention. */
    public long discarded() { return discarded.get(); }

    /** Healthy instances waiting to be borrowed. */
    public int idle() { return idle.size(); }

    /** The most instances alive at once. */
    public int maxInstances() { return max; }
}
