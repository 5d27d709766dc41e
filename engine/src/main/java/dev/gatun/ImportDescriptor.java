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
}
