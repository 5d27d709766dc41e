package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 0xFE instructions on a memory other than 0 and on a memory64, in both tiers: every family (load,
 * store, rmw in each width, cmpxchg, wait, notify, fence) against the right memory, the alignment trap,
 * bounds at the top of the 64-bit range, and exact totals of racing increments on a shared memory64 and a
 * shared memory 1 imported into one instance per thread.
 */
class AtomicsAnyMemoryTest {
    /** $x is memory 1 (i32) or memory 2 (i64): the same body runs on both, with addresses of its type. */
    private static String funcs(String m, String at) {
        return """
              (func (export "FAM_M") (param $a AT) (result i64) (local $r i64)
                (i64.atomic.store $M (local.get $a) (i64.const 0x0102030405060708))
                (local.set $r (i64.atomic.load $M (local.get $a)))
                (i32.atomic.store8 $M offset=8 (local.get $a) (i32.const 0x1ff))
                (i32.atomic.store16 $M offset=10 (local.get $a) (i32.const 0x1ffff))
                (i64.atomic.store32 $M offset=12 (local.get $a) (i64.const 7))
                (local.set $r (i64.add (local.get $r) (i64.atomic.load8_u $M offset=8 (local.get $a))))
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (i32.atomic.load16_u $M offset=10 (local.get $a)))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.load32_u $M offset=12 (local.get $a))))
                ;; rmw: each returns the old value
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (i32.atomic.rmw.add $M offset=12 (local.get $a) (i32.const 3)))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.rmw.sub $M (local.get $a) (i64.const 8))))
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (i32.atomic.rmw8.and_u $M offset=8 (local.get $a) (i32.const 0x0f)))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.rmw16.or_u $M offset=10 (local.get $a) (i64.const 0x10000))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.rmw32.xor_u $M offset=12 (local.get $a) (i64.const 1))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.rmw8.xchg_u $M offset=9 (local.get $a) (i64.const 5))))
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (i32.atomic.rmw.cmpxchg $M offset=12 (local.get $a) (i32.const 11) (i32.const 99)))))
                (local.set $r (i64.add (local.get $r) (i64.atomic.rmw.cmpxchg $M (local.get $a) (i64.const 1) (i64.const 2))))
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (memory.atomic.notify $M (local.get $a) (i32.const 1)))))
                (atomic.fence)
                (i64.add (local.get $r) (i64.load $M offset=8 (local.get $a))))
              (func (export "load32_M") (param AT) (result i32) (i32.atomic.load $M (local.get 0)))
              (func (export "load64_M") (param AT) (result i64) (i64.atomic.load $M offset=8 (local.get 0)))
              (func (export "rmw_M") (param AT) (result i32) (i32.atomic.rmw16.add_u $M (local.get 0) (i32.const 1)))
              (func (export "wait_M") (param AT) (result i32) (memory.atomic.wait64 $M (local.get 0) (i64.const 0) (i64.const 0)))
            """.replace("FAM_M", "family_" + m).replace("_M\"", "_" + m + "\"").replace("$M", "$" + m).replace("AT", at);
    }

    private static final String WAT = "(module (memory $m0 (export \"m0\") 1) (memory $m1 1) (memory $m64 i64 1)\n"
            + funcs("m1", "i32") + funcs("m64", "i64") + ")";

    /** What family_* returns, worked out by hand from the stores above (little-endian). */
    private static long expectedFamily() {
        long r = 0x0102030405060708L;           // i64 load
        r += 0xff + 0xffff + 7;                 // the narrow loads
        r += 7;                                 // rmw.add at 12: old 7, now 10
        r += 0x0102030405060708L;               // rmw.sub: now ...0700
        r += 0xff;                              // rmw8.and at 8: old 0xff, now 0x0f
        r += 0xffff;                            // rmw16.or at 10: old 0xffff (rmw16 is 16 bits, so 0x10000 adds nothing)
        r += 10;                                // rmw32.xor at 12: old 10, now 11
        r += 0;                                 // rmw8.xchg at 9: old 0, now 5
        r += 11;                                // cmpxchg at 12 matches 11: now 99
        r += 0x0102030405060700L;               // i64 cmpxchg does not match 1
        r += 0;                                 // notify on an unshared memory wakes no one
        long at8 = 0x0f | 5L << 8 | 0xffffL << 16 | 99L << 32;
        return r + at8;
    }

