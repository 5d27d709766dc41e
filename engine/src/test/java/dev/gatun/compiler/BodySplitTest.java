package dev.gatun.compiler;

import dev.gatun.CompileOptions;
import dev.gatun.CompileReport;
import dev.gatun.Function;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Functions over the method budget are split into several methods ({@link BodySplitter}): with a small
 * budget, a big function of every kind of control flow must give what the interpreter gives.
 */
class BodySplitTest {
    /**
     * One block of the big function, repeated with different constants: nested blocks and loops, branches
     * out of them to outer labels (with values), br_table, a multi-value block with a value below it, an
     * if/else, locals of every type (v128 and references too), calls, and a trap or a return from deep
     * inside when the argument says so.
     */
    private static String part(int k) {
        return """
                ;; part %1$d
                (local.set $acc (i32.add (local.get $acc)
                  (block $out (result i32)
                    (i32.const %1$d)   ;; a value below the block, across its region
                    (block $b2 (param i32) (result i32 i64)
                      (local.get $n)
                      (i32.add)
                      (i64.extend_i32_u (local.get $n)))
                    (local.set $l (i64.add (local.get $l)))
                    (local.set $i (i32.const 0))
                    (loop $again
                      (block $s2
                        (block $s1
                          (br_table $s1 $s2 $s1 $s2
                            (i32.and (i32.add (local.get $i) (local.get $n)) (i32.const 3))))
                        (local.set $f (f32.add (local.get $f) (f32.convert_i32_s (local.get $i)))))
                      ;; out of the loop and two blocks with a value, when n is large
                      (drop (br_if $out (local.get $acc) (i32.gt_s (local.get $n) (i32.const 21))))
                      (local.set $d (f64.mul (local.get $d) (f64.const 1.0001)))
                      (local.set $v (i32x4.add (local.get $v) (i32x4.splat (local.get $i))))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $again (i32.lt_u (local.get $i) (i32.const %2$d))))
                    (if (result i32) (i32.eq (local.get $n) (i32.const %1$d))
                      (then
                        (if (i32.eq (local.get $mode) (i32.const 1)) (then (unreachable)))
                        (if (i32.eq (local.get $mode) (i32.const 2))
                          (then (return (i32.add (local.get $acc) (i32.const 1000000)))))
                        (if (i32.eq (local.get $mode) (i32.const 3))
                          (then (drop (i32.div_u (local.get $acc) (i32.const 0)))))
                        (call $twice (local.get $acc)))
                      (else
                        (local.set $r (if (result externref) (ref.is_null (local.get $r))
                          (then (local.get $x)) (else (ref.null extern))))
                        (i32.wrap_i64 (local.get $l))))
                    (i32.add))))
                (i32.const %1$d)
                (i32.xor)
                """.formatted(k, 3 + k % 5);
    }

    static String module(int parts) {
        StringBuilder b = new StringBuilder("""
                (module
                  (func $twice (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
                  (func (export "big") (param $n i32) (param $mode i32) (param $x externref) (result i32)
                    (local $acc i32) (local $i i32) (local $l i64) (local $f f32) (local $d f64)
                    (local $v v128) (local $r externref)
                    (local.set $d (f64.const 1))
                    (i32.const 0)
                """);
        // Groups of four parts in blocks that take and give the running value (straight-line code between
        // calls is not split, so the function's own method holds one call per group).
        for (int k = 0; k < parts; k++) {
            if (k % 4 == 0) b.append("(block (param i32) (result i32)\n");
            b.append(part(k));
            if (k % 4 == 3 || k == parts - 1) b.append(")\n");
        }
        b.append("""
                    (i32.add (i32.trunc_sat_f32_s (local.get $f)))
                    (i32.add (i32.trunc_sat_f64_s (local.get $d)))
                    (i32.add (i32x4.extract_lane 3 (local.get $v)))
                    (i32.add (i32.wrap_i64 (local.get $l)))
                    (i32.add (if (result i32) (ref.is_null (local.get $r)) (then (i32.const 7)) (else (i32.const 11)))))
                  (func (export "small") (result i32) (i32.const 42)))
                """);
        return b.toString();
    }

    /** Compiles with the given budget (strict: every function must compile), restoring the property after. */
    static Module compiled(byte[] wasm, int budget) {
        String key = "gatun.compiler.maxMethodBytes";
        String before = System.getProperty(key);
        System.setProperty(key, Integer.toString(budget));
        try {
            return WebAssembly.compile(wasm, new CompileOptions(Tier.COMPILER, true));
        } finally {
            if (before == null) System.clearProperty(key);
            else System.setProperty(key, before);
        }
    }

