package dev.gatun.text;

import dev.gatun.model.TypeCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module's identifier context: the names and sizes of its index spaces, what the parser needs to know
 * about each type (kind, parameters, field names) and each memory and table (64-bit or not), and the
 * value, reference and heap type encodings that refer to it.
 */
final class IdentifierContext {
    static final int TYPE = 0, FUNC = 1, TABLE = 2, MEM = 3, GLOBAL = 4, TAG = 5, ELEM = 6, DATA = 7;
    static final String[] SPACE = {"type", "function", "table", "memory", "global", "tag", "elem segment", "data segment"};

    final List<Map<String, Integer>> names = new ArrayList<>();
    final int[] count = new int[8];
    /** Per type index. */
    final List<TypeInfo> types = new ArrayList<>();
    final List<Boolean> mem64 = new ArrayList<>(), table64 = new ArrayList<>();
    /** Proposals beyond 2.0 that the module uses, for per-feature reports. */
    final Set<String> features = new TreeSet<>();
    /** Implicitly inserted function types, appended to the type section. */
    final ByteWriter implicitTypes = new ByteWriter();
    int implicitCount;
    /** Whether an instruction names a data segment (then the binary needs a data count section). */
    boolean usesDataIndex;
    /** Globals imported so far: a constant expression reading a later one needs Wasm 3.0. */
    int importedGlobals;
    private final Map<String, Integer> funcTypeByKey = new HashMap<>();

    /** What the parser knows of one type definition. */
    static final class TypeInfo {
        /** 'f' func, 's' struct, 'a' array. */
        char kind;
        /** Encoded params and results of a func type, for matching inline type uses. */
        byte[] params, results;
        int paramCount;
        Map<String, Integer> fieldNames = Map.of();
        /** Final, no supertypes, alone in its rec group: the only types an inline type use may match. */
        boolean plain;
    }

    IdentifierContext() {
        for (int s = 0; s < 8; s++) names.add(new HashMap<>());
    }

    /** Assigns the next index of {@code space}, binding {@code id} to it if present. */
    int define(int space, SExpr id) {
        int idx = count[space]++;
        if (id != null) {
            if (id.problem != null) throw TextError.at(id, id.problem);
            if (names.get(space).putIfAbsent(id.text, idx) != null)
                throw TextError.at(id, "duplicate " + (space == FUNC ? "func" : SPACE[space]) + " $" + id.text);
        }
        return idx;
    }

    /** An index immediate: a number, or an id bound in {@code space}. */
    int index(SExpr a, int space) {
        if (a.kind == SExpr.Kind.NUM) return Numbers.u32(a);
        if (a.kind == SExpr.Kind.ID) {
            if (a.problem != null) throw TextError.at(a, a.problem);
            Integer i = names.get(space).get(a.text);
            if (i == null) throw TextError.at(a, "unknown " + SPACE[space] + " $" + a.text);
            return i;
        }
        throw TextError.at(a, a.kind == SExpr.Kind.RESERVED && a.problem != null ? a.problem : "unexpected token " + a + ", expected a " + SPACE[space] + " index");
    }

    TypeInfo type(int idx, SExpr where) {
        if (idx < 0 || idx >= types.size()) return null;
        return types.get(idx);
    }

    /** The index of the function type with these params/results: the first plain one, else a new one. */
    int funcType(byte[] params, int nParams, byte[] results, int nResults) {
        String key = key(params, results);
        Integer i = funcTypeByKey.get(key);
        if (i != null) return i;
        int idx = types.size();
        TypeInfo t = new TypeInfo();
        t.kind = 'f';
        t.params = params;
        t.results = results;
        t.paramCount = nParams;
        t.plain = true;
        types.add(t);
        funcTypeByKey.put(key, idx);
        implicitTypes.u8(0x60).u32(nParams).bytes(params).u32(nResults).bytes(results);
        implicitCount++;
        return idx;
    }

    /** Records a plain explicit func type so that inline type uses find it (the first one wins). */
    void registerPlain(int idx, TypeInfo t) {
        if (t.kind == 'f' && t.plain) funcTypeByKey.putIfAbsent(key(t.params, t.results), idx);
    }

    private static String key(byte[] p, byte[] r) {
        StringBuilder sb = new StringBuilder(p.length + r.length + 1);
        for (byte b : p) sb.append((char) (b & 0xFF));
        sb.append('\u0100'); // not a byte value, so params and results cannot run together
        for (byte b : r) sb.append((char) (b & 0xFF));
        return sb.toString();
    }

    // ---- types ----

    /** Whether the atom or list can start a value type. */
    static boolean isValType(SExpr s) {
        if (s.kind == SExpr.Kind.KEYWORD) return numType(s.text) != 0 || absHeapShort(s.text) != 0;
        return s.isList("ref");
    }

    private static int numType(String k) {
        return switch (k) {
            case "i32" -> TypeCode.I32;
            case "i64" -> TypeCode.I64;
            case "f32" -> TypeCode.F32;
            case "f64" -> TypeCode.F64;
            case "v128" -> TypeCode.V128;
            default -> 0;
        };
    }

