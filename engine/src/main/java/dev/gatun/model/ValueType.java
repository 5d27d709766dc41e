package dev.gatun.model;

import java.util.Locale;

/**
 * A value type with its reference details ({@code valtype}): {@link ValType} is its representation kind
 * (what the interpreter and compiler need), and a reference type adds nullability and a heap type (what
 * validation and linking need). Numeric and vector types are their kind alone.
 */
public record ValueType(ValType kind, boolean nullable, HeapType heap) {
    public static final ValueType I32 = new ValueType(ValType.I32, false, null), I64 = new ValueType(ValType.I64, false, null),
            F32 = new ValueType(ValType.F32, false, null), F64 = new ValueType(ValType.F64, false, null),
            V128 = new ValueType(ValType.V128, false, null),
            FUNCREF = new ValueType(ValType.FUNCREF, true, HeapType.FUNC),
            EXTERNREF = new ValueType(ValType.EXTERNREF, true, HeapType.EXTERN),
            EXNREF = new ValueType(ValType.EXNREF, true, HeapType.EXN);

    public ValueType {
        if (kind.isReference() != (heap != null)) throw new IllegalArgumentException("heap type of " + kind + ": " + heap);
    }

    /** The type a kind stands for alone: a number or vector type, or the nullable abstract reference type. */
    public static ValueType of(ValType kind) {
        return switch (kind) {
            case I32 -> I32;
            case I64 -> I64;
            case F32 -> F32;
            case F64 -> F64;
            case V128 -> V128;
            case FUNCREF -> FUNCREF;
            case EXTERNREF -> EXTERNREF;
            case EXNREF -> EXNREF;
        };
    }

    /** A reference type; its kind follows from the heap type's hierarchy. */
    public static ValueType ref(boolean nullable, HeapType heap) {
        ValType kind = heap instanceof HeapType.Abstract(int c)
                ? (c == TypeCode.EXTERN || c == TypeCode.NOEXTERN ? ValType.EXTERNREF
                        : c == TypeCode.EXN || c == TypeCode.NOEXN ? ValType.EXNREF : ValType.FUNCREF)
                : ValType.FUNCREF;
        ValueType t = new ValueType(kind, nullable, heap);
        return t.equals(of(kind)) ? of(kind) : t;
    }

    public boolean isReference() { return heap != null; }

    /** Whether a local of this type starts with a default value (every type but non-nullable references). */
    public boolean isDefaultable() { return heap == null || nullable; }

    /**
     * Whether a value of this type may stand where {@code other} is expected (linking checks imported
     * immutable globals this way): the same type, or a reference of the same hierarchy, no more nullable,
     * to the top heap type, from the bottom one, or to the same defined type.
     */
    public boolean matches(ValueType other) {
        if (equals(other)) return true;
        if (heap == null || other.heap == null || kind != other.kind || nullable && !other.nullable) return false;
        if (heap.equals(other.heap)) return true;
        if (other.heap instanceof HeapType.Abstract b && !b.isBottom()) return true;
        return heap instanceof HeapType.Abstract a && a.isBottom();
    }

    /** The text format's spelling, defined types by structure. */
    @Override
    public String toString() {
        if (heap == null || equals(of(kind))) return kind.toString();
        String h = switch (heap) {
            case HeapType.Abstract(int c) -> switch (c) {
                case TypeCode.FUNC -> "func";
                case TypeCode.EXTERN -> "extern";
                case TypeCode.EXN -> "exn";
                case TypeCode.NOFUNC -> "nofunc";
                case TypeCode.NOEXTERN -> "noextern";
                case TypeCode.NOEXN -> "noexn";
                default -> String.format(Locale.ROOT, "0x%02x", c);
            };
            case HeapType.Defined(FunctionType t) -> "(func " + t + ")";
            case HeapType.Self s -> "rec.0";
        };
        return "(ref " + (nullable ? "null " : "") + h + ")";
    }
}
