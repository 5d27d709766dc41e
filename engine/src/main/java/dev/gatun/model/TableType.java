package dev.gatun.model;

import java.util.Objects;

/**
 * A table type ({@code tabletype}): a reference element type and limits in elements.
 * <p>The engine's own twin of {@code dev.gatun.TableType}, which the API converts to and from.
 */
public record TableType(ValType elementType, Limits limits) implements ExternType {
    public TableType {
        Objects.requireNonNull(elementType, "elementType");
        Objects.requireNonNull(limits, "limits");
        if (!elementType.isReference()) throw new IllegalArgumentException("table element type must be a reference type: " + elementType);
        if (limits.min() > 0xFFFF_FFFFL || limits.max().orElse(0) > 0xFFFF_FFFFL)
            throw new IllegalArgumentException("table size must be at most 2^32-1 elements");
    }

    @Override
    public ExternKind kind() { return ExternKind.TABLE; }

    @Override
    public String toString() { return "table " + limits + " " + elementType; }
}
