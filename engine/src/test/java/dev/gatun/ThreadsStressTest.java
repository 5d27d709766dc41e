package dev.gatun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threads over one shared memory, the Node way: the host creates one instance per Java thread, all importing
 * the same {@link Memory}. Exact totals prove no atomic update was lost and that the lock and the wait/notify
 * hand-off order the plain accesses they protect; the grow test checks that the bound each thread sees only
 * grows and that accesses up to it never fail or crash. Both tiers; sized to stay within a few seconds.
 */
class ThreadsStressTest {
    static final int THREADS = 4;

    static final String WAT = """
            (module
              (memory (import "env" "mem") 1 64 shared)
              ;; 0: i32 counter; 8: i64 counter; 64: lock word; 128/136: counters the lock protects;
              ;; 256: whose turn it is (0 or 1); 260: a plain counter the turns hand over
              (func (export "inc") (param $n i32)
                (loop $l
                  (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
                  (drop (i64.atomic.rmw.add (i32.const 8) (i64.const 3)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func $lock
                (loop $spin (br_if $spin (i32.atomic.rmw.cmpxchg (i32.const 64) (i32.const 0) (i32.const 1)))))
              (func $unlock (i32.atomic.store (i32.const 64) (i32.const 0)))
              (func (export "locked") (param $n i32)
                (loop $l
                  (call $lock)
                  (i32.store (i32.const 128) (i32.add (i32.load (i32.const 128)) (i32.const 1)))
                  (i64.store (i32.const 136) (i64.add (i64.load (i32.const 136)) (i64.const 5)))
                  (call $unlock)
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "play") (param $me i32) (param $rounds i32)
                (loop $l
                  (block $mine
                    (loop $w
                      (br_if $mine (i32.eq (i32.atomic.load (i32.const 256)) (local.get $me)))
                      (drop (memory.atomic.wait32 (i32.const 256) (i32.sub (i32.const 1) (local.get $me)) (i64.const -1)))
                      (br $w)))
                  (i32.store (i32.const 260) (i32.add (i32.load (i32.const 260)) (i32.const 1)))
                  (i32.atomic.store (i32.const 256) (i32.sub (i32.const 1) (local.get $me)))
                  (drop (memory.atomic.notify (i32.const 256) (i32.const 1)))
                  (br_if $l (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1))))))
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              ;; Stores and loads word $id below the current size, again and again; traps (unreachable) if the
              ;; size ever shrinks or a load does not return what was stored. Returns the last size.
              (func (export "touch") (param $id i32) (param $n i32) (result i32) (local $size i32) (local $prev i32) (local $at i32)
                (loop $l
                  (local.set $size (memory.size))
                  (if (i32.lt_u (local.get $size) (local.get $prev)) (then unreachable))
                  (local.set $prev (local.get $size))
                  (local.set $at (i32.sub (i32.shl (local.get $size) (i32.const 16)) (i32.shl (local.get $id) (i32.const 2))))
                  (i32.store (local.get $at) (local.get $n))
                  (if (i32.ne (i32.load (local.get $at)) (local.get $n)) (then unreachable))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
                (local.get $prev))
              (func (export "wait") (param i32 i32 i64) (result i32)
                (memory.atomic.wait32 (local.get 0) (local.get 1) (local.get 2)))
              (func (export "load32") (param i32) (result i32) (i32.atomic.load (local.get 0)))
              (func (export "load64") (param i32) (result i64) (i64.atomic.load (local.get 0))))
            """;

    private static Memory shared() { return new Memory(MemoryType.shared(1, 64)); }

    private static Instance[] instances(Tier tier, Memory mem, int n) {
        Module m = WebAssembly.compile(Wat.parse(WAT), tier);
        Imports imports = Imports.builder().add("env", "mem", mem).build();
        Instance[] out = new Instance[n];
        for (int i = 0; i < n; i++) out[i] = WebAssembly.instantiate(m, imports);
        return out;
    }