    private static Object outcome(Supplier<Value[]> call) {
        try {
            return call.get()[0];
        } catch (RuntimeError e) {
            return e.trap() + " at " + e.wasmStack().get(0);
        }
    }

    @Test
    void aSplitFunctionGivesWhatTheInterpreterGives() {
        byte[] wasm = Wat.parse(module(24));
        Module m = compiled(wasm, 2000);
        CompileReport report = m.compileReport().orElseThrow();
        assertEquals(3, report.compiled(), report.toString());
        assertEquals(1, report.split(), "the big function must be split: " + report);
        assertTrue(report.largestMethodBytes() <= 2000, report.toString());
        Instance c = WebAssembly.instantiate(m, Imports.empty());
        Instance i = WebAssembly.instantiate(WebAssembly.compile(wasm, Tier.INTERPRETER), Imports.empty());
        Function cf = c.exports().function("big"), inf = i.exports().function("big");
        List<Object> seen = new ArrayList<>();
        Object ref = "a host reference";
        for (int n = -1; n < 26; n++) {
            for (int mode = 0; mode < 4; mode++) {
                Value[] args = {Value.i32(n), Value.i32(mode), Value.externref(mode == 0 ? null : ref)};
                Object want = outcome(() -> inf.call(args));
                assertEquals(want, outcome(() -> cf.call(args)), "n=" + n + " mode=" + mode);
                seen.add(want);
            }
        }
        // The arguments do reach the traps and the early return (so the comparison covers them).
        assertTrue(seen.stream().anyMatch(o -> o instanceof String s && s.startsWith("UNREACHABLE")), seen.toString());
        assertTrue(seen.stream().anyMatch(o -> o instanceof String s && s.startsWith("INTEGER_DIVIDE_BY_ZERO")), seen.toString());
        // n=5 reaches part 5's early return in mode 2, which mode 0 runs past.
        assertNotEquals(seen.get(6 * 4), seen.get(6 * 4 + 2));
    }

    @Test
    void aSplitFunctionChargesTheFuelTheInterpreterCharges() {
        byte[] wasm = Wat.parse(module(24));
        String key = "gatun.compiler.maxMethodBytes";
        System.setProperty(key, "2000");
        try (Instance c = WebAssembly.instantiate(WebAssembly.compile(wasm, new CompileOptions(Tier.COMPILER, true)).withFuelMetering(),
                Imports.empty(), InstanceLimits.NONE.withFuel(1_000_000));
             Instance i = WebAssembly.instantiate(WebAssembly.compile(wasm, Tier.INTERPRETER).withFuelMetering(),
                Imports.empty(), InstanceLimits.NONE.withFuel(1_000_000))) {
            assertEquals(1, c.module().compileReport().orElseThrow().split(), "metered, the big function is split too");
            for (int n : new int[] {3, 7, 22}) {
                for (int mode = 0; mode < 4; mode++) {
                    Value[] args = {Value.i32(n), Value.i32(mode), Value.externref(null)};
                    assertEquals(outcome(() -> i.exports().function("big").call(args)),
                            outcome(() -> c.exports().function("big").call(args)), "n=" + n + " mode=" + mode);
                    assertEquals(i.fuelConsumed(), c.fuelConsumed(), "n=" + n + " mode=" + mode);
                }
            }
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void underTheBudgetNothingIsSplit() {
        Module m = compiled(Wat.parse(module(2)), 65_535);
        CompileReport report = m.compileReport().orElseThrow();
        assertEquals(0, report.split(), report.toString());
        assertEquals(3, report.compiled());
    }

    @Test
    void whatCannotBeSplitIsReportedAndTheOthersStillCompile() {
        // Straight-line code has no block to outline: with a budget this small it stays in tier 1.
        StringBuilder b = new StringBuilder("(module (func (export \"line\") (param i32) (result i32) (local.get 0)");
        for (int k = 0; k < 500; k++) b.append(" (i32.const ").append(k).append(") (i32.add)");
        b.append(") (func (export \"small\") (result i32) (i32.const 42)))");
        String key = "gatun.compiler.maxMethodBytes";
        System.setProperty(key, "600");
        Module m;
        try {
            m = WebAssembly.compile(Wat.parse(b.toString()), new CompileOptions(Tier.COMPILER, false));
            WebAssembly.instantiate(m, Imports.empty());
        } finally {
            System.clearProperty(key);
        }
        CompileReport report = m.compileReport().orElseThrow();
        assertEquals(1, report.compiled(), report.toString());
        assertTrue(report.interpreted().get(0).contains("over the 600-byte budget"), report.toString());
    }
}
