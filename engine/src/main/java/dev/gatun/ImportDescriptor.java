package dev.gatun;

import java.util.Objects;

/** One import of a module: module name, field name and the type it must have (like JS {@code WebAssembly.Module.imports}). */
public record ImportDescriptor(String module, String name, ExternType type) {
    public ImportDescriptor {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public ExternKind kind() { return type.kind(); }

    /** The type of a function import, without a cast. @throws IllegalStateException for another kind */
    public FunctionType functionType() { return as(FunctionType.class); }

    /** The type of a table import. @throws IllegalStateException for another kind */
    public TableType tableType() { return as(TableType.class); }

    /** The type of a memory import. @throws IllegalStateException for another kind */
    public MemoryType memoryType() { return as(MemoryType.class); }

    /** The type of a global import. @throws IllegalStateException for another kind */
    public GlobalType globalType() { return as(GlobalType.class); }

    private <T extends ExternType> T as(Class<T> c) {
        if (!c.isInstance(type)) throw new IllegalStateException(name + " is a " + type.kind() + " import, not a " + c.getSimpleName());
        return c.cast(type);
    }
}
