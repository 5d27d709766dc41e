package dev.gatun;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The error contract (README, package overview): what the module causes is a WebAssemblyException
 * (CompileError, LinkError, RuntimeError); a mistake of the calling Java code is a standard Java
 * exception (IllegalArgumentException, IllegalStateException, IndexOutOfBoundsException, NullPointerException).
 */
class ErrorContractTest {
    static final String WAT = """
            (module
              (import "env" "tick" (func $tick (result i32)))
              (import "env" "mem" (memory 1))
              (import "wasi" "clock" (func $clock (param i32) (result i64)))
              (func $boom (unreachable))
              (func (export "run") (call $boom))
              (func (export "tick") (result i32) (call $tick))
              (func (export "clock") (result i64) (call $clock (i32.const 0))))
            """;

    @Test
    void whatTheModuleCausesIsAWebAssemblyException() {
        assertInstanceOf(WebAssemblyException.class, assertThrows(CompileError.class, () -> WebAssembly.compile(new byte[] {0, 'a'})));
        Module m = WebAssembly.compile(Wat.parse(WAT));
        LinkError missing = assertThrows(LinkError.class, () -> WebAssembly.instantiate(m, Imports.empty()));
        assertEquals("unknown import: import \"env\" \"tick\"", missing.getMessage());
        Instance i = WebAssembly.instantiate(m, Imports.builder().trapMissing(m).build());
        RuntimeError trap = assertThrows(RuntimeError.class, () -> i.exports().function("run").call());
        assertEquals(RuntimeError.Trap.UNREACHABLE, trap.trap());
        // No name section: the frames fall back to the export name where there is one.
        assertEquals(List.of("2 null", "3 run"), trap.wasmStack().stream().map(f -> f.funcidx() + " " + f.name()).toList());
        RuntimeError unprovided = assertThrows(RuntimeError.class, () -> i.exports().function("tick").call());
        assertTrue(unprovided.getMessage().contains("import \"env\" \"tick\" is not provided"), unprovided.getMessage());
    }

    @Test
    void missingExportsSayExport() {
        Instance i = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT)),
                Imports.builder().trapMissing(WebAssembly.compile(Wat.parse(WAT))).build());
        LinkError e = assertThrows(LinkError.class, () -> i.exports().function("sub"));
        assertEquals("unknown export \"sub\"", e.getMessage());
        assertEquals("sub", e.name());
        LinkError kind = assertThrows(LinkError.class, () -> i.exports().memory("run"));
        assertEquals("export \"run\" is a function, not a memory", kind.getMessage());
    }

    @Test
    void callerMistakesAreStandardJavaExceptions() {
        Module m = WebAssembly.compile(Wat.parse(WAT));
        Instance i = WebAssembly.instantiate(m, Imports.builder().trapMissing(m).build());
        Function tick = i.exports().function("tick");
        assertThrows(IllegalArgumentException.class, () -> tick.call(Value.i32(1)));
        assertThrows(IllegalArgumentException.class, () -> i.exports().function("clock").typed(java.util.function.IntBinaryOperator.class));
        assertThrows(NullPointerException.class, () -> WebAssembly.compile((byte[]) null));
        try (Memory mem = new Memory(MemoryType.of(1))) {
            assertThrows(IndexOutOfBoundsException.class, () -> mem.readInt(65534L));
            assertThrows(IllegalArgumentException.class, () -> mem.grow(-1));
        }
        assertThrows(IllegalStateException.class, () -> new Global(new GlobalType(ValType.I32, false), Value.i32(1)).set(Value.i32(2)));
        assertThrows(IllegalStateException.class, () -> m.imports().get(1).functionType());
    }

    @Test
    void descriptorsGiveTheirTypeWithoutACast() {
        Module m = WebAssembly.compile(Wat.parse(WAT));
        assertEquals(FunctionType.of(List.of(), List.of(ValType.I32)), m.imports().get(0).functionType());
        assertEquals(1, m.imports().get(1).memoryType().limits().min());
        assertEquals(FunctionType.of(List.of(), List.of(ValType.I64)), m.exports().get(2).functionType());
    }

    @Test
    void aStubbedImportModuleReturnsZeros() {
        Module m = WebAssembly.compile(Wat.parse(WAT));
        Imports im = Imports.builder()
                .function("env", "tick", FunctionType.of(List.of(), List.of(ValType.I32)), args -> new Value[] {Value.i32(5)})
                .stub(m, "wasi")
                .trapMissing(m)
                .build();
        Instance i = WebAssembly.instantiate(m, im);
        assertEquals(Value.i64(0), i.exports().function("clock").call()[0]);
        assertEquals(Value.i32(5), i.exports().function("tick").call()[0]);
        assertInstanceOf(Memory.class, im.get("env", "mem"));
        ((Memory) im.get("env", "mem")).close();
    }
}
