package dev.gatun;

import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static dev.gatun.testing.ModuleBuilder.I32;
import static dev.gatun.testing.ModuleBuilder.I64;
import static org.junit.jupiter.api.Assertions.*;

/** Execution through the public API: calls, frames, host calls both ways, traps, interruption, threads. */
class EngineTest {
    private static final int[] NONE = {};

    /** fib(n) = n < 2 ? n : fib(n-1) + fib(n-2), recursive. */
    static byte[] fibBody(int self) {
        return new Bytes().localGet(0).i32Const(2).op(Instruction.I32_LT_S).op(0x04, 0x7F).localGet(0)
                .op(Instruction.ELSE).localGet(0).i32Const(1).op(Instruction.I32_SUB).call(self)
                .localGet(0).i32Const(2).op(Instruction.I32_SUB).call(self).op(Instruction.I32_ADD).op(Instruction.END).op(Instruction.END).toArray();
    }

    static Instance instantiate(byte[] wasm, Imports imports) {
        return WebAssembly.instantiate(WebAssembly.compile(wasm), imports);
    }

    @Test
    void recursiveFib() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, new int[] {I32});
        int fib = b.func(t, new int[0][], fibBody(0));
        b.exportFunc("fib", fib);
        Function f = instantiate(b.build(), Imports.empty()).exports().function("fib");
        assertEquals(Value.i32(6765), f.call(Value.i32(20))[0]);
        assertEquals(Value.i32(0), f.call(Value.i32(0))[0]);
    }

    /**
     * A frame of more than 65,535 registers (operands beyond 16 bits, calls with overlapping frames). The
     * decoder caps a function at 50,000 locals, so the frame is 50,000 locals plus 20,000 constant slots
     * plus an operand stack 20,000 deep: about 90,000 registers.
     */
    @Test
    void frameOfMoreThan65535Registers() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I64}, new int[] {I64});
        Bytes code = new Bytes();
        int n = 20_000;
        for (int i = 1; i <= n; i++) code.i64Const(7L * i);
        for (int i = 1; i < n; i++) code.op(Instruction.I64_ADD);
        code.localSet(48000)
                .localGet(0).localSet(49999)
                .op(0x02, 0x40).op(0x03, 0x40)
                .localGet(49999).op(Instruction.I64_EQZ).op(Instruction.BR_IF).u32(1)
                .localGet(48000).i64Const(3).op(Instruction.I64_ADD).localSet(48000)
                .localGet(49999).i64Const(1).op(Instruction.I64_SUB).localSet(49999)
                .op(Instruction.BR).u32(0)
                .op(Instruction.END).op(Instruction.END)
                .localGet(48000).op(Instruction.END);
        int big = b.func(t, new int[][] {{49_999, I64}}, code.toArray());
        // twice(x) = big(x) + big(x + 1): the callee frames start inside the caller's.
        int twice = b.func(t, new int[0][], new Bytes().localGet(0).call(big)
                .localGet(0).i64Const(1).op(Instruction.I64_ADD).call(big).op(Instruction.I64_ADD).op(Instruction.END).toArray());
        b.exportFunc("big", big).exportFunc("twice", twice);
        Exports e = instantiate(b.build(), Imports.empty()).exports();
        long s = 7L * n * (n + 1) / 2;
        assertEquals(Value.i64(s + 3000), e.function("big").call(Value.i64(1000))[0]);
        assertEquals(Value.i64(2 * s + 3000 + 3003), e.function("twice").call(Value.i64(1000))[0]);
    }

    @Test
    void hostCallsBothWaysAndReentrancy() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, new int[] {I32});
        int cb = b.importFunc("env", "cb", t);
        int outer = b.func(t, new int[0][], new Bytes().localGet(0).call(cb).i32Const(1).op(Instruction.I32_ADD).op(Instruction.END).toArray());
        int inner = b.func(t, new int[0][], new Bytes().localGet(0).i32Const(2).op(Instruction.I32_MUL).op(Instruction.END).toArray());
        b.exportFunc("outer", outer).exportFunc("inner", inner);
        AtomicReference<Instance> self = new AtomicReference<>();
        FunctionType ft = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
        Imports imports = Imports.builder().function("env", "cb", ft, args -> {
            int x = ((Value.I32) args[0]).value();
            if (x < 0) throw new IllegalStateException("negative");
            return self.get().exports().function("inner").call(Value.i32(x));
        }).build();
        Instance inst = instantiate(b.build(), imports);
        self.set(inst);
        assertEquals(Value.i32(11), inst.exports().function("outer").call(Value.i32(5))[0]);
        RuntimeError err = assertThrows(RuntimeError.class, () -> inst.exports().function("outer").call(Value.i32(-1)));
        assertEquals(RuntimeError.Trap.HOST, err.trap());
        assertInstanceOf(IllegalStateException.class, err.getCause());
    }

    @Test
    void trapCarriesWasmStackWithNames() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(NONE, NONE);
        int boom = b.func(t, new int[0][], new byte[] {0x00, 0x0B});
        int outer = b.func(t, new int[0][], new Bytes().call(boom).op(Instruction.END).toArray());
        b.exportFunc("outer", outer).name(boom, "boom").name(outer, "outer");
        Function f = instantiate(b.build(), Imports.empty()).exports().function("outer");
        RuntimeError err = assertThrows(RuntimeError.class, f::call);
        assertEquals(RuntimeError.Trap.UNREACHABLE, err.trap());
        assertEquals(List.of("0 boom", "1 outer"), err.wasmStack().stream().map(fr -> fr.funcidx() + " " + fr.name()).toList());
        assertTrue(err.getMessage().startsWith("unreachable"), err.getMessage());
    }

    @Test
    void divisionTraps() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32, I32}, new int[] {I32});
        b.exportFunc("div", b.func(t, new int[0][], new Bytes().localGet(0).localGet(1).op(Instruction.I32_DIV_S).op(Instruction.END).toArray()));
        Function div = instantiate(b.build(), Imports.empty()).exports().function("div");
        assertEquals(Value.i32(-3), div.call(Value.i32(7), Value.i32(-2))[0]);
        assertEquals(RuntimeError.Trap.INTEGER_DIVIDE_BY_ZERO,
                assertThrows(RuntimeError.class, () -> div.call(Value.i32(1), Value.i32(0))).trap());
        assertEquals(RuntimeError.Trap.INTEGER_OVERFLOW,
                assertThrows(RuntimeError.class, () -> div.call(Value.i32(Integer.MIN_VALUE), Value.i32(-1))).trap());
    }

    @Test
    void unboundedRecursionExhaustsTheStackButDeepRecursionWorks() {
        ModuleBuilder b = new ModuleBuilder();
        int t0 = b.type(NONE, NONE);
        int t = b.type(new int[] {I32}, new int[] {I32});
        int runaway = b.func(t0, new int[0][], new Bytes().call(0).op(Instruction.END).toArray());
        // depth(n) = n == 0 ? 0 : depth(n - 1) + 1
        int depth = b.func(t, new int[0][], new Bytes().localGet(0).op(Instruction.I32_EQZ).op(0x04, 0x7F).i32Const(0).op(Instruction.ELSE)
                .localGet(0).i32Const(1).op(Instruction.I32_SUB).call(1).i32Const(1).op(Instruction.I32_ADD).op(Instruction.END).op(Instruction.END).toArray());
        b.exportFunc("runaway", runaway).exportFunc("depth", depth);
        Exports e = instantiate(b.build(), Imports.empty()).exports();
        RuntimeError err = assertThrows(RuntimeError.class, () -> e.function("runaway").call());
        assertEquals(RuntimeError.Trap.CALL_STACK_EXHAUSTED, err.trap());
        assertEquals(Value.i32(5000), e.function("depth").call(Value.i32(5000))[0]);
    }

    static byte[] spinModule() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(NONE, NONE);
        b.exportFunc("spin", b.func(t, new int[0][], new byte[] {0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B}));
        return b.build();
    }

    @Test
    void interruptStopsAnInfiniteLoopFromAnotherThread() throws Exception {
        Instance inst = instantiate(spinModule(), Imports.empty());
        AtomicReference<Throwable> got = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread th = new Thread(() -> {
            started.countDown();
            try {
                inst.exports().function("spin").call();
            } catch (Throwable x) {
                got.set(x);
            }
        });
        th.start();
        started.await();
        Thread.sleep(200);
        inst.interrupt();
        th.join(10_000);
        assertFalse(th.isAlive(), "the loop did not stop");
        RuntimeError err = assertInstanceOf(RuntimeError.class, got.get());
        assertEquals(RuntimeError.Trap.INTERRUPTED, err.trap());
        // The instance stays usable: the request was consumed by the trap.
        inst.setTimeout(Duration.ofMillis(100));
        assertEquals(RuntimeError.Trap.INTERRUPTED,
                assertThrows(RuntimeError.class, () -> inst.exports().function("spin").call()).trap());
    }

    @Test
    void threadInterruptIsHonoured() throws Exception {
        Instance inst = instantiate(spinModule(), Imports.empty());
        AtomicReference<Throwable> got = new AtomicReference<>();
        Thread th = new Thread(() -> {
            try {
                inst.exports().function("spin").call();
            } catch (Throwable x) {
                got.set(x);
            }
        });
        th.start();
        Thread.sleep(100);
        th.interrupt();
        th.join(10_000);
        assertFalse(th.isAlive());
        assertEquals(RuntimeError.Trap.INTERRUPTED, ((RuntimeError) got.get()).trap());
    }

    @Test
    void oneModuleManyThreadsEachWithItsOwnInstance() throws Exception {
        ModuleBuilder b = new ModuleBuilder().memory(1);
        int t1 = b.type(new int[] {I32}, new int[] {I32});
        int t2 = b.type(new int[] {I32, I32}, NONE);
        int fib = b.func(t1, new int[0][], fibBody(0));
        int store = b.func(t2, new int[0][], new byte[] {0x20, 0, 0x20, 1, 0x36, 2, 0, 0x0B});
        int load = b.func(t1, new int[0][], new byte[] {0x20, 0, 0x28, 2, 0, 0x0B});
        b.exportFunc("fib", fib).exportFunc("store", store).exportFunc("load", load);
        Module module = WebAssembly.compile(b.build());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < 8; k++) {
            int id = k;
            threads.add(new Thread(() -> {
                try (Instance inst = WebAssembly.instantiate(module, Imports.empty())) {
                    Exports e = inst.exports();
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < 1000; i++) e.function("store").call(Value.i32(i * 4), Value.i32(id * 1_000_000 + i));
                        assertEquals(Value.i32(610), e.function("fib").call(Value.i32(15))[0]);
                        for (int i = 0; i < 1000; i++) assertEquals(Value.i32(id * 1_000_000 + i), e.function("load").call(Value.i32(i * 4))[0]);
                    }
                } catch (Throwable x) {
                    errors.add(x);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) th.join();
        assertEquals(List.of(), errors);
    }

    @Test
    void linkErrorsNameTheImport() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, new int[] {I32});
        b.importFunc("env", "f", t);
        Module m = WebAssembly.compile(b.build());
        LinkError missing = assertThrows(LinkError.class, () -> WebAssembly.instantiate(m, Imports.empty()));
        assertEquals("env", missing.module());
        assertEquals("f", missing.name());
        assertTrue(missing.getMessage().startsWith("unknown import"));
        Imports wrong = Imports.builder().function("env", "f", FunctionType.of(List.of(), List.of()), args -> null).build();
        LinkError bad = assertThrows(LinkError.class, () -> WebAssembly.instantiate(m, wrong));
        assertTrue(bad.getMessage().startsWith("incompatible import type"), bad.getMessage());
        Instance ok = WebAssembly.instantiate(m, Imports.builder().function("env", "f",
                FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), args -> args).build());
        assertThrows(LinkError.class, () -> ok.exports().function("nope"));
    }
}