    private static Instance instance(Tier tier) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), tier), Imports.builder().build());
    }

    private static long i64(Value[] v) { return ((Value.I64) v[0]).value(); }

    private static RuntimeError.Trap trap(Function f, Value arg) {
        return assertThrows(RuntimeError.class, () -> f.call(arg)).trap();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void everyFamilyRunsOnMemoryOneAndOnAMemory64(Tier tier) {
        Instance inst = instance(tier);
        assertEquals(expectedFamily(), i64(inst.exports().function("family_m1").call(Value.i32(64))));
        assertEquals(expectedFamily(), i64(inst.exports().function("family_m64").call(Value.i64(64))));
        Memory m0 = inst.exports().memory("m0");
        assertEquals(0, m0.readLong(64), "memory 0 untouched");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void misalignedAndOutOfBoundsAccessesTrap(Tier tier) {
        Instance inst = instance(tier);
        Exports ex = inst.exports();
        assertEquals(RuntimeError.Trap.UNALIGNED_ATOMIC, trap(ex.function("load32_m1"), Value.i32(2)));
        assertEquals(RuntimeError.Trap.UNALIGNED_ATOMIC, trap(ex.function("load32_m64"), Value.i64(2)));
        assertEquals(RuntimeError.Trap.UNALIGNED_ATOMIC, trap(ex.function("rmw_m64"), Value.i64(1)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load32_m1"), Value.i32(65536)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load32_m1"), Value.i32(-4)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load32_m64"), Value.i64(65536)));
        // Near 2^64: the address itself, and address + offset 8 wrapping past 2^64 to a low, in-bounds value.
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load32_m64"), Value.i64(-4)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load64_m64"), Value.i64(-8)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load64_m64"), Value.i64(Long.MIN_VALUE)));
        // Bounds before alignment, as the spec orders them.
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, trap(ex.function("load32_m64"), Value.i64(-3)));
        assertEquals(RuntimeError.Trap.EXPECTED_SHARED_MEMORY, trap(ex.function("wait_m1"), Value.i32(0)));
        assertEquals(RuntimeError.Trap.EXPECTED_SHARED_MEMORY, trap(ex.function("wait_m64"), Value.i64(0)));
        assertEquals(0, ((Value.I32) ex.function("load32_m64").call(Value.i64(65532))[0]).value(), "last word is in bounds");
    }

    private static final String SHARED = """
            (module
              (memory (import "env" "m0") 1)
              (memory $s1 (import "env" "s1") 1 4 shared)
              (memory $s64 (import "env" "s64") i64 1 4 shared)
              (func (export "inc") (param $n i32)
                (loop $l
                  (drop (i32.atomic.rmw.add $s1 (i32.const 16) (i32.const 1)))
                  (drop (i64.atomic.rmw.add $s64 (i64.const 65528) (i64.const 3)))
                  (drop (i32.atomic.rmw8.add_u $s64 (i64.const 1) (i32.const 1)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "wait64") (param i64) (result i32)
                (memory.atomic.wait32 $s64 (local.get 0) (i32.const 0) (i64.const 1000))))
            """;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void racingIncrementsOnASharedMemory64AndASharedMemoryOneAreExact(Tier tier) throws Exception {
        Memory m0 = new Memory(MemoryType.of(1));
        Memory s1 = new Memory(MemoryType.shared(1, 4));
        Memory s64 = new Memory(new MemoryType(Limits.of(1, 4), true, true));
        Imports imports = Imports.builder().add("env", "m0", m0).add("env", "s1", s1).add("env", "s64", s64).build();
        Module mod = WebAssembly.compile(Wat.parse(SHARED), tier);
        int threads = 4, n = 20_000;
        List<Instance> insts = new ArrayList<>();
        for (int i = 0; i < threads; i++) insts.add(WebAssembly.instantiate(mod, imports));
        assertEquals(2, ((Value.I32) insts.get(0).exports().function("wait64").call(Value.i64(8))[0]).value(),
                "wait on a shared memory64 times out");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Value[]>> fs = new ArrayList<>();
            for (Instance inst : insts) fs.add(pool.submit(() -> inst.exports().function("inc").call(Value.i32(n))));
            for (Future<Value[]> f : fs) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * n, s1.readInt(16));
        assertEquals(3L * threads * n, s64.readLong(65528));
        assertEquals((threads * n) & 0xff, s64.readByte(1) & 0xff, "an 8-bit rmw wraps within its byte");
        assertEquals(0, s64.readByte(2), "and leaves its neighbours alone");
        assertEquals(0, m0.readInt(16));
        assertTrue(s64.type().address64() && s64.type().shared());
    }
}
