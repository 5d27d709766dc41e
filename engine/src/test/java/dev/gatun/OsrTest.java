package dev.gatun;

import dev.gatun.interpreter.Osr;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On-stack replacement: one long call that starts in the interpreter finishes in compiled code once the
 * module is compiled, at a loop header, with the same result and the same trap as in the other tiers.
 */
class OsrTest {
    /** sum(n): nested loops over a memory array with a call inside; trap(n) traps after n iterations. */
    static final String WAT = """
            (module (memory 1)
              (func $inc (param i32) (result i32) local.get 0 i32.const 1 i32.add)
              (func (export "sum") (param $n i32) (result i64)
                (local $i i32) (local $j i32) (local $acc i64)
                (loop $outer
                  (local.set $j (i32.const 0))
                  (loop $inner
                    (i32.store (i32.and (i32.mul (local.get $j) (i32.const 4)) (i32.const 0xFFFC))
                               (i32.add (local.get $i) (local.get $j)))
                    (local.set $acc (i64.add (local.get $acc)
                        (i64.extend_i32_u (i32.load (i32.and (i32.mul (local.get $j) (i32.const 4)) (i32.const 0xFFFC))))))
                    (local.set $j (call $inc (local.get $j)))
                    (br_if $inner (i32.lt_u (local.get $j) (i32.const 1000))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                local.get $acc)
              (func $deep (export "trap") (param $n i32) (result i32)
                (local $i i32)
                (loop $l
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                (i32.div_u (i32.const 1) (i32.sub (local.get $i) (local.get $n)))))
            """;

    private static Instance instance(Tier tier, boolean strict) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), new CompileOptions(tier, strict)), Imports.empty());
    }

    @Test
    void aLongCallMovesIntoCompiledCodeWithTheSameResult() {
        Value want = instance(Tier.INTERPRETER, false).exports().function("sum").call(Value.i32(3000))[0];
        // Strict: compiled up front and published (on this thread) once the module is hot, during the call.
        long before = Osr.entries();
        Value got = instance(Tier.TIERED, true).exports().function("sum").call(Value.i32(3000))[0];
        assertEquals(want, got);
        assertTrue(Osr.entries() > before, "the call moved into compiled code");
    }

    @Test
    void aTrapAfterTheMoveNamesTheFrameOnce() {
        long before = Osr.entries();
        RuntimeError e = assertThrowsTrap(instance(Tier.TIERED, true), 2_000_000);
        assertTrue(Osr.entries() > before, "the call moved into compiled code");
        RuntimeError c = assertThrowsTrap(instance(Tier.COMPILER, false), 2_000_000);
        assertEquals(c.trap(), e.trap());
        assertEquals(c.wasmStack(), e.wasmStack());
    }

    private static RuntimeError assertThrowsTrap(Instance inst, int n) {
        try {
            inst.exports().function("trap").call(Value.i32(n));
        } catch (RuntimeError e) {
            return e;
        }
        throw new AssertionError("no trap");
    }
}
