package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Extended constant expressions (Wasm 3.0): i32/i64 add, sub and mul over constants and immutable
 * globals (imported, or defined earlier) in global initialisers and segment offsets; the printer writes
 * them back, and what validation rejects.
 */
class ExtendedConstTest {
    static final String WAT = """
            (module
              (global $a (import "m" "g") i32)
              (global $b (export "b") i32 (i32.add (global.get $a) (i32.mul (i32.const 2) (i32.const 3))))
              (global $c (export "c") i64 (i64.sub (i64.mul (i64.const 0x100000000) (i64.const 3)) (i64.const 1)))
              (global $d (export "d") i32 (i32.sub (global.get $b) (i32.const 0x7fffffff)))
              (table (export "t") 64 funcref)
              (memory (export "mem") 1)
              (elem (i32.add (global.get $b) (i32.const 1)) $f)
              (data (i32.sub (global.get $b) (i32.const 2)) "hi")
              (func $f))
            """;

    @ParameterizedTest
    @EnumSource(Tier.class)
    void extendedConstantsInitialiseGlobalsAndPlaceSegments(Tier tier) {
        Imports imports = Imports.builder().add("m", "g", new Global(new GlobalType(ValType.I32, false), Value.i32(40))).build();
        Instance i = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), tier), imports);
        assertEquals(Value.i32(46), i.exports().global("b").get());
        assertEquals(Value.i64(3L * (1L << 32) - 1), i.exports().global("c").get());
        assertEquals(Value.i32(46 - 0x7fffffff), i.exports().global("d").get());   // wraps as i32
        assertNotNull(((Value.FuncRef) i.exports().table("t").get(47)).function());
        assertNull(((Value.FuncRef) i.exports().table("t").get(46)).function());
        assertArrayEquals("hi".getBytes(), i.exports().memory("mem").read(44, 2));
    }

    @Test
    void printerWritesExtendedConstantsBack() {
        String text = Wat.print(Wat.parse(WAT), true);
        assertTrue(text.contains("(i32.add (global.get 0) (i32.mul (i32.const 2) (i32.const 3)))"), text);
        assertArrayEquals(Wat.parse(WAT), Wat.parse(text));
    }

    @Test
    void invalidExtendedConstants() {
        // A mutable global, a later global, a non-constant operator, an operand of the other type, two values left.
        for (String g : new String[] {
                "(global $m (mut i32) (i32.const 1)) (global i32 (i32.add (global.get $m) (i32.const 1)))",
                "(global i32 (i32.add (global.get 1) (i32.const 1))) (global i32 (i32.const 1))",
                "(global i32 (i32.div_s (i32.const 4) (i32.const 2)))",
                "(global i32 (i32.add (i64.const 1) (i32.const 1)))",
                "(global i32 (i32.const 1) (i32.const 2))"}) {
            byte[] wasm = Wat.parse("(module " + g + ")");
            CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compile(wasm), g);
            assertEquals(CompileError.Kind.INVALID, e.kind(), g);
        }
    }
}
