package dev.gatun;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One function the class builder refuses (its JVM code would be over 64 KiB) and one over the method budget,
 * both straight-line code that cannot be split into methods ({@code BodySplitTest} has functions that can),
 * stay in the interpreter, every other function is still compiled, the report names both, and strict
 * compilation refuses the module instead.
 */
class CompileReportTest {
    /** funcidx 0 and 3 small, 1 over the class-file limit, 2 over the 7,500-byte budget only. */
    static byte[] module() {
        StringBuilder wat = new StringBuilder("(module\n");
        wat.append("(func (export \"small\") (param i32) (result i32) local.get 0 i32.const 1 i32.add)\n");
        wat.append(sum("huge", 30_000)).append(sum("large", 2_000));
        wat.append("(func (export \"calls\") (param i32) (result i32) local.get 0 call 1 local.get 0 call 2 i32.add))");
        return Wat.parse(wat.toString());
    }

    /** A function whose body adds x*k for k = 1..n: about 8 bytes of JVM code per k. */
    private static String sum(String name, int n) {
        StringBuilder b = new StringBuilder("(func (export \"" + name + "\") (param i32) (result i32) i32.const 0\n");
        for (int k = 1; k <= n; k++) b.append("local.get 0 i32.const ").append(k + 1000).append(" i32.mul i32.add\n");
        return b.append(")\n").toString();
    }

    /** What huge(x) and large(x) return: x * the sum of k+1000 for k = 1..n. */
    private static int expected(int x, int n) {
        int s = 0;
        for (int k = 1; k <= n; k++) s += x * (k + 1000);
        return s;
    }

    @Test
    void oneFunctionThatCannotCompileLeavesTheOthersCompiled() {
        Module m = WebAssembly.compile(module(), new CompileOptions(Tier.COMPILER, false));
        assertTrue(m.compileReport().isEmpty(), "compiled at the first instantiation");
        Instance inst = WebAssembly.instantiate(m, Imports.empty());
        CompileReport r = m.compileReport().orElseThrow();
        assertEquals(4, r.functions());
        assertEquals(2, r.compiled());
        assertEquals(java.util.Set.of(1, 2), r.interpreted().keySet());
        // Over the class file's 64 KiB, and straight-line code that splitting cannot cut.
        assertTrue(r.interpreted().get(1).contains("over the 7500-byte budget even split"), r.interpreted().get(1));
        assertTrue(r.interpreted().get(2).contains("over the 7500-byte budget"), r.interpreted().get(2));
        assertTrue(r.largestMethodBytes() > 0 && r.largestMethodBytes() <= 7_500, r.toString());
        assertTrue(r.largestFuncidx() == 0 || r.largestFuncidx() == 3, r.toString());
        // Both kinds of code run, and calls between them agree.
        assertEquals(Value.i32(8), inst.exports().function("small").call(Value.i32(7))[0]);
        assertEquals(Value.i32(expected(3, 30_000) + expected(3, 2_000)), inst.exports().function("calls").call(Value.i32(3))[0]);
    }

    @Test
    void strictCompilationRefusesTheModuleAndNamesTheFunction() {
        for (Tier tier : new Tier[] {Tier.COMPILER, Tier.TIERED}) {
            CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compile(module(), new CompileOptions(tier, true)));
            assertEquals(CompileError.Kind.UNCOMPILABLE, e.kind());
            assertTrue(e.reason().startsWith("function 1 cannot be compiled: its method of"), e.reason());
            assertTrue(e.reason().endsWith("(and 1 more)"), e.reason());
            assertTrue(e.offset() > 0, "the offset of the function's body");
        }
        // The interpreter compiles nothing, so strictness has nothing to refuse.
        Module m = WebAssembly.compile(module(), new CompileOptions(Tier.INTERPRETER, true));
        assertTrue(m.compileReport().isEmpty());
    }

    @Test
    void strictTieredModuleStartsInTheInterpreterWithItsCodeReady() {
        byte[] small = Wat.parse("(module (func (export \"f\") (param i32) (result i32) local.get 0 i32.const 2 i32.mul))");
        Module m = WebAssembly.compile(small, new CompileOptions(Tier.TIERED, true));
        assertTrue(m.compileReport().isEmpty(), "not published before the module is hot");
        Function f = WebAssembly.instantiate(m, Imports.empty()).exports().function("f");
        for (int i = 0; i < 10_000 && m.compileReport().isEmpty(); i++) assertEquals(Value.i32(2 * i), f.call(Value.i32(i))[0]);
        CompileReport r = m.compileReport().orElseThrow();
        assertEquals(1, r.compiled());
        assertEquals(0, r.largestFuncidx());
    }
}
