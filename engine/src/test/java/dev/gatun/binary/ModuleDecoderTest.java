package dev.gatun.binary;

import dev.gatun.model.WasmModule;
import dev.gatun.CompileError;
import dev.gatun.model.ValType;
import dev.gatun.WebAssembly;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ModuleDecoderTest {
    /** wat2wasm --debug-names of: (module $mod (func $first (param $x i32) (local $tmp i64) nop)
     *  (func $second) (export "first" (func $first))) */
    static final byte[] NAMES = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x60,
            0x01, 0x7f, 0x00, 0x60, 0x00, 0x00, 0x03, 0x03, 0x02, 0x00, 0x01, 0x07,
            0x09, 0x01, 0x05, 0x66, 0x69, 0x72, 0x73, 0x74, 0x00, 0x00, 0x0a, 0x0a,
            0x02, 0x05, 0x01, 0x01, 0x7e, 0x01, 0x0b, 0x02, 0x00, 0x0b, 0x00, 0x2c,
            0x04, 0x6e, 0x61, 0x6d, 0x65, 0x00, 0x04, 0x03, 0x6d, 0x6f, 0x64, 0x01,
            0x10, 0x02, 0x00, 0x05, 0x66, 0x69, 0x72, 0x73, 0x74, 0x01, 0x06, 0x73,
            0x65, 0x63, 0x6f, 0x6e, 0x64, 0x02, 0x0d, 0x02, 0x00, 0x02, 0x00, 0x01,
            0x78, 0x01, 0x03, 0x74, 0x6d, 0x70, 0x01, 0x00);

    @Test
    void decodesTheNameSection() {
        WasmModule m = ModuleDecoder.decode(NAMES);
        assertEquals("mod", m.names().module());
        assertEquals("first", m.functionName(0));
        assertEquals("second", m.functionName(1));
        assertEquals(Map.of(0, "x", 1, "tmp"), m.names().locals().get(0));
    }

    @Test
    void aMalformedNameSectionIsIgnored() {
        byte[] b = NAMES.clone();
        b[indexOf(b, "second")] = (byte) 0xC0;   // invalid UTF-8 inside the function names
        WasmModule m = ModuleDecoder.decode(b);
        assertSame(WasmModule.Names.EMPTY, m.names());
        assertTrue(WebAssembly.validate(b));
        byte[] c = NAMES.clone();
        c[indexOf(c, "mod") - 2] = 0x7F;           // module-name subsection size runs past the section
        assertTrue(WebAssembly.validate(c));
    }

    @Test
    void bodiesHoldTheInstructionsThroughTheFinalEnd() {
        WasmModule m = ModuleDecoder.decode(NAMES);
        WasmModule.FunctionBody first = m.codes().get(0);
        assertArrayEquals(new ValType[] {ValType.I64}, first.locals());
        assertArrayEquals(new byte[] {0x01, 0x0B}, first.code());
        assertEquals(0x01, NAMES[(int) first.codeOffset()]);
        assertEquals(0x0B, NAMES[(int) first.codeOffset() + 1]);
        WasmModule.FunctionBody second = m.codes().get(1);
        assertArrayEquals(new byte[] {0x0B}, second.code());
        assertEquals(0, second.locals().length);
        assertEquals(45, second.codeOffset());
        assertEquals(0x0B, NAMES[45]);
    }

    @Test
    void localsCannotBeAmplifiedIntoGigabytes() {
        // n functions, each declaring (count_i x i32) with distinct counts near the per-function limit:
        // about 4 bytes of input per 40,000 expanded locals.
        int n = 4000;
        Bytes code = new Bytes();
        for (int i = 0; i < n; i++) {
            byte[] body = new Bytes().u32(1).u32(40_000 + i).u8(ModuleBuilder.I32).end().toArray();
            code.u32(body.length).raw(body);
        }
        CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compile(module(n, code.toArray())));
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
        assertTrue(e.reason().startsWith("too many locals"), e.reason());

        // The same declaration repeated is shared, not expanded per function.
        Bytes same = new Bytes();
        for (int i = 0; i < n; i++) {
            byte[] body = new Bytes().u32(1).u32(50_000).u8(ModuleBuilder.I32).end().toArray();
            same.u32(body.length).raw(body);
        }
        WasmModule m = ModuleDecoder.decode(module(n, same.toArray()));
        assertSame(m.codes().get(0).locals(), m.codes().get(n - 1).locals());
    }

    /** A module with {@code n} functions of type [] -> [] and the given code section entries. */
    static byte[] module(int n, byte[] entries) {
        Bytes funcs = new Bytes().u32(n);
        for (int i = 0; i < n; i++) funcs.u32(0);
        return ModuleBuilder.header()
                .section(ModuleBuilder.TYPE_SECTION, new Bytes().vec(new Bytes().u8(ModuleBuilder.FUNC_TYPE).u32(0).u32(0).toArray()).toArray())
                .section(ModuleBuilder.FUNCTION_SECTION, funcs.toArray())
                .section(ModuleBuilder.CODE_SECTION, new Bytes().u32(n).raw(entries).toArray())
                .toArray();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    static int indexOf(byte[] hay, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) if (hay[i + j] != n[j]) continue outer;
            return i;
        }
        throw new IllegalArgumentException(needle);
    }
}
