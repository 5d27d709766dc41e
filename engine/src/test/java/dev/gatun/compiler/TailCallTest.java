package dev.gatun.compiler;

import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.RuntimeError;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Tail calls run in constant stack in every tier: far deeper than the 10,000-frame call-depth limit (and
 * any Java stack), through return_call to itself and to another function, return_call_indirect, and
 * across the tier boundary (a compiled function and one the compiler leaves to the interpreter).
 */
class TailCallTest {
    /** Deeper than any Java stack or the call-depth limit could go by ordinary calls. */
    static final int N = 3_000_000;

    static final String LOOPS = """
            (module
              (type $ii (func (param i32 i64) (result i64)))
              (table 2 funcref)
              (elem (i32.const 0) $even_i $odd_i)
              ;; sum of 1..n by self tail calls
              (func $sum (export "sum") (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (local.get $acc))
                  (else (return_call $sum (i32.sub (local.get $n) (i32.const 1))
                                          (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))))
              ;; parity by mutual tail calls; acc counts the hops
              (func $even (export "even") (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (i64.add (local.get $acc) (i64.const 1000000000000)))
                  (else (return_call $odd (i32.sub (local.get $n) (i32.const 1)) (i64.add (local.get $acc) (i64.const 1))))))
              (func $odd (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (local.get $acc))
                  (else (return_call $even (i32.sub (local.get $n) (i32.const 1)) (i64.add (local.get $acc) (i64.const 1))))))
              ;; the same through the table
              (func $even_i (export "even_i") (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (i64.add (local.get $acc) (i64.const 1000000000000)))
                  (else (return_call_indirect (type $ii) (i32.sub (local.get $n) (i32.const 1))
                                              (i64.add (local.get $acc) (i64.const 1)) (i32.const 1)))))
              (func $odd_i (param $n i32) (param $acc i64) (result i64)
                (if (result i64) (i32.eqz (local.get $n))
                  (then (local.get $acc))
                  (else (return_call_indirect (type $ii) (i32.sub (local.get $n) (i32.const 1))
                                              (i64.add (local.get $acc) (i64.const 1)) (i32.const 0)))))
              ;; a trap after many tail calls still carries the Wasm stack
              (func $down (export "down") (param $n i32) (result i32)
                (if (i32.eqz (local.get $n)) (then unreachable))
                (return_call $down (i32.sub (local.get $n) (i32.const 1)))))
            """;

    static Instance instance(String wat, Tier tier) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), tier), Imports.empty());
    }

    static long call(Instance i, String name, int n, long acc) {
        return ((Value.I64) i.exports().function(name).call(Value.i32(n), Value.i64(acc))[0]).value();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void tailCallsRunInConstantStack(Tier tier) {
        Instance i = instance(LOOPS, tier);
        assertEquals((long) N * (N + 1) / 2, call(i, "sum", N, 0));
        // even(N) with N even: N hops, then even's base case.
        assertEquals(1_000_000_000_000L + N, call(i, "even", N, 0));
        assertEquals(N + 1, call(i, "even", N + 1, 0));   // ends in odd(0)
        assertEquals(1_000_000_000_000L + N, call(i, "even_i", N, 0));
        assertEquals(N + 1, call(i, "even_i", N + 1, 0));
        RuntimeError e = assertThrows(RuntimeError.class, () -> i.exports().function("down").call(Value.i32(N)));
        assertEquals(RuntimeError.Trap.UNREACHABLE, e.trap());
        assertFalse(e.wasmStack().isEmpty());
    }

    @Test
    void compiledCodeCompilesTheTailCallingFunctions() {
        Instance i = instance(LOOPS, Tier.COMPILER);
        for (String f : new String[] {"sum", "even", "even_i", "down"}) {
            assertTrue(CompilerTierTest.isCompiled(i.exports().function(f)), f + " is compiled");
        }
    }

    /**
     * ping is compiled, pong is too big for the compiler (4,000 dead adds) and stays in the interpreter:
     * every hop crosses the tier boundary, both ways, by tail call.
     */
    @Test
    void mutualTailCallsAcrossTheTierBoundary() {
        StringBuilder pad = new StringBuilder();
        for (int k = 0; k < 4000; k++) pad.append("(i32.const 1) i32.add\n");
        String wat = """
                (module
                  (func $ping (export "ping") (param $n i32) (param $acc i64) (result i64)
                    (if (result i64) (i32.eqz (local.get $n))
                      (then (local.get $acc))
                      (else (return_call $pong (i32.sub (local.get $n) (i32.const 1)) (i64.add (local.get $acc) (i64.const 1))))))
                  (func $pong (export "pong") (param $n i32) (param $acc i64) (result i64)
                    (if (i32.eq (local.get $n) (i32.const -1))
                      (then i32.const 0 PAD drop))
                    (return_call $ping (local.get $n) (i64.add (local.get $acc) (i64.const 2)))))
                """.replace("PAD", pad);
        Instance i = instance(wat, Tier.COMPILER);
        Function ping = i.exports().function("ping"), pong = i.exports().function("pong");
        assertTrue(CompilerTierTest.isCompiled(ping), "ping is compiled");
        assertFalse(CompilerTierTest.isCompiled(pong), "pong is interpreted");
        int n = 1_000_000;
        // Each round: ping adds 1 and decrements, pong adds 2.
        assertEquals(3L * n, call(i, "ping", n, 0));
        assertEquals(3L * n + 2, call(i, "pong", n, 0));
    }
}
