package dev.gatun.compiler;

import dev.gatun.model.Instruction;
import dev.gatun.EngineInternals;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.Exports;
import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Memory;
import dev.gatun.RuntimeError;
import dev.gatun.Tier;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gatun.testing.ModuleBuilder.I32;
import static org.junit.jupiter.api.Assertions.*;

/** Tier 2 specifics: fallback, mixed-tier calls, indirect calls across instances, traps, interruption, threads. */
class CompilerTierTest {
    static byte[] fixture(String name) {
        try (InputStream in = CompilerTierTest.class.getResourceAsStream("/tier2/" + name + ".wasm")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Instance compiled(String name, Imports imports) {
        return WebAssembly.instantiate(WebAssembly.compile(fixture(name), Tier.COMPILER), imports);
    }

    static boolean isCompiled(Function f) { return EngineInternals.funcInst(f).cm != null; }

    @Test
    void oversizedFunctionStaysInTheInterpreterAndMixedCallsWork() {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, new int[] {I32});
        // big(x) = small(x) + 1 + 1 + ... (4,000 adds: far over the method budget), small(x) = x * 2.
        Bytes big = new Bytes().localGet(0).call(1);
        for (int i = 0; i < 4000; i++) big.i32Const(1).op(Instruction.I32_ADD);
        int bigIdx = b.func(t, new int[0][], big.op(Instruction.END).toArray());
        int small = b.func(t, new int[0][], new Bytes().localGet(0).i32Const(2).op(Instruction.I32_MUL).op(Instruction.END).toArray());
        // caller(x) = big(x) from compiled code.
        int caller = b.func(t, new int[0][], new Bytes().localGet(0).call(bigIdx).op(Instruction.END).toArray());
        b.exportFunc("big", bigIdx).exportFunc("small", small).exportFunc("caller", caller);
        Instance inst = WebAssembly.instantiate(WebAssembly.compile(b.build(), Tier.COMPILER), Imports.empty());
        Function bigF = inst.exports().function("big");
        assertFalse(isCompiled(bigF), "an oversized body must stay in tier 1");
        assertTrue(isCompiled(inst.exports().function("small")));
        assertTrue(isCompiled(inst.exports().function("caller")));
        assertEquals(Value.i32(4010), bigF.call(Value.i32(5))[0]);                            // tier 1 -> tier 2
        assertEquals(Value.i32(4010), inst.exports().function("caller").call(Value.i32(5))[0]); // tier 2 -> 1 -> 2
    }

    @Test
    void loopsWithValuesBelowThemKeepThoseValuesOnEveryWayOut() {
        // Tier 2 moves such values off the JVM stack for the loop (HotSpot cannot OSR a loop header with a
        // non-empty stack); the expected values are Node's for the same module.
        Instance inst = compiled("loops", Imports.empty());
        Exports x = inst.exports();
        for (String name : List.of("fallthrough", "br_out", "br_table_out", "v128_below")) {
            assertTrue(isCompiled(x.function(name)), name);
        }
        assertEquals(Value.i32(3165), x.function("fallthrough").call(Value.i32(10))[0]);
        assertEquals(Value.i64(12), x.function("br_out").call(Value.i32(0))[0]);
        assertEquals(Value.i32(121), x.function("br_table_out").call(Value.i32(10))[0]);
        assertEquals(Value.i32(101), x.function("br_table_out").call(Value.i32(11))[0]);
        assertEquals(Value.i32(6), x.function("v128_below").call(Value.i32(6))[0]);
    }

    private static Instance provider() { return compiled("provider", Imports.empty()); }

    private static Instance user(Instance p, Memory[] grown) {
        FunctionType ii = new FunctionType(List.of(ValType.I32), List.of(ValType.I32));
        Imports imports = Imports.builder()
                .instance("p", p)
                .function("env", "host_inc", ii, args -> new Value[] {Value.i32(((Value.I32) args[0]).value() + 100)})
                .function("env", "grow", ii, args -> {
                    long old = p.exports().memory("mem").grow(((Value.I32) args[0]).value());
                    grown[0] = p.exports().memory("mem");
                    return new Value[] {Value.i32((int) old)};
                })
                .build();
        return compiled("user", imports);
    }

    @Test
    void callIndirectAcrossInstancesAndToHostFunctions() {
        Instance p = provider();
        Instance u = user(p, new Memory[1]);
        Function ci = u.exports().function("ci");
        assertTrue(isCompiled(ci));
        assertEquals(Value.i32(14), ci.call(Value.i32(0), Value.i32(7))[0]);   // provider's $double
        assertEquals(Value.i32(21), ci.call(Value.i32(1), Value.i32(7))[0]);   // provider's $triple
        assertEquals(Value.i32(107), ci.call(Value.i32(2), Value.i32(7))[0]);  // host function
        assertEquals(Value.i32(8), ci.call(Value.i32(3), Value.i32(7))[0]);    // own function, fast path
        RuntimeError e = assertThrows(RuntimeError.class, () -> ci.call(Value.i32(4), Value.i32(7)));
        assertEquals(RuntimeError.Trap.UNDEFINED_ELEMENT, e.trap());
        e = assertThrows(RuntimeError.class, () -> u.exports().function("ci_wrong_type").call(Value.i32(0)));
        assertEquals(RuntimeError.Trap.INDIRECT_CALL_TYPE_MISMATCH, e.trap());
    }

    @Test
    void simdFunctionBetweenCompiledOnes() {
        Instance p = provider();
        assertTrue(isCompiled(p.exports().function("simd_then_double")));
        Instance u = user(p, new Memory[1]);
        // user (compiled) -> provider's SIMD function (compiled, other instance) -> provider's $double.
        assertEquals(Value.i32(18), u.exports().function("via_simd").call(Value.i32(9))[0]);
    }

    /** v128.const i32x4 k k k k; i32x4.add */
    private static Bytes addConst(Bytes b, int k) {
        b.op(0xFD).u32(0x0C);
        for (int i = 0; i < 4; i++) b.op(k & 0xFF, k >>> 8 & 0xFF, k >>> 16 & 0xFF, k >>> 24);
        return b.op(0xFD).u32(0xAE);
    }

    @Test
    void v128ParamsAndResultsCrossBothTiers() {
        final int v128 = 0x7B;
        ModuleBuilder b = new ModuleBuilder();
        int vv = b.type(new int[] {v128}, new int[] {v128});
        int ii = b.type(new int[] {I32}, new int[] {I32});
        int add1 = b.func(vv, new int[0][], addConst(new Bytes().localGet(0), 1).op(Instruction.END).toArray());
        // big(v) = add1(v + 1 + ... + 1): 1,000 vector adds, far over the method budget.
        Bytes big = new Bytes().localGet(0);
        for (int i = 0; i < 1000; i++) addConst(big, 1);
        int bigIdx = b.func(vv, new int[0][], big.call(add1).op(Instruction.END).toArray());
        // lane0(x) = extract_lane 0 (f(splat x)) for f = big (tier 1) and f = add1 (tier 2).
        Bytes viaBig = new Bytes().localGet(0).op(0xFD).u32(0x11).call(bigIdx).op(0xFD).u32(0x1B).u8(0);
        Bytes viaAdd1 = new Bytes().localGet(0).op(0xFD).u32(0x11).call(add1).op(0xFD).u32(0x1B).u8(0);
        int viaBigIdx = b.func(ii, new int[0][], viaBig.op(Instruction.END).toArray());
        int viaAdd1Idx = b.func(ii, new int[0][], viaAdd1.op(Instruction.END).toArray());
        b.exportFunc("big", bigIdx).exportFunc("add1", add1).exportFunc("via_big", viaBigIdx).exportFunc("via_add1", viaAdd1Idx);
        Instance inst = WebAssembly.instantiate(WebAssembly.compile(b.build(), Tier.COMPILER), Imports.empty());
        assertFalse(isCompiled(inst.exports().function("big")), "an oversized SIMD body must stay in tier 1");
        assertTrue(isCompiled(inst.exports().function("add1")));
        assertTrue(isCompiled(inst.exports().function("via_big")));
        assertTrue(isCompiled(inst.exports().function("via_add1")));
        assertEquals(Value.i32(8), inst.exports().function("via_add1").call(Value.i32(7))[0]);      // tier 2 -> 2
        assertEquals(Value.i32(1008), inst.exports().function("via_big").call(Value.i32(7))[0]);    // 2 -> 1 -> 2
        Value.V128 r = (Value.V128) inst.exports().function("add1").call(new Value.V128(5L << 32 | 4, 7L << 32 | 6))[0];
        assertEquals(6L << 32 | 5, r.lo());                                                          // API -> 2
        assertEquals(8L << 32 | 7, r.hi());
    }

    @Test
    void compiledCodeSeesMemoryGrownByAHostCall() {
        Instance p = provider();
        Memory[] grown = new Memory[1];
        Instance u = user(p, grown);
        assertEquals(Value.i32(1234), u.exports().function("grow_then_store").call(Value.i32(1234))[0]);
        assertEquals(2, grown[0].pages());
    }

    @Test
    void trapsCarryTheWasmStackWithNames() {
        Instance i = compiled("traps", Imports.empty());
        RuntimeError e = assertThrows(RuntimeError.class, () -> i.exports().function("outer").call(Value.i32(0)));
        assertEquals(RuntimeError.Trap.INTEGER_DIVIDE_BY_ZERO, e.trap());
        List<String> names = new ArrayList<>();
        for (RuntimeError.Frame f : e.wasmStack()) names.add(f.name());
        assertEquals(List.of("inner", "middle"), names.subList(0, 2));
        assertEquals(3, e.wasmStack().size());
        e = assertThrows(RuntimeError.class, () -> i.exports().function("load").call(Value.i32(65530)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, e.trap());
        assertEquals("load", e.wasmStack().get(0).name());
        assertEquals(Value.i32(0), i.exports().function("load").call(Value.i32(65520))[0]);
    }

    @Test
    void deepRecursionTrapsAsCallStackExhausted() {
        Instance i = compiled("traps", Imports.empty());
        RuntimeError e = assertThrows(RuntimeError.class, () -> i.exports().function("rec").call(Value.i32(1)));
        assertEquals(RuntimeError.Trap.CALL_STACK_EXHAUSTED, e.trap());
        // The instance still works afterwards.
        assertEquals(Value.i32(55), i.exports().function("fib").call(Value.i32(10))[0]);
    }

    @Test
    void javaStackOverflowOnASmallThreadStackIsCallStackExhausted() throws Exception {
        Instance i = compiled("traps", Imports.empty());
        java.util.concurrent.atomic.AtomicReference<Throwable> got = new java.util.concurrent.atomic.AtomicReference<>();
        // 10,000 compiled frames do not fit in 256 KiB: the StackOverflowError backstop must turn into the trap.
        Thread t = new Thread(null, () -> {
            try {
                i.exports().function("rec").call(Value.i32(1));
            } catch (Throwable e) {
                got.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        RuntimeError e = assertInstanceOf(RuntimeError.class, got.get());
        assertEquals(RuntimeError.Trap.CALL_STACK_EXHAUSTED, e.trap());
        assertEquals(Value.i32(55), i.exports().function("fib").call(Value.i32(10))[0]);
    }

    @Test
    void callsBetweenClassesOfOneModule() {
        // One class per function: every call between functions links through invokedynamic.
        String old = System.setProperty("gatun.compiler.classBytes", "1");
        Instance i;
        try {
            i = compiled("traps", Imports.empty());
        } finally {
            if (old == null) System.clearProperty("gatun.compiler.classBytes");
            else System.setProperty("gatun.compiler.classBytes", old);
        }
        Function outer = i.exports().function("outer"), fib = i.exports().function("fib");
        assertTrue(isCompiled(outer) && isCompiled(fib));
        assertNotSame(EngineInternals.funcInst(outer).cm, EngineInternals.funcInst(fib).cm);
        assertEquals(Value.i32(6765), fib.call(Value.i32(20))[0]);
        assertEquals(Value.i64(44), i.exports().function("use_pair").call(Value.i32(4))[0]);
        RuntimeError e = assertThrows(RuntimeError.class, () -> outer.call(Value.i32(0)));
        assertEquals(List.of("inner", "middle"), List.of(e.wasmStack().get(0).name(), e.wasmStack().get(1).name()));
    }

    @Test
    void multipleResults() {
        Instance i = compiled("traps", Imports.empty());
        Value[] r = i.exports().function("pair").call(Value.i32(4));
        assertArrayEquals(new Value[] {Value.i32(4), Value.i64(40)}, r);
        assertEquals(Value.i64(44), i.exports().function("use_pair").call(Value.i32(4))[0]);
    }

    @Test
    void interruptsACompiledInfiniteLoop() throws Exception {
        Instance i = compiled("traps", Imports.empty());
        Function spin = i.exports().function("spin");
        assertTrue(isCompiled(spin));
        i.setTimeout(Duration.ofMillis(100));
        RuntimeError e = assertThrows(RuntimeError.class, spin::call);
        assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap());

        i.setDeadline(null);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // the test fails on its own if the interrupt never comes
            }
            i.interrupt();
        });
        t.start();
        e = assertThrows(RuntimeError.class, spin::call);
        assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap());
        t.join();
    }

