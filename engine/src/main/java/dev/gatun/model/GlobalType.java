package dev.gatun.model;

import java.util.Objects;

/**
 * A global type ({@code globaltype}): value type and mutability.
 * <p>The engine's own twin of {@code dev.gatun.GlobalType}, which the API converts to and from.
 */
public record GlobalType(ValType valType, boolean mutable) implements ExternType {
    public GlobalType {
        Objects.requireNonNull(valType, "valType");
    }

    @Override
    public ExternKind kind() { return ExternKind.GLOBAL; }

    @Override
    public String toString() { return "global " + (mutable ? "(mut " + valType + ")" : valType.toString()); }
}
