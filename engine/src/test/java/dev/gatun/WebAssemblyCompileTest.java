package dev.gatun;

import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.*;

class WebAssemblyCompileTest {
    /** (module (import "env" "f" (func (param i32))) (memory (export "mem") 1 2)
     *   (global (export "g") (mut i64) (i64.const 7)) (func (export "run") (result i32) i32.const 1)
     *   custom section "meta" = "hi") */
    static final byte[] MODULE = {
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x09, 0x02, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x01, 0x7F,          // types
            0x02, 0x09, 0x01, 0x03, 'e', 'n', 'v', 0x01, 'f', 0x00, 0x00,             // import env.f
            0x03, 0x02, 0x01, 0x01,                                                   // func 1: type 1
            0x05, 0x04, 0x01, 0x01, 0x01, 0x02,                                       // memory 1..2
            0x06, 0x06, 0x01, 0x7E, 0x01, 0x42, 0x07, 0x0B,                           // global mut i64 = 7
            0x07, 0x11, 0x03, 0x03, 'm', 'e', 'm', 0x02, 0x00, 0x01, 'g', 0x03, 0x00,
            0x03, 'r', 'u', 'n', 0x00, 0x01,                                          // exports
            0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x01, 0x0B,                           // code
            0x00, 0x07, 0x04, 'm', 'e', 't', 'a', 'h', 'i'                            // custom "meta"
    };

    @Test
    void describesImportsExportsAndCustomSections() {
        Module m = WebAssembly.compile(MODULE);
        assertEquals(List.of(new ImportDescriptor("env", "f", FunctionType.of(List.of(ValType.I32), List.of()))), m.imports());
        assertEquals(List.of(
                new ExportDescriptor("mem", MemoryType.of(1, 2)),
                new ExportDescriptor("g", new GlobalType(ValType.I64, true)),
                new ExportDescriptor("run", FunctionType.of(List.of(), List.of(ValType.I32)))), m.exports());
        List<byte[]> meta = m.customSections("meta");
        assertEquals(1, meta.size());
        assertArrayEquals(new byte[] {'h', 'i'}, meta.get(0));
        meta.get(0)[0] = 'X';
        assertArrayEquals(new byte[] {'h', 'i'}, m.customSections("meta").get(0), "custom sections are copies");
        assertTrue(m.customSections("other").isEmpty());
        assertTrue(WebAssembly.validate(MODULE));
    }

    @Test
    void streamingMatchesArrayDecoding() {
        Module a = WebAssembly.compileStreaming(new ByteArrayInputStream(MODULE));
        Module b = WebAssembly.compileStreaming(Channels.newChannel(new ByteArrayInputStream(MODULE)));
        Module c = WebAssembly.compile(MODULE);
        assertEquals(c.exports(), a.exports());
        assertEquals(c.imports(), b.imports());
    }

    @Test
    void streamingCopesWithShortReads() {
        // A stream that hands out one byte per read call, as sockets and pipes may.
        InputStream trickle = new ByteArrayInputStream(MODULE) {
            @Override public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, 1)); }
        };
        assertEquals(WebAssembly.compile(MODULE).exports(), WebAssembly.compileStreaming(trickle).exports());
        byte[] truncated = java.util.Arrays.copyOf(MODULE, MODULE.length - 3);
        CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compileStreaming(new ByteArrayInputStream(truncated)));
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
    }

    @Test
    void streamingReportsAbsoluteOffsets() {
        byte[] bad = MODULE.clone();
        bad[bad.length - 9 - 8 + 5] = 0x42; // the i32.const 1 in the body becomes i64.const: type mismatch
        CompileError fromArray = assertThrows(CompileError.class, () -> WebAssembly.compile(bad));
        CompileError fromStream = assertThrows(CompileError.class, () -> WebAssembly.compileStreaming(new ByteArrayInputStream(bad)));
        assertEquals(CompileError.Kind.INVALID, fromArray.kind());
        assertEquals(fromArray.offset(), fromStream.offset());
        assertEquals(fromArray.reason(), fromStream.reason());
    }

    @Test
    void ioFailureBecomesCompileError() {
        InputStream failing = new InputStream() {
            int n;
            @Override public int read() throws IOException {
                if (n < 12) return MODULE[n++] & 0xFF;
                throw new IOException("disk on fire");
            }
        };
        CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compileStreaming(failing));
        assertTrue(e.reason().startsWith("I/O error"), e.reason());
    }

    @Test
    void asyncCompletesWithTheCompileErrorItself() throws Exception {
        assertNotNull(WebAssembly.compileAsync(MODULE).get());
        byte[] bad = {0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00};
        var f = WebAssembly.compileAsync(bad);
        ExecutionException ee = assertThrows(ExecutionException.class, f::get);
        CompileError e = assertInstanceOf(CompileError.class, ee.getCause());
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
        assertEquals("unknown binary version", e.reason());
        assertFalse(WebAssembly.validate(bad));
    }

    @Test
    void hugeCountsFailFastWithoutAllocating() {
        // A type section claiming 2^32-1 types in 5 bytes.
        byte[] b = ModuleBuilder.header().u8(ModuleBuilder.TYPE_SECTION).u32(5).u32(0xFFFF_FFFFL).toArray();
        CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compile(b));
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
        assertEquals("unexpected end of section or function", e.reason());
    }

    @Test
    void deeplyNestedBlocksDoNotOverflowTheStack() {
        int depth = 200_000;
        Bytes code = new Bytes().u32(0);   // no locals
        for (int i = 0; i < depth; i++) code.op(Instruction.BLOCK).u8(ModuleBuilder.EMPTY_BLOCK_TYPE);
        for (int i = 0; i < depth; i++) code.end();
        byte[] body = code.end().toArray();
        byte[] module = ModuleBuilder.header()
                .section(ModuleBuilder.TYPE_SECTION, new Bytes().vec(new Bytes().u8(ModuleBuilder.FUNC_TYPE).u32(0).u32(0).toArray()).toArray())
                .section(ModuleBuilder.FUNCTION_SECTION, new Bytes().vec(new Bytes().u32(0).toArray()).toArray())
                .section(ModuleBuilder.CODE_SECTION, new Bytes().u32(1).u32(body.length).raw(body).toArray())
                .toArray();
        assertTrue(WebAssembly.validate(module));
    }
}