    /** Shorthand reference types ({@code funcref}) by their abstract heap type byte. */
    private static int absHeapShort(String k) {
        return switch (k) {
            case "funcref" -> TypeCode.FUNC;
            case "externref" -> TypeCode.EXTERN;
            case "anyref" -> TypeCode.ANY;
            case "eqref" -> TypeCode.EQ;
            case "i31ref" -> TypeCode.I31;
            case "structref" -> TypeCode.STRUCT;
            case "arrayref" -> TypeCode.ARRAY;
            case "exnref" -> TypeCode.EXN;
            case "nullref" -> TypeCode.NONE;
            case "nullfuncref" -> TypeCode.NOFUNC;
            case "nullexternref" -> TypeCode.NOEXTERN;
            case "nullexnref" -> TypeCode.NOEXN;
            default -> 0;
        };
    }

    static int absHeap(String k) {
        return switch (k) {
            case "func" -> TypeCode.FUNC;
            case "extern" -> TypeCode.EXTERN;
            case "any" -> TypeCode.ANY;
            case "eq" -> TypeCode.EQ;
            case "i31" -> TypeCode.I31;
            case "struct" -> TypeCode.STRUCT;
            case "array" -> TypeCode.ARRAY;
            case "exn" -> TypeCode.EXN;
            case "none" -> TypeCode.NONE;
            case "nofunc" -> TypeCode.NOFUNC;
            case "noextern" -> TypeCode.NOEXTERN;
            case "noexn" -> TypeCode.NOEXN;
            default -> 0;
        };
    }

    private void noteRef(int abs, boolean nullable, boolean typed) {
        if (typed || !nullable) features.add("function-references");
        if (abs == TypeCode.EXN || abs == TypeCode.NOEXN) features.add("exceptions");
        else if (abs != TypeCode.FUNC && abs != TypeCode.EXTERN && abs != 0) features.add("gc");
    }

    void valType(SExpr s, ByteWriter out) {
        if (s.kind == SExpr.Kind.KEYWORD) {
            int n = numType(s.text);
            if (n != 0) {
                out.u8(n);
                return;
            }
            int h = absHeapShort(s.text);
            if (h != 0) {
                noteRef(h, true, false);
                out.u8(h);
                return;
            }
            throw TextError.at(s, "unknown type " + s.text);
        }
        if (s.isList("ref")) {
            refType(s, out);
            return;
        }
        if (s.kind == SExpr.Kind.RESERVED) throw TextError.at(s, s.problem);
        throw TextError.at(s, "unexpected token " + s + ", expected a value type");
    }

    /** A reference type; returns whether it is nullable. */
    boolean refType(SExpr s, ByteWriter out) {
        if (s.kind == SExpr.Kind.KEYWORD) {
            int h = absHeapShort(s.text);
            if (h == 0) throw TextError.at(s, "unexpected token " + s.text + ", expected a reference type");
            noteRef(h, true, false);
            out.u8(h);
            return true;
        }
        if (!s.isList("ref")) throw TextError.at(s, "unexpected token " + s + ", expected a reference type");
        ListCursor c = new ListCursor(s, 1);
        boolean nullable = c.keyword("null");
        SExpr ht = c.next();
        c.expectEnd();
        int abs = ht.kind == SExpr.Kind.KEYWORD ? absHeap(ht.text) : 0;
        if (abs != 0 && nullable) {
            noteRef(abs, true, false);
            out.u8(abs);
            return true;
        }
        noteRef(abs, nullable, abs == 0);
        out.u8(nullable ? 0x63 : 0x64);
        heapType(ht, out);
        return nullable;
    }

    void heapType(SExpr ht, ByteWriter out) {
        if (ht.isList("exact")) {
            // Custom descriptors: (exact $t), the type itself and not its subtypes.
            features.add("custom-descriptors");
            ListCursor c = new ListCursor(ht, 1);
            out.u8(0x62).s64(index(c.next(), TYPE));
            c.expectEnd();
            return;
        }
        if (ht.kind == SExpr.Kind.KEYWORD) {
            int abs = absHeap(ht.text);
            if (abs == 0) throw TextError.at(ht, "unknown heap type " + ht.text);
            noteRef(abs, true, false);
            out.u8(abs);
            return;
        }
        features.add("function-references");
        out.s64(index(ht, TYPE));
    }

    /** A struct or array field's storage type: a value type or a packed i8/i16. */
    void storageType(SExpr s, ByteWriter out) {
        if (s.isKeyword("i8")) out.u8(0x78);
        else if (s.isKeyword("i16")) out.u8(0x77);
        else valType(s, out);
    }

    /** A field type: {@code st} or {@code (mut st)}. */
    void fieldType(SExpr s, ByteWriter out) {
        if (s.isList("mut")) {
            ListCursor c = new ListCursor(s, 1);
            storageType(c.next(), out);
            c.expectEnd();
            out.u8(1);
        } else {
            storageType(s, out);
            out.u8(0);
        }
    }

    /** A global type: {@code vt} or {@code (mut vt)}. */
    void globalType(SExpr s, ByteWriter out) {
        if (s.isList("mut")) {
            ListCursor c = new ListCursor(s, 1);
            valType(c.next(), out);
            c.expectEnd();
            out.u8(1);
        } else {
            valType(s, out);
            out.u8(0);
        }
    }
}
