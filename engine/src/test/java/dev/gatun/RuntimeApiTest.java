package dev.gatun;

import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gatun.testing.ModuleBuilder.I32;
import static org.junit.jupiter.api.Assertions.*;

/** Tables, globals, memories and asynchronous instantiation through the public API. */
class RuntimeApiTest {
    @Test
    void tablesHoldFunctionsAndGrow() {
        Function twice = Function.host(FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                args -> new Value[] {Value.i32(((Value.I32) args[0]).value() * 2)});
        Table t = new Table(new TableType(ValType.FUNCREF, Limits.of(2, 4)), null);
        assertEquals(2, t.size());
        assertEquals(Value.funcref(null), t.get(1));
        t.set(1, Value.funcref(twice));
        Function got = ((Value.FuncRef) t.get(1)).function();
        assertEquals(Value.i32(42), got.call(Value.i32(21))[0]);
        assertEquals(2, t.grow(2, Value.funcref(twice)));
        assertEquals(-1, t.grow(1, null));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_TABLE, assertThrows(RuntimeError.class, () -> t.get(4)).trap());
        assertThrows(IllegalArgumentException.class, () -> t.set(0, Value.externref("x")));
    }

    @Test
    void globalsAreTypedAndShared() {
        Global g = new Global(new GlobalType(ValType.I64, true), Value.i64(7));
        g.set(Value.i64(9));
        assertEquals(Value.i64(9), g.get());
        assertThrows(IllegalArgumentException.class, () -> g.set(Value.i32(1)));
        Global c = new Global(new GlobalType(ValType.F32, false), Value.f32(1.5f));
        assertThrows(IllegalStateException.class, () -> c.set(Value.f32(2f)));
        assertEquals(Value.f32(1.5f), c.get());
    }

    @Test
    void exportedMemoryIsTheInstancesAndAsyncInstantiationWorks() throws Exception {
        ModuleBuilder b = new ModuleBuilder().memory(1);
        int t = b.type(new int[] {I32}, new int[] {I32});
        // grow(n) = memory.grow n
        b.exportFunc("grow", b.func(t, new int[0][], new Bytes().localGet(0).op(0x40, 0x00).op(Instruction.END).toArray()));
        b.exportMemory("mem");
        Module m = WebAssembly.compile(b.build());
        Instance inst = WebAssembly.instantiateAsync(m, Imports.empty()).get();
        Memory mem = inst.exports().memory("mem");
        assertEquals(1, mem.pages());
        assertEquals(Value.i32(1), inst.exports().function("grow").call(Value.i32(2))[0]);
        assertEquals(3, mem.pages());
        LinkError wrongKind = assertThrows(LinkError.class, () -> inst.exports().table("mem"));
        assertEquals("mem", wrongKind.name());
        inst.close();
    }

    @Test
    void instanceLimitsCapDefinedMemories() {
        ModuleBuilder b = new ModuleBuilder().memory(1);
        int t = b.type(new int[] {I32}, new int[] {I32});
        b.exportFunc("grow", b.func(t, new int[0][], new Bytes().localGet(0).op(0x40, 0x00).op(Instruction.END).toArray()));
        b.exportMemory("mem");
        Module m = WebAssembly.compile(b.build());
        try (Instance capped = WebAssembly.instantiate(m, Imports.empty(), InstanceLimits.memoryPages(4))) {
            Function grow = capped.exports().function("grow");
            assertEquals(Value.i32(1), grow.call(Value.i32(3))[0]);
            assertEquals(Value.i32(-1), grow.call(Value.i32(1))[0], "growing past the cap fails as memory.grow does");
            assertEquals(4, capped.exports().memory("mem").pages());
        }
        try (Instance free = WebAssembly.instantiate(m, Imports.empty())) {
            assertEquals(Value.i32(1), free.exports().function("grow").call(Value.i32(100))[0]);
        }
        ModuleBuilder big = new ModuleBuilder().memory(8);
        big.exportMemory("mem");
        Module bm = WebAssembly.compile(big.build());
        assertThrows(RuntimeError.class, () -> WebAssembly.instantiate(bm, Imports.empty(), InstanceLimits.memoryPages(4)));
    }
}
