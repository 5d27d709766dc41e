package dev.gatun;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatun.memory.LinearMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A careless embedder: instances that are never closed. Their memories' reservations must come back once
 * the instances are unreachable (each reserves about 4 GiB of address space and two mappings, so without
 * that the process runs out of mappings and the JVM aborts), and holding too many at once must be a
 * RuntimeError of kind RESOURCE_EXHAUSTED, not a memory fault or a crash.
 */
class NeverClosedInstancesTest {
    private static final String MODULE = "(module (memory 1) (func (export \"bump\") (param i32) (result i32)"
            + " (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get 0))) (i32.load (i32.const 0))))";

    private static long mappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.count();
        }
    }

    private static void assumeMapped() {
        assumeTrue(LinearMemory.mappingAvailable() && Files.isReadable(Path.of("/proc/self/maps")), "needs the mmap path and /proc");
    }

    @Test
    void neverClosedInstancesAreReleasedByTheCollector() throws Exception {
        assumeMapped();
        Module module = WebAssembly.compile(MODULE);
        long before = mappings();
        // -Dgatun.stress.instances=200000 runs the full count; CI runs a tenth (still beyond the default budget of about 16,000 at once).
        int threads = 16, perThread = Integer.getInteger("gatun.stress.instances", 20_000) / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < perThread; i++) {
                        Instance in = WebAssembly.instantiate(module, Imports.empty());
                        sum += ((Value.I32) in.exports().function("bump").call(Value.i32(i))[0]).value();
                    }
                    return sum;
                }));
            }
            long expected = (long) perThread * (perThread - 1) / 2;
            for (Future<Long> f : done) assertEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
        long after = Long.MAX_VALUE;
        for (int i = 0; i < 50 && after > before + 200; i++) {
            System.gc();
            Thread.sleep(100);
            after = mappings();
        }
        System.out.printf("never-closed instances: %d created on %d threads, mappings %d before, %d after%n",
                (long) perThread * threads, threads, before, after);
        assertTrue(after <= before + 200, "mappings " + before + " before, " + after + " after");
    }

    @Test
    void holdingMoreInstancesThanTheBudgetIsResourceExhaustion() throws Exception {
        assumeMapped();
        Module module = WebAssembly.compile(MODULE);
        List<Instance> alive = new ArrayList<>();
        RuntimeError refused = null;
        try {
            // The default budget holds some ten or twenty thousand memories (vm.max_map_count, 64 TiB).
            for (int i = 0; i < 200_000 && refused == null; i++) {
                try {
                    alive.add(WebAssembly.instantiate(module, Imports.empty()));
                } catch (RuntimeError e) {
                    refused = e;
                }
            }
        } finally {
            alive.forEach(Instance::close);
        }
        assertNotNull(refused, "200,000 live instances were allowed");
        assertEquals(RuntimeError.Trap.RESOURCE_EXHAUSTED, refused.trap(), refused.getMessage());
        assertTrue(refused.getMessage().contains("gatun.memory.maxReservations"), refused.getMessage());
        // Closed, the room is back.
        WebAssembly.instantiate(module, Imports.empty()).close();
    }
}