    @Test
    void interruptsCompiledRecursionWithoutLoops() {
        Instance i = compiled("traps", Imports.empty());
        Function fib = i.exports().function("fib");   // doubly recursive, no loop: fib(60) would run for ages
        assertTrue(isCompiled(fib));
        i.setTimeout(Duration.ofMillis(100));
        RuntimeError e = assertThrows(RuntimeError.class, () -> fib.call(Value.i32(60)));
        assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap());
    }

    @Test
    void interruptsLoopFreeTailCallCyclesAtAnyDepth() {
        // Recursion polls only at even call depths; tail calls keep the depth, so these must poll at every one.
        Instance i = WebAssembly.instantiate(WebAssembly.compile(dev.gatun.Wat.parse("""
                (module
                  (func $a (export "a") (param i32) (result i32) (return_call $b (i32.add (local.get 0) (i32.const 1))))
                  (func $b (param i32) (result i32) (return_call $a (local.get 0)))
                  (func $self (export "self") (param i32) (result i32) (return_call $self (i32.add (local.get 0) (i32.const 1))))
                  (func (export "a1") (param i32) (result i32) (call $a (local.get 0)))
                  (func (export "a2") (param i32) (result i32) (i32.add (call $a (local.get 0)) (i32.const 0)))
                  (func (export "self1") (param i32) (result i32) (call $self (local.get 0))))
                """), Tier.COMPILER), Imports.empty());
        for (String name : List.of("a", "a1", "a2", "self", "self1")) {
            Function f = i.exports().function(name);
            assertTrue(isCompiled(f), name);
            i.setTimeout(Duration.ofMillis(100));
            // A call that never polls would spin forever: fail instead of hanging the build.
            RuntimeError e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(RuntimeError.class, () -> f.call(Value.i32(0)), name), name);
            assertEquals(RuntimeError.Trap.INTERRUPTED, e.trap(), name);
        }
    }

    @Test
    void manyThreadsShareOneCompiledModule() throws Exception {
        dev.gatun.Module m = WebAssembly.compile(fixture("traps"), Tier.COMPILER);
        Instance shared = WebAssembly.instantiate(m, Imports.empty());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int k = 0; k < 32; k++) {
                int n = 15 + k % 5;
                fs.add(pool.submit(() -> {
                    Instance own = WebAssembly.instantiate(m, Imports.empty());
                    int a = ((Value.I32) own.exports().function("fib").call(Value.i32(n))[0]).value();
                    int b = ((Value.I32) shared.exports().function("fib").call(Value.i32(n))[0]).value();
                    assertEquals(a, b);
                    return a;
                }));
            }
            for (int k = 0; k < 32; k++) {
                int n = 15 + k % 5, x = 0, y = 1;
                for (int j = 0; j < n; j++) { int s = x + y; x = y; y = s; }
                assertEquals(x, fs.get(k).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tieredStartsInTheInterpreterAndSwitchesWhenHot() throws Exception {
        dev.gatun.Module m = WebAssembly.compile(fixture("traps"), Tier.TIERED);
        Instance i = WebAssembly.instantiate(m, Imports.empty());
        Function fib = i.exports().function("fib");
        assertFalse(isCompiled(fib), "tiered code starts in tier 1");
        long until = System.nanoTime() + 20_000_000_000L;
        while (!isCompiled(fib) && System.nanoTime() < until) {
            assertEquals(Value.i32(6765), fib.call(Value.i32(20))[0]);
        }
        assertTrue(isCompiled(fib), "a hot module is compiled in the background");
        assertEquals(Value.i32(6765), fib.call(Value.i32(20))[0]);
        // An instance made after publication starts compiled; traps keep their stack.
        Instance j = WebAssembly.instantiate(m, Imports.empty());
        assertTrue(isCompiled(j.exports().function("fib")));
        RuntimeError e = assertThrows(RuntimeError.class, () -> j.exports().function("outer").call(Value.i32(0)));
        assertEquals("inner", e.wasmStack().get(0).name());
    }

    @Test
    void tieredInterpreterLoopTriggersCompilation() {
        // One long call: the interpreter's interrupt polls count as work, so the module compiles meanwhile.
        Instance i = WebAssembly.instantiate(WebAssembly.compile(fixture("traps"), Tier.TIERED), Imports.empty());
        assertEquals(Value.i32(832040), i.exports().function("fib").call(Value.i32(30))[0]);
        long until = System.nanoTime() + 20_000_000_000L;
        while (!isCompiled(i.exports().function("fib")) && System.nanoTime() < until) Thread.onSpinWait();
        assertTrue(isCompiled(i.exports().function("fib")));
    }
}
