package dev.gatun.validation;

import dev.gatun.model.FunctionType;
import dev.gatun.model.HeapType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValueType;
import dev.gatun.model.WasmModule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Value types as the validator's ints, and their subtyping. Number and vector types are their
 * {@link dev.gatun.model.ValType#ordinal()}; a reference type is its kind's ordinal (funcref, externref or
 * exnref: the hierarchy) plus {@link #NON_NULL} plus its heap type shifted by {@link #HEAP_SHIFT}: 0 the
 * hierarchy's top ({@code func}, ...), 1 its bottom ({@code nofunc}, ...), 2 + id a defined type, by an id
 * equal for equal (canonical) types. So {@code funcref}, {@code externref} and {@code exnref} are their
 * ordinals, as before typed references.
 */
final class ValueTypes {
    static final int I32 = 0, I64 = 1, F32 = 2, F64 = 3, V128 = 4, FUNCREF = 5, EXTERNREF = 6, EXNREF = 7;
    /** The bottom type of a polymorphic stack: a subtype of every type. */
    static final int UNKNOWN = 8;
    /** {@code (ref bot)}: what a reference instruction makes of an unknown operand; a subtype of every reference type. */
    static final int BOT_REF = 9;
    static final int NON_NULL = 16;
    private static final int HEAP_SHIFT = 5, TOP = 0, BOTTOM = 1, DEFINED = 2;

    private final Map<FunctionType, Integer> ids = new HashMap<>();
    /** Per type index, the id of its canonical type. */
    private final int[] typeIds;

    ValueTypes(WasmModule m) {
        List<FunctionType> types = m.types();
        typeIds = new int[types.size()];
        for (int i = 0; i < typeIds.length; i++) typeIds[i] = id(types.get(i));
    }

    private int id(FunctionType t) {
        return ids.computeIfAbsent(t, k -> ids.size());
    }

    /** The nullable reference to defined type {@code typeidx} (in range). */
    int defined(int typeidx) {
        return FUNCREF | (DEFINED + typeIds[typeidx]) << HEAP_SHIFT;
    }

    /** {@code t} of a definition's component; {@code self} is the type index being defined, for self references. */
    int encode(ValueType t, int self) {
        if (!t.isReference()) return t.kind().ordinal();
        int heap = switch (t.heap()) {
            case HeapType.Abstract a -> a.isBottom() ? BOTTOM : TOP;
            case HeapType.Defined d -> DEFINED + id(d.type());
            case HeapType.Self s -> DEFINED + typeIds[self];
        };
        return t.kind().ordinal() | (t.nullable() ? 0 : NON_NULL) | heap << HEAP_SHIFT;
    }

    int encode(ValueType t) { return encode(t, -1); }

    /** The nullable reference to an abstract heap type by its code. */
    static int abstractRef(int code) {
        return switch (code) {
            case TypeCode.FUNC -> FUNCREF;
            case TypeCode.NOFUNC -> FUNCREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.EXTERN -> EXTERNREF;
            case TypeCode.NOEXTERN -> EXTERNREF | BOTTOM << HEAP_SHIFT;
            case TypeCode.EXN -> EXNREF;
            case TypeCode.NOEXN -> EXNREF | BOTTOM << HEAP_SHIFT;
            default -> throw new IllegalArgumentException("heap type 0x" + Integer.toHexString(code));
        };
    }

    static boolean isRef(int t) {
        int k = t & 15;
        return t == BOT_REF || k == FUNCREF || k == EXTERNREF || k == EXNREF;
    }

    static boolean nullable(int t) { return (t & NON_NULL) == 0 && t != BOT_REF; }

    /** The non-nullable variant of reference type (or unknown) {@code t}. */
    static int nonNull(int t) { return t == UNKNOWN || t == BOT_REF ? BOT_REF : t | NON_NULL; }

    /** Whether a local of type {@code t} has a default value. */
    static boolean defaultable(int t) { return !isRef(t) || nullable(t); }

    /** Whether a value of type {@code a} may stand where {@code b} is expected. */
    static boolean subtype(int a, int b) {
        if (a == b || a == UNKNOWN || b == UNKNOWN) return true;
        if (a == BOT_REF) return isRef(b);
        if (!isRef(a) || !isRef(b) || b == BOT_REF || (a & 15) != (b & 15)) return false;
        if (nullable(a) && !nullable(b)) return false;
        int ha = a >>> HEAP_SHIFT, hb = b >>> HEAP_SHIFT;
        return ha == hb || hb == TOP || ha == BOTTOM;
    }
}
