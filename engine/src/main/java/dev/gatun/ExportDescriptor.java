package dev.gatun;

import java.util.Objects;

/** One export of a module: its name and type (like JS {@code WebAssembly.Module.exports}, with the full type). */
public record ExportDescriptor(String name, ExternType type) {
    public ExportDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public ExternKind kind() { return type.kind(); }
}