    /** Runs the tasks on their own threads at once; rethrows the first failure. */
    private static List<Object> parallel(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Object>> fs = pool.invokeAll(tasks, 60, TimeUnit.SECONDS);
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void atomicIncrementsAreExact(Tier tier) throws Exception {
        Memory mem = shared();
        Instance[] insts = instances(tier, mem, THREADS);
        int m = 50_000;
        List<Callable<Object>> tasks = new ArrayList<>();
        for (Instance inst : insts) tasks.add(() -> inst.exports().function("inc").call(Value.i32(m)));
        parallel(tasks);
        assertEquals(THREADS * m, ((Value.I32) insts[0].exports().function("load32").call(Value.i32(0))[0]).value());
        assertEquals(3L * THREADS * m, ((Value.I64) insts[0].exports().function("load64").call(Value.i32(8))[0]).value());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void cmpxchgSpinLockProtectsPlainUpdates(Tier tier) throws Exception {
        Memory mem = shared();
        Instance[] insts = instances(tier, mem, THREADS);
        int m = 5_000;
        List<Callable<Object>> tasks = new ArrayList<>();
        for (Instance inst : insts) tasks.add(() -> inst.exports().function("locked").call(Value.i32(m)));
        parallel(tasks);
        assertEquals(THREADS * m, mem.readInt(128));
        assertEquals(5L * THREADS * m, mem.readLong(136));
        assertEquals(0, mem.readInt(64), "lock released");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void waitNotifyPingPongHandsOverEveryTurn(Tier tier) throws Exception {
        Memory mem = shared();
        Instance[] insts = instances(tier, mem, 2);
        int rounds = 2_000;
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Instance inst = insts[p];
            int me = p;
            tasks.add(() -> inst.exports().function("play").call(Value.i32(me), Value.i32(rounds)));
        }
        parallel(tasks);
        assertEquals(2 * rounds, mem.readInt(260));
        assertEquals(0, mem.readInt(256), "an even number of turns ends with player 0's turn");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void concurrentGrowNeverShowsATornOrShrinkingBound(Tier tier) throws Exception {
        Memory mem = shared();
        Instance[] insts = instances(tier, mem, THREADS);
        AtomicBoolean growing = new AtomicBoolean(true);
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> {
            try {
                Function grow = insts[0].exports().function("grow");
                for (int i = 1; i < 64; i++) {
                    assertEquals(i, ((Value.I32) grow.call(Value.i32(1))[0]).value());
                    Thread.sleep(2);
                }
                assertEquals(-1, ((Value.I32) grow.call(Value.i32(1))[0]).value(), "past the maximum");
                return null;
            } finally {
                growing.set(false);
            }
        });
        for (int t = 1; t < THREADS; t++) {
            Instance inst = insts[t];
            int id = t;
            tasks.add(() -> {
                int last = 0;
                Function touch = inst.exports().function("touch");
                while (growing.get()) {
                    int size = ((Value.I32) touch.call(Value.i32(id), Value.i32(2_000))[0]).value();
                    assertTrue(size >= last, "size went from " + last + " to " + size);
                    last = size;
                }
                return last;
            });
        }
        parallel(tasks);
        assertEquals(64, mem.pages());
        int last = ((Value.I32) insts[1].exports().function("touch").call(Value.i32(1), Value.i32(10))[0]).value();
        assertEquals(64, last);
    }

    @Test
    void waitTimesOutWithoutANotify() {
        Instance inst = instances(Tier.INTERPRETER, shared(), 1)[0];
        long t0 = System.nanoTime();
        Value[] r = inst.exports().function("wait").call(Value.i32(512), Value.i32(0), Value.i64(30_000_000L));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(2, ((Value.I32) r[0]).value(), "timed-out");
        assertTrue(ms >= 29, "returned after " + ms + " ms");
        assertEquals(1, ((Value.I32) inst.exports().function("wait").call(Value.i32(512), Value.i32(7), Value.i64(-1))[0]).value(),
                "not-equal returns at once");
    }

    @Test
    @Timeout(10)
    void waitIsRefusedOnAThreadMarkedNotToBlock() throws Exception {
        Instance inst = instances(Tier.COMPILER, shared(), 1)[0];
        Throwable[] seen = new Throwable[1];
        Thread t = new Thread(() -> {
            Blocking.disallowOnCurrentThread();
            try {
                inst.exports().function("wait").call(Value.i32(0), Value.i32(0), Value.i64(-1));
            } catch (Throwable e) {
                seen[0] = e;
            }
        });
        t.start();
        t.join();
        RuntimeError e = (RuntimeError) seen[0];
        assertEquals(RuntimeError.Trap.WAIT_NOT_ALLOWED, e.trap());
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        assertTrue(Blocking.allowedOnCurrentThread(), "other threads are unaffected");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    @Timeout(20)
    void interruptAndDeadlineEndAnEndlessWait(Tier tier) throws Exception {
        Instance inst = instances(tier, shared(), 1)[0];
        Function wait = inst.exports().function("wait");
        Throwable[] seen = new Throwable[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                wait.call(Value.i32(0), Value.i32(0), Value.i64(-1));
            } catch (Throwable e) {
                seen[0] = e;
            }
        });
        while (t.getState() != Thread.State.WAITING) Thread.sleep(5);
        inst.interrupt();
        t.join(5_000);
        RuntimeError e = (RuntimeError) seen[0];
        assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap());

        inst.setTimeout(java.time.Duration.ofMillis(50));
        e = assertThrows(RuntimeError.class, () -> wait.call(Value.i32(0), Value.i32(0), Value.i64(-1)));
        assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void waitOnAnUnsharedMemoryTraps() {
        String wat = """
                (module (memory 1)
                  (func (export "wait") (result i32)
                    (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0)))
                  (func (export "notify") (result i32) (memory.atomic.notify (i32.const 0) (i32.const 5))))
                """;
        for (Tier tier : new Tier[] {Tier.INTERPRETER, Tier.COMPILER}) {
            Instance inst = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), tier), Imports.empty());
            RuntimeError e = assertThrows(RuntimeError.class, () -> inst.exports().function("wait").call());
            assertEquals(RuntimeError.Trap.EXPECTED_SHARED_MEMORY, e.trap());
            assertEquals(0, ((Value.I32) inst.exports().function("notify").call()[0]).value());
        }
    }
}
