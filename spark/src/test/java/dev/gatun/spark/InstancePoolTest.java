package dev.gatun.spark;

import dev.gatun.Value;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The pool and the memory convention without Spark: reuse, poisoning, the bound, the timeout. */
class InstancePoolTest {
    // A limit no other test uses, so this class gets pools of its own.
    private static WasmModuleRef ref(int max) {
        return WasmModuleRef.of(TestSpark.udfsWasm()).withMaxInstances(max).withMemoryPages(100 + max);
    }

    @Test
    void aHealthyInstanceIsReused() {
        InstancePool pool = ref(3).pool();
        for (int i = 0; i < 5; i++) {
            try (WasmInstance w = pool.acquire()) {
                assertEquals(6, ((Value.I32) w.call("gcd", Value.i32(48), Value.i32(18))[0]).value());
                assertArrayEquals(new byte[] {3, 2, 1}, w.callBytes("reverse", new byte[] {1, 2, 3}));
            }
        }
        assertEquals(1, pool.created());
        assertEquals(1, pool.idle());
    }

    @Test
    void anInstanceThatTrappedIsDiscardedNotReturned() {
        InstancePool pool = ref(4).pool();
        WasmInstance w = pool.acquire(Duration.ofSeconds(30));
        for (int i = 1; i < 5000; i++) w.call("div", Value.i32(i), Value.i32(3)); // hot enough to tier up
        WasmUdfException e = assertThrows(WasmUdfException.class, () -> w.call("div", Value.i32(1), Value.i32(0)));
        assertEquals("INTEGER_DIVIDE_BY_ZERO", e.trap());
        assertTrue(e.getMessage().startsWith("wasm export 'div' trapped: integer divide by zero"), e.getMessage());
        assertEquals(java.util.List.of("div_ (wasm-function[7]:0x260)"), e.wasmStack(), e.getMessage());
        assertTrue(w.poisoned());
        w.close();
        assertEquals(1, pool.discarded());
        assertEquals(0, pool.idle());
        try (WasmInstance fresh = pool.acquire()) {
            assertFalse(fresh.poisoned());
            assertEquals(2, ((Value.I32) fresh.call("div", Value.i32(7), Value.i32(3))[0]).value());
        }
        assertEquals(2, pool.created());
    }

    @Test
    void aClosedBorrowCannotBeUsed() {
        WasmInstance w = ref(5).pool().acquire();
        w.close();
        w.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> w.call("gcd", Value.i32(1), Value.i32(1)));
    }

    @Test
    void thePoolIsBounded() throws Exception {
        InstancePool pool = ref(1).pool();
        WasmInstance first = pool.acquire();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try (WasmInstance w = pool.acquire()) {
                return ((Value.I32) w.call("add_one", Value.i32(41))[0]).value();
            }
        });
        started.await();
        Thread.sleep(200);
        assertFalse(second.isDone(), "the only instance is borrowed, so the second borrower waits");
        first.close();
        assertEquals(42, second.get(10, TimeUnit.SECONDS));
        assertEquals(1, pool.created());
    }

    @Test
    void theTimeoutIsPerBorrowAndPerCall() {
        InstancePool pool = ref(6).pool();
        try (WasmInstance w = pool.acquire(Duration.ofMillis(100))) {
            WasmUdfException e = assertThrows(WasmUdfException.class, () -> w.call("spin", Value.i32(-1)));
            assertTrue(e.getMessage().startsWith("wasm export 'spin' timed out after PT0.1S"), e.getMessage());
            assertEquals("INTERRUPTED", e.trap());
        }
        try (WasmInstance w = pool.acquire(null)) {
            assertEquals(100_000, ((Value.I32) w.call("spin", Value.i32(100_000))[0]).value());
        }
        assertEquals(1, pool.discarded());
    }

    @Test
    void aDeadlineDoesNotOutliveItsBorrower() throws Exception {
        InstancePool pool = ref(9).pool();
        try (WasmInstance w = pool.acquire(Duration.ofMillis(50))) {
            w.call("add_one", Value.i32(1)); // arms a deadline about 56 ms from now
        }
        Thread.sleep(100);
        try (WasmInstance w = pool.acquire(null)) { // the same instance, now without a limit
            assertEquals(3, ((Value.I32) w.call("add_one", Value.i32(2))[0]).value());
            assertEquals(20_000_000, ((Value.I32) w.call("spin", Value.i32(20_000_000))[0]).value());
        }
        assertEquals(1, pool.created());
        assertEquals(0, pool.discarded());
    }

    @Test
    void aKernelsSignatureIsCheckedAgainstTheExport() {
        try (WasmInstance w = ref(8).borrow()) {
            WasmUdfException e = assertThrows(WasmUdfException.class,
                    () -> w.invoke("gcd", WasmSignature.of(WasmType.BINARY, WasmType.BINARY), (Object) new byte[1]));
            assertTrue(e.getMessage().contains("has type [i32, i32] -> [i32]"), e.getMessage());
            assertFalse(w.poisoned(), "nothing ran, so the instance is still good");
            assertEquals(4, w.invoke("gcd", WasmSignature.of(WasmType.INT, WasmType.INT, WasmType.INT), 8, 12));
        }
    }

    @Test
    void stringsAndNullsFollowTheConvention() {
        try (WasmInstance w = ref(7).pool().acquire()) {
            WasmSignature sig = WasmSignature.of(WasmType.STRING, WasmType.STRING, WasmType.INT);
            assertEquals("HÉLLO!!", w.invoke("shout", sig, "hÉllo", 2));
            assertEquals("", w.invoke("shout", sig, "", 0));
            assertNull(w.invoke("shout", sig, null, 2));
            assertNull(w.invoke("shout", sig, "x", -1));
            assertEquals(0, w.invoke("byte_sum", WasmSignature.of(WasmType.INT, WasmType.BINARY), (Object) new byte[0]));
        }
    }
}
