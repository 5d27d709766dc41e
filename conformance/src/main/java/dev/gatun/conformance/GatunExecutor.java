package dev.gatun.conformance;

import dev.gatun.FunctionType;
import dev.gatun.Global;
import dev.gatun.GlobalType;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Limits;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.Table;
import dev.gatun.TableType;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.util.List;
import java.util.Map;

/**
 * The execution half of {@link GatunTarget}: instantiation against {@code spectest} and the registered
 * instances, calls and global reads, all through the public API.
 */
final class GatunExecutor implements GatunTarget.Engine<Instance> {
    private static final Value[] NONE = new Value[0];

    /** The spectest host module's state: fresh per script, like the reference interpreter's. */
    private Table table;
    /** The reference spectest module's {@code table64}: a table64 of 10..20 funcrefs. */
    private Table table64;
    private Memory memory, sharedMemory;
    private Global globalI32, globalI64, globalF32, globalF64;

    @Override
    public void beginScript() {
        table = new Table(new TableType(ValType.FUNCREF, Limits.of(10, 20)), Value.funcref(null));
        table64 = new Table(new TableType(ValType.FUNCREF, Limits.of(10, 20), true), Value.funcref(null));
        memory = new Memory(MemoryType.of(1, 2));
        // The threads proposal's spectest adds this export.
        sharedMemory = new Memory(MemoryType.shared(1, 2));
        globalI32 = new Global(new GlobalType(ValType.I32, false), Value.i32(666));
        globalI64 = new Global(new GlobalType(ValType.I64, false), Value.i64(666));
        globalF32 = new Global(new GlobalType(ValType.F32, false), Value.f32(666.6f));
        globalF64 = new Global(new GlobalType(ValType.F64, false), Value.f64(666.6));
    }

    @Override
    public Instance instantiate(Module module, Map<String, Instance> registered) {
        if (memory == null) beginScript();
        Imports.Builder imports = Imports.builder();
        print(imports, "print");
        print(imports, "print_i32", ValType.I32);
        print(imports, "print_i64", ValType.I64);
        print(imports, "print_f32", ValType.F32);
        print(imports, "print_f64", ValType.F64);
        print(imports, "print_i32_f32", ValType.I32, ValType.F32);
        print(imports, "print_f64_f64", ValType.F64, ValType.F64);
        imports.add("spectest", "global_i32", globalI32)
                .add("spectest", "global_i64", globalI64)
                .add("spectest", "global_f32", globalF32)
                .add("spectest", "global_f64", globalF64)
                .add("spectest", "table", table)
                .add("spectest", "table64", table64)
                .add("spectest", "memory", memory)
                .add("spectest", "shared_memory", sharedMemory);
        registered.forEach(imports::instance);
        return WebAssembly.instantiate(module, imports.build());
    }

    /** The print functions do nothing: the suite only needs them to exist with the right types. */
    private static void print(Imports.Builder imports, String name, ValType... params) {
        imports.function("spectest", name, FunctionType.of(List.of(params), List.of()), args -> NONE);
    }

    @Override
    public Value[] invoke(Instance instance, String field, Value[] args) {
        return instance.exports().function(field).call(args);
    }

    @Override
    public Value get(Instance instance, String field) {
        return instance.exports().global(field).get();
    }

    @Override
    public void interrupt(Instance instance) { instance.interrupt(); }

    @Override
    public void release(Instance instance) { instance.close(); }
}
