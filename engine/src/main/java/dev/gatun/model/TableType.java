package dev.gatun.model;

import java.util.Objects;

/**
 * A table type ({@code tabletype}): a reference element type, limits in elements, and the address type
 * ({@code address64}: a table64 table, indexed by i64, whose limits may be any u64 up to Long.MAX_VALUE).
 * <p>The engine's own twin of {@code dev.gatun.TableType}, which the API converts to and from.
 */
public record TableType(ValueType element, Limits limits, boolean address64) implements ExternType {
    public TableType {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(limits, "limits");
        ValType elementType = element.kind();
        if (!elementType.isReference()) throw new IllegalArgumentException("table element type must be a reference type: " + elementType);
        if (!address64 && (limits.min() > 0xFFFF_FFFFL || limits.max().orElse(0) > 0xFFFF_FFFFL))
            throw new IllegalArgumentException("table size must be at most 2^32-1 elements");
    }

    public TableType(ValType elementType, Limits limits, boolean address64) { this(ValueType.of(elementType), limits, address64); }

    /** A 32-bit table type. */
    public TableType(ValType elementType, Limits limits) { this(elementType, limits, false); }

    /** The representation kind of the elements. */
    public ValType elementType() { return element.kind(); }

    @Override
    public ExternKind kind() { return ExternKind.TABLE; }

    @Override
    public String toString() { return "table " + (address64 ? "i64 " : "") + limits + " " + element; }
}
