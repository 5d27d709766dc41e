package dev.gatun.model;

/**
 * A struct field or array element ({@code fieldtype}): its storage type and mutability. A packed storage
 * type ({@code i8}, {@code i16}) has {@link #packed} 8 or 16 and reads as {@code i32}; otherwise
 * {@code packed} is 0 and {@link #type} is the stored value type.
 */
public record FieldType(ValueType type, int packed, boolean mutable) {
    public FieldType {
        if (packed != 0 && packed != 8 && packed != 16) throw new IllegalArgumentException("packed " + packed);
        if (packed != 0 && type.kind() != ValType.I32) throw new IllegalArgumentException("packed field of " + type);
    }

    /** Whether a field of this type is a subtype of one of {@code other}: immutable fields are covariant. */
    public boolean matches(FieldType other) {
        if (packed != other.packed || mutable != other.mutable) return false;
        return mutable ? type.equals(other.type) : type.matches(other.type);
    }

    @Override
    public String toString() {
        String s = packed == 8 ? "i8" : packed == 16 ? "i16" : type.toString();
        return mutable ? "(mut " + s + ")" : s;
    }
}
