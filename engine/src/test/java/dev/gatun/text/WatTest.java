package dev.gatun.text;

import static org.junit.jupiter.api.Assertions.*;

import dev.gatun.CompileError;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Test;

class WatTest {
    private static Value[] call(String wat, String name, Value... args) {
        Instance i = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat)), Imports.builder().build());
        return i.exports().function(name).call(args);
    }

    @Test
    void foldedAndFlatInstructionsWithSymbolicIndices() {
        String wat = """
                (module
                  (func $gcd (export "gcd") (param $a i32) (param $b i32) (result i32)
                    (block $done
                      (loop $next
                        (br_if $done (i32.eqz (local.get $b)))
                        local.get $b
                        (i32.rem_u (local.get $a) (local.get $b))
                        local.set $b
                        local.set $a
                        br $next))
                    local.get $a))
                """;
        assertEquals(6, ((Value.I32) call(wat, "gcd", Value.i32(48), Value.i32(18))[0]).value());
    }

    @Test
    void readmeInlineModule() {
        dev.gatun.Module add = WebAssembly.compile("""
                (module (func (export "add") (param i32 i32) (result i32)
                  (i32.add (local.get 0) (local.get 1))))
                """);
        Instance i = WebAssembly.instantiate(add, Imports.builder().build());
        assertEquals(42, ((Value.I32) i.exports().function("add").call(Value.i32(40), Value.i32(2))[0]).value());
    }

    @Test
    void bareFieldsAreAModule() {
        assertEquals(7L, ((Value.I64) call("(func (export \"f\") (result i64) i64.const 0x_7 drop i64.const 7)".replace("0x_7", "7"), "f")[0]).value());
    }

    @Test
    void floatLiteralsAreExactBits() {
        String wat = "(func (export \"f\") (result f32) (f32.const -nan:0x200000))";
        assertEquals(0xFFA00000, ((Value.F32) call(wat, "f")[0]).bits());
        String hex = "(func (export \"f\") (result f64) (f64.const 0x1.8p1))";
        assertEquals(3.0, ((Value.F64) call(hex, "f")[0]).value());
    }

    @Test
    void errorsSayLineAndColumn() {
        CompileError e = assertThrows(CompileError.class, () -> Wat.parse("(module\n  (func (i32.const 4294967296)))"));
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
        assertEquals(2, e.line());
        assertEquals(20, e.column());
        assertEquals("constant out of range", e.reason());
        assertTrue(e.getMessage().startsWith("2:20: "), e.getMessage());
    }

    @Test
    void malformedTextIsRejected() {
        for (String bad : new String[] {
                "(func (local.get $x))", "(func block $a end $b)", "(func) (import \"a\" \"b\" (func))",
                "(type (func (param i32))) (func (type 0) (param i64))", "(func (i32.load align=3 (i32.const 0)))",
                "(module (func (nop)", "(data \"a\"\"b\")", "(func (i32.const 0x))", "(func i32.const0)",
                "(func $f) (func $f)", "(memory 0x1_0000_0000_0000_0000)", "(func (f32.const 1e39))"}) {
            CompileError e = assertThrows(CompileError.class, () -> Wat.parse(bad), bad);
            assertEquals(CompileError.Kind.MALFORMED, e.kind(), bad);
            assertTrue(e.line() > 0, bad);
        }
    }

    @Test
    void implicitTypesReuseMatchingDefinitions() {
        byte[] a = Wat.parse("(type (func (param i32))) (func (param i32))");
        byte[] b = Wat.parse("(type (func (param i32))) (func (type 0))");
        assertArrayEquals(b, a);
        byte[] c = Wat.parse("(func (param i32)) (func (param i64))");
        // Two types are inserted, in order of first use.
        assertEquals(2, c[10]);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(func " + "(block ".repeat(100_000) + ")".repeat(100_000) + ")";
        CompileError e = assertThrows(CompileError.class, () -> Wat.parse(deep));
        assertEquals("nesting too deep", e.reason());
    }

    @Test
    void textIsRecognisedByContent() {
        assertTrue(Wat.looksLikeText(" ;; c\n(; x ;) (module)".getBytes()));
        assertFalse(Wat.looksLikeText(new byte[] {0, 'a', 's', 'm'}));
    }
}
