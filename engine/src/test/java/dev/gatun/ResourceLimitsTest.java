package dev.gatun;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile modules against the embedder's limits: each refusal has its own trap kind (wasmtime and Node users
 * tell resource exhaustion from a memory fault), and every tier enforces the same limits.
 */
class ResourceLimitsTest {
    private static Instance instantiate(String wat, Tier tier, InstanceLimits limits) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), tier), Imports.empty(), limits);
    }

    private static RuntimeError.Trap failure(String wat, InstanceLimits limits) {
        return assertThrows(RuntimeError.class, () -> instantiate(wat, Tier.INTERPRETER, limits)).trap();
    }

    @Test
    void capsBelowTheModulesMinimumAreLimitRefusalsNotMemoryFaults() {
        assertEquals(RuntimeError.Trap.LIMIT_EXCEEDED, failure("(module (memory 5))", InstanceLimits.memoryPages(4)));
        assertEquals(RuntimeError.Trap.LIMIT_EXCEEDED, failure("(module (table 20 funcref))", InstanceLimits.NONE.withTableElements(10)));
        instantiate("(module (table 10 funcref) (memory 4))", Tier.INTERPRETER, InstanceLimits.memoryPages(4).withTableElements(10)).close();
    }

    @Test
    void tableBombExhaustsTheProcessWideBudget() {
        // 2^31 elements cannot be a Java array; 2^30 exceeds the default budget (an eighth of the heap in elements).
        RuntimeError tooLarge = assertThrows(RuntimeError.class, () -> instantiate("(module (table 0x80000000 funcref))", Tier.INTERPRETER, InstanceLimits.NONE));
        assertEquals(RuntimeError.Trap.RESOURCE_EXHAUSTED, tooLarge.trap());
        RuntimeError budget = assertThrows(RuntimeError.class, () -> instantiate("(module (table 0x40000000 funcref))", Tier.INTERPRETER, InstanceLimits.NONE));
        assertEquals(RuntimeError.Trap.RESOURCE_EXHAUSTED, budget.trap());
        assertTrue(budget.getMessage().contains("gatun.maxTableElements"), budget.getMessage());
    }

    /** Grows by 100 pages (or 100,000 elements) until refused; returns how many grows succeeded. */
    private static final String BOMB = """
        (module (memory 1) (table 1 funcref)
          (func (export "memory") (result i32) (local i32)
            (block (loop
              (br_if 1 (i32.eq (memory.grow (i32.const 100)) (i32.const -1)))
              (local.set 0 (i32.add (local.get 0) (i32.const 1)))
              (br 0)))
            (local.get 0))
          (func (export "table") (result i32) (local i32)
            (block (loop
              (br_if 1 (i32.eq (table.grow (ref.null func) (i32.const 100000)) (i32.const -1)))
              (local.set 0 (i32.add (local.get 0) (i32.const 1)))
              (br 0)))
            (local.get 0)))""";

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void memoryAndTableBombsAreRefusedByTheLimiter(Tier tier) {
        List<String> asked = new ArrayList<>();
        ResourceLimiter limiter = new ResourceLimiter() {
            @Override
            public boolean memoryGrowing(long current, long desired, long maximum) {
                asked.add("memory " + current + "->" + desired + " of " + maximum);
                return desired <= 350;
            }

            @Override
            public boolean tableGrowing(long current, long desired, long maximum) {
                asked.add("table " + current + "->" + desired);
                return desired <= 250_001;
            }
        };
        try (Instance in = instantiate(BOMB, tier, InstanceLimits.NONE.withLimiter(limiter))) {
            assertEquals(List.of("table 0->1", "memory 0->1 of 65536"), asked);
            asked.clear();
            assertEquals(Value.i32(3), in.exports().function("memory").call()[0]);
            assertEquals(List.of("memory 1->101 of 65536", "memory 101->201 of 65536", "memory 201->301 of 65536", "memory 301->401 of 65536"), asked);
            assertEquals(Value.i32(2), in.exports().function("table").call()[0]);
        }
    }

    @Test
    void theLimiterCanRefuseInstantiation() {
        ResourceLimiter none = new ResourceLimiter() {
            @Override
            public boolean memoryGrowing(long c, long d, long m) { return d == 0; }

            @Override
            public boolean tableGrowing(long c, long d, long m) { return true; }
        };
        assertEquals(RuntimeError.Trap.LIMIT_EXCEEDED, failure("(module (memory 1))", InstanceLimits.NONE.withLimiter(none)));
        instantiate("(module (memory 0))", Tier.INTERPRETER, InstanceLimits.NONE.withLimiter(none)).close();
    }

    private static final String RECURSE = """
        (module (func $down (export "down") (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
            (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))))""";

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void callDepthIsLimitedPerInstance(Tier tier) {
        try (Instance shallow = instantiate(RECURSE, tier, InstanceLimits.NONE.withMaxCallDepth(50));
             Instance deep = instantiate(RECURSE, tier, InstanceLimits.NONE)) {
            assertEquals(Value.i32(40), shallow.exports().function("down").call(Value.i32(40))[0]);
            RuntimeError e = assertThrows(RuntimeError.class, () -> shallow.exports().function("down").call(Value.i32(60)));
            assertEquals(RuntimeError.Trap.CALL_STACK_EXHAUSTED, e.trap());
            assertEquals(Value.i32(60), deep.exports().function("down").call(Value.i32(60))[0]);
        }
    }

    @Test
    void compiledStackOverflowCarriesTheWasmStack() throws Exception {
        // A small thread stack: the JVM stack runs out long before the call-depth limit.
        Instance in = instantiate(RECURSE, Tier.COMPILER, InstanceLimits.NONE);
        Function down = in.exports().function("down");
        Throwable[] got = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                down.call(Value.i32(9_000));
            } catch (Throwable e) {
                got[0] = e;
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        RuntimeError e = assertInstanceOf(RuntimeError.class, got[0]);
        assertEquals(RuntimeError.Trap.CALL_STACK_EXHAUSTED, e.trap());
        assertFalse(e.wasmStack().isEmpty(), e.getMessage());
        assertEquals(0, e.wasmStack().get(0).funcidx());
        assertTrue(e.wasmStack().size() > 1, e.getMessage());
        in.close();
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void callsAfterCloseFailWithTheirOwnKind(Tier tier) {
        Instance in = instantiate("(module (memory 1) (func (export \"load\") (result i32) (i32.load (i32.const 0))))", tier, InstanceLimits.NONE);
        Function load = in.exports().function("load");
        assertEquals(Value.i32(0), load.call()[0]);
        in.close();
        RuntimeError e = assertThrows(RuntimeError.class, load::call);
        assertEquals(RuntimeError.Trap.CLOSED, e.trap());
        assertEquals("instance closed: the instance was closed", e.getMessage());
    }
}
