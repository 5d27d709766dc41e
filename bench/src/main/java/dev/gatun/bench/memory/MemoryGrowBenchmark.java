package dev.gatun.bench.memory;

import dev.gatun.memory.LinearMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import run.endive.runtime.ByteArrayMemory;
import run.endive.wasm.types.MemoryLimits;

import java.util.concurrent.TimeUnit;

/**
 * Growing a memory from 1 page to {@code pages} one page at a time, as C programs' allocators do: Gatun's
 * mmap-reserved memory against Endive's page-array memory. Score: time for the whole sequence, including
 * creating and (for Gatun) unmapping the memory; divide by {@code pages - 1} for the cost of one grow.
 * Two sizes show whether a grow's cost depends on the memory's size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx3g"})
@State(Scope.Thread)
public class MemoryGrowBenchmark {
    @Param({"1024", "16384"})
    int pages;

    @Benchmark
    public long grow_gatun() {
        try (LinearMemory m = LinearMemory.create(1, pages)) {
            long last = 0;
            for (int p = 1; p < pages; p++) last = m.grow(1);
            return last;
        }
    }

    @Benchmark
    public long grow_endive() {
        ByteArrayMemory m = new ByteArrayMemory(new MemoryLimits(1, pages));
        long last = 0;
        for (int p = 1; p < pages; p++) last = m.grow(1);
        return last;
    }

    /** Same, writing one byte into each new page, so Gatun also pays for the first touch of a page. */
    @Benchmark
    public long growAndTouch_gatun() {
        try (LinearMemory m = LinearMemory.create(1, pages)) {
            long last = 0;
            for (int p = 1; p < pages; p++) {
                last = m.grow(1);
                m.storeI8(last * 65536, (byte) 1);
            }
            return last;
        }
    }

    @Benchmark
    public long growAndTouch_endive() {
        ByteArrayMemory m = new ByteArrayMemory(new MemoryLimits(1, pages));
        long last = 0;
        for (int p = 1; p < pages; p++) {
            last = m.grow(1);
            m.writeByte((int) last * 65536, (byte) 1);
        }
        return last;
    }
}
