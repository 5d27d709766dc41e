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
            EXNREF = new ValueType(ValType.EXNREF, true, HeapType.EXN),
            ANYREF = new ValueType(ValType.ANYREF, true, HeapType.ANY);

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
            case ANYREF -> ANYREF;
        };
    }

    /** A reference type to a resolved heap type; its kind follows from the heap type's hierarchy. */
    public static ValueType ref(boolean nullable, HeapType heap) {
        ValType kind = switch (heap.top()) {
            case TypeCode.EXTERN -> ValType.EXTERNREF;
            case TypeCode.EXN -> ValType.EXNREF;
            case TypeCode.FUNC -> ValType.FUNCREF;
            default -> ValType.ANYREF;
        };
        return ref(kind, nullable, heap);
    }

    /** A reference type of a known kind (a recursion group's own members have no hierarchy until resolved). */
    public static ValueType ref(ValType kind, boolean nullable, HeapType heap) {
        ValueType t = new ValueType(kind, nullable, heap);
        return t.equals(of(kind)) ? of(kind) : t;
    }

    public boolean isReference() { return heap != null; }

    /** Whether a local of this type starts with a default value (every type but non-nullable references). */
    public boolean isDefaultable() { return heap == null || nullable; }

    /** Subtyping ({@code valtype <: valtype}) of resolved types: linking and the API check values this way. */
    public boolean matches(ValueType other) {
        if (equals(other)) return true;
        if (heap == null || other.heap == null || nullable && !other.nullable) return false;
        return HeapType.matches(heap, other.heap);
    }

    /** The text format's spelling, defined types by their process-wide id. */
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
                case TypeCode.ANY -> "any";
                case TypeCode.EQ -> "eq";
                case TypeCode.I31 -> "i31";
                case TypeCode.STRUCT -> "struct";
                case TypeCode.ARRAY -> "array";
                case TypeCode.NONE -> "none";
                default -> String.format(Locale.ROOT, "0x%02x", c);
            };
            case HeapType.Defined(DefinedType t) -> "$" + t.id();
            case HeapType.Rec(int i) -> "rec." + i;
        };
        return "(ref " + (nullable ? "null " : "") + h + ")";
    }
}
