package dev.gatun.tiering;

import dev.gatun.compiler.Compiler;
import dev.gatun.interpreter.CompiledCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tiered execution of a big module: tier 2 compiles the functions that get hot, not the whole module.
 * A function's heat counts the interpreter's work in it in events (back-edges and calls): the run loop's
 * polls, one per {@link dev.gatun.interpreter.Interpreter#BUDGET} events, are samples that give the
 * function running then that many, and each call that enters the interpreter from compiled code gives
 * its callee one (a short callee of compiled code returns before any poll). At {@link #THRESHOLD} it is
 * queued: by then interpreting it has cost about what compiling it does. A compiler thread takes everything queued as one batch, one
 * class ({@link Compiler.Batches}), and publishes it; what got hot meanwhile is the next batch. So compile
 * work (Gatun's and the JIT's, which grows with the bytecode it is given) follows what runs, and the cold
 * code of a big module stays in the interpreter.
 */
final class HotFunctions {
    /** The events a poll stands for. */
    static final int EVENTS_PER_POLL = dev.gatun.interpreter.Interpreter.BUDGET;
    /**
     * The events that make a function hot: a quarter of a poll, so one sample is enough, and a callee of
     * compiled code after 1,024 calls (SQLite's workload ran fastest near here, 64 to 1,024; four polls
     * left it 40 % slower).
     */
    static final long THRESHOLD = Long.getLong("gatun.tiered.functionThreshold", 1024);

    private final int imported;
    private final Compiler.Batches batches;
    private final Publisher publisher;
    /** By defined index: events so far (racy: a lost one only delays a compile). */
    private final long[] ticks;
    /** By defined index: queued or compiled (set once, under the lock). */
    private final boolean[] taken;
    /** By defined index: its compiled code and the batch that made it, once published. */
    private final AtomicReferenceArray<CompiledCode> codes;
    private final AtomicReferenceArray<Compiler.Result> results;
    private final List<Integer> queue = new ArrayList<>();
    private boolean draining;
    private volatile Compiler.Report report;

    /** Where a batch's code goes: every live instance's functions. */
    interface Publisher {
        void publish(int[] defined, Compiler.Result batch);
    }

    HotFunctions(Compiler.Batches batches, int imported, int defined, Publisher publisher) {
        this.batches = batches;
        this.imported = imported;
        this.publisher = publisher;
        this.ticks = new long[defined];
        this.taken = new boolean[defined];
        this.codes = new AtomicReferenceArray<>(defined);
        this.results = new AtomicReferenceArray<>(defined);
    }

    /** Adds events to function funcidx's heat. */
    void tick(int funcidx, long amount) {
        int i = funcidx - imported;
        if (i < 0 || i >= ticks.length || taken[i]) return;
        if ((ticks[i] += amount) < THRESHOLD) return;
        boolean start;
        synchronized (this) {
            if (taken[i]) return;
            taken[i] = true;
            queue.add(i);
            start = !draining;
            draining = true;
        }
        if (start) CodeCache.COMPILERS.execute(this::drain);
    }

    /**
     * Compiles what is queued, batch after batch, until the queue is empty. A batch's failures are caught
     * per function by the compiler; should an Error still escape (out of memory), that batch's functions
     * stay interpreted and the queue is released, so later hot functions of the module still compile.
     */
    private void drain() {
        try {
            drainQueue();
        } catch (Throwable t) {
            synchronized (this) {
                draining = false;
            }
            throw t;
        }
    }

    /** Returns once it has found the queue empty and released it (in one step, so no tick is missed). */
    private void drainQueue() {
        while (true) {
            int[] batch;
            synchronized (this) {
                if (queue.isEmpty()) {
                    draining = false;
                    return;
                }
                batch = queue.stream().mapToInt(Integer::intValue).toArray();
                queue.clear();
            }
            Compiler.Result r = batches.compile(batch);
            for (int i : batch) {
                CompiledCode c = r.code(i);
                if (c == null) continue;
                results.set(i, r);
                codes.set(i, c);
            }
            report = r.report();
            publisher.publish(batch, r);
        }
    }

    CompiledCode code(int defined) { return codes.get(defined); }

    java.lang.invoke.MethodHandle entry(int funcidx) {
        Compiler.Result r = results.get(funcidx - imported);
        return r == null ? null : r.entry(funcidx);
    }

    /** What the batches compiled so far; null before the first. */
    Compiler.Report report() { return report; }
}
