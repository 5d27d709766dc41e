package dev.gatun.validation;

import dev.gatun.model.ArrayType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.HeapType;
import dev.gatun.model.StructType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValueType;
import dev.gatun.model.WasmModule;

import java.util.List;

/**
 * Value types as the validator's ints, and their subtyping. Number and vector types are their
 * {@link dev.gatun.model.ValType#ordinal()}; a reference type is its kind's ordinal (funcref, externref,
 * exnref or anyref: the hierarchy) plus {@link #NON_NULL} plus its heap type shifted by {@link #HEAP_SHIFT}:
 * 0 the hierarchy's top ({@code func}, {@code any}, ...), 1 its bottom ({@code nofunc}, {@code none}, ...),
 * 2..5 {@code eq}, {@code i31}, {@code struct}, {@code array}, and {@link #DEFINED} + id a defined type by
 * its canonical {@link DefinedType#id()}. So {@code funcref}, {@code externref} and {@code exnref} are their
 * ordinals, as before typed references.
 */
final class ValueTypes {
    static final int I32 = 0, I64 = 1, F32 = 2, F64 = 3, V128 = 4, FUNCREF = 5, EXTERNREF = 6, EXNREF = 7, ANYREF = 8;
    /** The bottom type of a polymorphic stack: a subtype of every type. */
    static final int UNKNOWN = 14;
    /** {@code (ref bot)}: what a reference instruction makes of an unknown operand; a subtype of every reference type. */
    static final int BOT_REF = 15;
    static final int NON_NULL = 16;
    private static final int HEAP_SHIFT = 5, TOP = 0, BOTTOM = 1, EQ = 2, I31 = 3, STRUCT = 4, ARRAY = 5, DEFINED = 6;

    /** Per type index, the id of its canonical type. */
    private final int[] typeIds;
    private final List<DefinedType> types;

    ValueTypes(WasmModule m) {
        types = m.types();
        typeIds = new int[types.size()];
        for (int i = 0; i < typeIds.length; i++) typeIds[i] = types.get(i).id();
    }

    /** The nullable reference to defined type {@code typeidx} (in range). */
    int defined(int typeidx) {
        return ref(types.get(typeidx));
    }

    private static int ref(DefinedType d) {
        return (d.isFunc() ? FUNCREF : ANYREF) | (DEFINED + d.id()) << HEAP_SHIFT;
    }

    /** The defined type a reference type names, or null. */
    static DefinedType definedOf(int t) {
        int h = t >>> HEAP_SHIFT;
        return isRef(t) && t != BOT_REF && h >= DEFINED ? DefinedType.byId(h - DEFINED) : null;
    }

    int encode(ValueType t) {
        if (!t.isReference()) return t.kind().ordinal();
        int heap = switch (t.heap()) {
            case HeapType.Abstract a -> abstractRef(a.code());
            case HeapType.Defined d -> ref(d.type());
            case HeapType.Rec r -> throw new IllegalStateException("unresolved " + r);
        };
        return heap | (t.nullable() ? 0 : NON_NULL);
    }

    /** The nullable reference to an abstract heap type by its code. */
    static int abstractRef(int code) {
        return switch (code) {
            case TypeCode.FUNC -> FUNCREF;
            case TypeCode.NOFUNC -> FUNCREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.EXTERN -> EXTERNREF;
            case TypeCode.NOEXTERN -> EXTERNREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.EXN -> EXNREF;
            case TypeCode.NOEXN -> EXNREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.ANY -> ANYREF;
            case TypeCode.NONE -> ANYREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.EQ -> ANYREF | EQ << HEAP_SHIFT;
            case TypeCode.I31 -> ANYREF | I31 << HEAP_SHIFT;
            case TypeCode.STRUCT -> ANYREF | STRUCT << HEAP_SHIFT;
            case TypeCode.ARRAY -> ANYREF | ARRAY << HEAP_SHIFT;
            default -> throw new IllegalArgumentException("heap type 0x" + Integer.toHexString(code));
        };
    }

    static boolean isRef(int t) {
        int k = t & 15;
        return t == BOT_REF || k == FUNCREF || k == EXTERNREF || k == EXNREF || k == ANYREF;
    }

    static boolean nullable(int t) { return (t & NON_NULL) == 0 && t != BOT_REF; }

    /** The non-nullable variant of reference type (or unknown) {@code t}. */
    static int nonNull(int t) { return t == UNKNOWN || t == BOT_REF ? BOT_REF : t | NON_NULL; }

    /** The nullable variant of reference type {@code t}. */
    static int orNull(int t) { return t == BOT_REF ? BOT_REF : t & ~NON_NULL; }

    /** The nullable top type of reference type {@code t}'s hierarchy ({@code t} itself when unknown). */
    static int top(int t) { return t == BOT_REF || t == UNKNOWN ? t : t & 15; }

    /** The nullable bottom type of {@code t}'s hierarchy. */
    static int bottom(int t) { return top(t) | BOTTOM << HEAP_SHIFT; }

    /** Whether a local of type {@code t} has a default value. */
    static boolean defaultable(int t) { return !isRef(t) || nullable(t); }

    /** Whether a value of type {@code a} may stand where {@code b} is expected. */
    static boolean subtype(int a, int b) {
        if (a == b || a == UNKNOWN || b == UNKNOWN) return true;
        if (a == BOT_REF) return isRef(b);
        if (!isRef(a) || !isRef(b) || b == BOT_REF || (a & 15) != (b & 15)) return false;
        if (nullable(a) && !nullable(b)) return false;
        int ha = a >>> HEAP_SHIFT, hb = b >>> HEAP_SHIFT;
        if (ha == hb || hb == TOP || ha == BOTTOM) return true;
        if (hb == BOTTOM) return false;
        if (ha >= DEFINED) {
            DefinedType d = DefinedType.byId(ha - DEFINED);
            return switch (hb) {
                case EQ -> !d.isFunc();
                case STRUCT -> d.composite() instanceof StructType;
                case ARRAY -> d.composite() instanceof ArrayType;
                case I31 -> false;
                default -> hb >= DEFINED && d.isSubtypeOf(DefinedType.byId(hb - DEFINED));
            };
        }
        return hb == EQ && (ha == I31 || ha == STRUCT || ha == ARRAY);
    }
}
