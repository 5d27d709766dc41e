package dev.gatun.bench.memory;

import dev.gatun.memory.LinearMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import run.endive.runtime.ByteArrayMemory;
import run.endive.wasm.types.MemoryLimits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * 4- and 8-byte loads and stores over a 256 MiB memory, sequential and random, three ways: Gatun's
 * {@link LinearMemory} (checked, off-heap), a {@code byte[]} through a little-endian array-view
 * {@link VarHandle} (the baseline Gatun must reach), and Endive's {@link ByteArrayMemory}.
 * Scores are ns per access.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@State(Scope.Thread)
public class MemoryAccessBenchmark {
    static final int PAGES = 4096;
    static final int SIZE = PAGES * 65536;
    static final int OPS = 1 << 14;
    private static final int RANDOM_ADDRESSES = 1 << 20;

    private static final VarHandle BYTES_I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BYTES_I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    LinearMemory gatun;
    byte[] bytes;
    ByteArrayMemory endive;
    int[] random;
    int seq;
    int rnd;

    @Setup(Level.Trial)
    public void setUp() {
        gatun = LinearMemory.create(PAGES, PAGES);
        bytes = new byte[SIZE];
        endive = new ByteArrayMemory(new MemoryLimits(PAGES, PAGES));
        SplittableRandom r = new SplittableRandom(42);
        random = new int[RANDOM_ADDRESSES];
        for (int i = 0; i < random.length; i++) random[i] = r.nextInt(SIZE - 8);
        // Touch every page once so no variant pays first-touch faults inside the measurement.
        for (int p = 0; p < SIZE; p += 4096) {
            gatun.storeI8(p, (byte) 1);
            bytes[p] = 1;
            endive.writeByte(p, (byte) 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() { gatun.close(); }

    /** Start of the next sequential block of {@code OPS} accesses of {@code width} bytes. */
    private int nextSeq(int width) {
        int base = seq;
        seq = (seq + OPS * width) % SIZE;
        return base;
    }

    private int nextRnd() {
        int base = rnd;
        rnd = (rnd + OPS) % RANDOM_ADDRESSES;
        return base;
    }

    // ------------------------------------------------------------ sequential loads

    @Benchmark @OperationsPerInvocation(OPS)
    public int seqLoadI32_gatun() {
        LinearMemory m = gatun; long base = nextSeq(4); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.loadI32(base + 4L * i);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public int seqLoadI32_byteArray() {
        byte[] m = bytes; int base = nextSeq(4); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += (int) BYTES_I32.get(m, base + 4 * i);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public int seqLoadI32_endive() {
        ByteArrayMemory m = endive; int base = nextSeq(4); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.readInt(base + 4 * i);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long seqLoadI64_gatun() {
        LinearMemory m = gatun; long base = nextSeq(8); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.loadI64(base + 8L * i);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long seqLoadI64_byteArray() {
        byte[] m = bytes; int base = nextSeq(8); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += (long) BYTES_I64.get(m, base + 8 * i);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long seqLoadI64_endive() {
        ByteArrayMemory m = endive; int base = nextSeq(8); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.readLong(base + 8 * i);
        return acc;
    }

    // ------------------------------------------------------------ sequential stores

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI32_gatun() {
        LinearMemory m = gatun; long base = nextSeq(4);
        for (int i = 0; i < OPS; i++) m.storeI32(base + 4L * i, i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI32_byteArray() {
        byte[] m = bytes; int base = nextSeq(4);
        for (int i = 0; i < OPS; i++) BYTES_I32.set(m, base + 4 * i, i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI32_endive() {
        ByteArrayMemory m = endive; int base = nextSeq(4);
        for (int i = 0; i < OPS; i++) m.writeI32(base + 4 * i, i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI64_gatun() {
        LinearMemory m = gatun; long base = nextSeq(8);
        for (int i = 0; i < OPS; i++) m.storeI64(base + 8L * i, i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI64_byteArray() {
        byte[] m = bytes; int base = nextSeq(8);
        for (int i = 0; i < OPS; i++) BYTES_I64.set(m, base + 8 * i, (long) i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void seqStoreI64_endive() {
        ByteArrayMemory m = endive; int base = nextSeq(8);
        for (int i = 0; i < OPS; i++) m.writeLong(base + 8 * i, i);
    }

    // ------------------------------------------------------------ random loads

    @Benchmark @OperationsPerInvocation(OPS)
    public int rndLoadI32_gatun() {
        LinearMemory m = gatun; int[] a = random; int base = nextRnd(); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.loadI32(a[base + i]);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public int rndLoadI32_byteArray() {
        byte[] m = bytes; int[] a = random; int base = nextRnd(); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += (int) BYTES_I32.get(m, a[base + i]);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public int rndLoadI32_endive() {
        ByteArrayMemory m = endive; int[] a = random; int base = nextRnd(); int acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.readInt(a[base + i]);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long rndLoadI64_gatun() {
        LinearMemory m = gatun; int[] a = random; int base = nextRnd(); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.loadI64(a[base + i]);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long rndLoadI64_byteArray() {
        byte[] m = bytes; int[] a = random; int base = nextRnd(); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += (long) BYTES_I64.get(m, a[base + i]);
        return acc;
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public long rndLoadI64_endive() {
        ByteArrayMemory m = endive; int[] a = random; int base = nextRnd(); long acc = 0;
        for (int i = 0; i < OPS; i++) acc += m.readLong(a[base + i]);
        return acc;
    }

    // ------------------------------------------------------------ random stores

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI32_gatun() {
        LinearMemory m = gatun; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) m.storeI32(a[base + i], i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI32_byteArray() {
        byte[] m = bytes; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) BYTES_I32.set(m, a[base + i], i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI32_endive() {
        ByteArrayMemory m = endive; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) m.writeI32(a[base + i], i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI64_gatun() {
        LinearMemory m = gatun; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) m.storeI64(a[base + i], i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI64_byteArray() {
        byte[] m = bytes; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) BYTES_I64.set(m, a[base + i], (long) i);
    }

    @Benchmark @OperationsPerInvocation(OPS)
    public void rndStoreI64_endive() {
        ByteArrayMemory m = endive; int[] a = random; int base = nextRnd();
        for (int i = 0; i < OPS; i++) m.writeLong(a[base + i], i);
    }
}
