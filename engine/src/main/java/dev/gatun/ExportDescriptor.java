package dev.gatun;

import java.util.Objects;

/** One export of a module: its name and type (like JS {@code WebAssembly.Module.exports}, with the full type). */
public record ExportDescriptor(String name, ExternType type) {
    public ExportDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public ExternKind kind() { return type.kind(); }

    /** The type of a function export, without a cast. @throws IllegalStateException for another kind */
    public FunctionType functionType() { return as(FunctionType.class); }

    /** The type of a table export. @throws IllegalStateException for another kind */
    public TableType tableType() { return as(TableType.class); }

    /** The type of a memory export. @throws IllegalStateException for another kind */
    public MemoryType memoryType() { return as(MemoryType.class); }

    /** The type of a global export. @throws IllegalStateException for another kind */
    public GlobalType globalType() { return as(GlobalType.class); }

    private <T extends ExternType> T as(Class<T> c) {
        if (!c.isInstance(type)) throw new IllegalStateException(name + " is a " + type.kind() + " export, not a " + c.getSimpleName());
        return c.cast(type);
    }
}
