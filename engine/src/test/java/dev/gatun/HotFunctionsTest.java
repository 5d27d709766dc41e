package dev.gatun;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TIERED on a big module compiles the functions that get hot, in batches on a compiler thread, not the
 * whole module (the size that counts as big is lowered here to 0 bytes, so this small module is one).
 */
class HotFunctionsTest {
    static final String WAT = """
            (module
              (func $inc (param i32) (result i32) local.get 0 i32.const 1 i32.add)
              (func (export "cold") (result i32) i32.const 7)
              (func (export "sum") (param $n i32) (result i64)
                (local $i i32) (local $acc i64)
                (loop $l
                  (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
                  (local.set $i (call $inc (local.get $i)))
                  (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                local.get $acc)
              (func $div (param $x i32) (result i32) (i32.div_u (i32.const 1000) (local.get $x)))
              ;; n iterations; with $call, each calls $div(i - z), which traps when i = z.
              (func (export "pick") (param $n i32) (param $call i32) (param $z i32) (result i32)
                (local $i i32) (local $acc i32)
                (loop $l
                  (if (local.get $call)
                    (then (local.set $acc (i32.add (local.get $acc) (call $div (i32.sub (local.get $i) (local.get $z)))))))
                  (local.set $acc (i32.add (local.get $acc) (local.get $i)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                local.get $acc))
            """;

    private String saved;

    @BeforeEach
    void bigModules() {
        saved = System.getProperty("gatun.tiered.wholeModuleBytes");
        System.setProperty("gatun.tiered.wholeModuleBytes", "0");
    }

    @AfterEach
    void restore() {
        if (saved == null) System.clearProperty("gatun.tiered.wholeModuleBytes");
        else System.setProperty("gatun.tiered.wholeModuleBytes", saved);
    }

    private static Module module(Tier tier) { return WebAssembly.compile(Wat.parse(WAT), CompileOptions.defaults().withTier(tier)); }

    /** Waits (for the compiler thread, not for a time) until what the module has compiled passes the test; false after 60 s. */
    private static boolean compiled(Module m, IntPredicate done, Runnable work) {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            work.run();
            if (m.compileReport().map(r -> done.test(r.compiled())).orElse(false)) return true;
        }
        return false;
    }

    @Test
    void onlyWhatRunsIsCompiled() {
        Module m = module(Tier.TIERED);
        Instance inst = WebAssembly.instantiate(m, Imports.empty());
        Value want = WebAssembly.instantiate(module(Tier.INTERPRETER), Imports.empty()).exports().function("sum").call(Value.i32(200_000))[0];
        Function sum = inst.exports().function("sum");
        assertTrue(compiled(m, n -> n >= 2, () -> assertEquals(want, sum.call(Value.i32(200_000))[0])), "sum and inc never compiled");
        CompileReport r = m.compileReport().orElseThrow();
        // sum and inc: cold, div and pick never ran.
        assertEquals(2, r.compiled(), r.toString());
        assertEquals(5, r.functions());
        assertTrue(r.interpreted().isEmpty(), r.toString());
    }

    /**
     * pick gets hot while it does not call div, so its call to div links to the slow path; then div gets
     * hot through those calls and is compiled later, and the call site switches to it. Results agree with
     * the interpreter throughout, and a trap in div names the same frames as in the compiler tier.
     */
    @Test
    void aCalleeCompiledAfterItsCallerIsLinkedLate() {
        Module m = module(Tier.TIERED);
        Function pick = WebAssembly.instantiate(m, Imports.empty()).exports().function("pick");
        Function ref = WebAssembly.instantiate(module(Tier.INTERPRETER), Imports.empty()).exports().function("pick");
        Value[] quiet = {Value.i32(100_000), Value.i32(0), Value.i32(-1)};
        Value[] calling = {Value.i32(5_000), Value.i32(1), Value.i32(-1)};
        Value wantQuiet = ref.call(quiet)[0], wantCalling = ref.call(calling)[0];
        assertTrue(compiled(m, n -> n >= 1, () -> assertEquals(wantQuiet, pick.call(quiet)[0])), "pick never compiled");
        assertEquals(1, m.compileReport().orElseThrow().compiled());
        assertTrue(compiled(m, n -> n >= 2, () -> assertEquals(wantCalling, pick.call(calling)[0])), "div never compiled");
        for (int i = 0; i < 100; i++) assertEquals(wantCalling, pick.call(calling)[0]);

        Value[] trapping = {Value.i32(50), Value.i32(1), Value.i32(20)};
        RuntimeError got = assertThrows(RuntimeError.class, () -> pick.call(trapping));
        Function compiledPick = WebAssembly.instantiate(module(Tier.COMPILER), Imports.empty()).exports().function("pick");
        RuntimeError want = assertThrows(RuntimeError.class, () -> compiledPick.call(trapping));
        assertEquals(want.trap(), got.trap());
        assertEquals(want.wasmStack(), got.wasmStack());
    }
}
