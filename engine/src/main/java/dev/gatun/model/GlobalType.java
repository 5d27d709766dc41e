package dev.gatun.model;

import java.util.Objects;

/**
 * A global type ({@code globaltype}): value type and mutability.
 * <p>The engine's own twin of {@code dev.gatun.GlobalType}, which the API converts to and from.
 */
public record GlobalType(ValueType type, boolean mutable) implements ExternType {
    public GlobalType {
        Objects.requireNonNull(type, "type");
    }

    public GlobalType(ValType valType, boolean mutable) { this(ValueType.of(valType), mutable); }

    /** The representation kind of the global's value. */
    public ValType valType() { return type.kind(); }

    @Override
    public ExternKind kind() { return ExternKind.GLOBAL; }

    @Override
    public String toString() { return "global " + (mutable ? "(mut " + type + ")" : type.toString()); }
}
