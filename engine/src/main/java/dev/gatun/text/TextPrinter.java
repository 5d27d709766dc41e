package dev.gatun.text;

import dev.gatun.model.TypeCode;

import dev.gatun.model.CompileFailure;

import java.util.ArrayList;
import java.util.List;

import static dev.gatun.text.PrintNames.*;

/**
 * Prints a binary module in the text format of Wasm 3.0: every section, names from the "name" section as
 * {@code $id}s, other custom sections as {@code (@custom ...)} annotations, instructions flat or folded.
 * The text parses back to the same module; binary details the text format cannot express (LEB widths,
 * empty sections, local groupings, the data count section) are left to the encoder.
 *
 * <p>Malformed bytes give a {@link CompileFailure} of kind MALFORMED with the offset. The printer does not
 * validate: an invalid but well-formed module prints as it is.
 */
public final class TextPrinter {
    /** How to print. {@code folded}: instructions as S-expressions with their operands nested, as in {@code (i32.add (local.get 0) (i32.const 1))}. */
    public record Options(boolean folded) {
        public static final Options FLAT = new Options(false);
        public static final Options FOLDED = new Options(true);
    }

    /** The module in flat text form. */
    public static String print(byte[] wasm) {
        return print(wasm, Options.FLAT);
    }

    public static String print(byte[] wasm, Options options) {
        try {
            return new TextPrinter(wasm, options).module();
        } catch (StackOverflowError e) {
            // Blocks nest as deep as the bytes allow and the printer recurses on them: retry with a stack of
            // its own, which costs only address space until it is used.
            return onDeepStack(wasm, options);
        }
    }

    private static String onDeepStack(byte[] wasm, Options options) {
        TextPrinter p = new TextPrinter(wasm, options);
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = p.module();
            } catch (CompileFailure | StackOverflowError e) {
                result[0] = e;
            }
        }, "gatun-text-printer", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileFailure(CompileFailure.Kind.MALFORMED, 0, "interrupted while printing", e);
        }
        return switch (result[0]) {
            case String s -> s;
            case CompileFailure e -> throw e;
            case StackOverflowError e -> throw new CompileFailure(CompileFailure.Kind.MALFORMED, p.sectionStart, "nesting too deep to print", e);
            default -> throw new IllegalStateException("printer thread ended without a result", (Throwable) result[0]);
        };
    }

    /** A type of the type section: its form byte, a function type's parameter and result types, a struct's field count. */
    record TypeInfo(int form, List<String> paramTypes, List<String> resultTypes, int fields) {
        int params() { return paramTypes == null ? -1 : paramTypes.size(); }

        int results() { return resultTypes == null ? -1 : resultTypes.size(); }
    }

    private record Section(int id, int start, int end, String name) {}

    private final byte[] wasm;
    private final boolean folded;
    private final StringBuilder out = new StringBuilder();
    PrintNames names = PrintNames.NONE;
    private boolean namesConsumed;
    private final List<TypeInfo> types = new ArrayList<>();
    private final List<Long> funcTypes = new ArrayList<>();
    private final List<Long> tagTypes = new ArrayList<>();
    private final List<Boolean> memory64 = new ArrayList<>();
    private int tables, globals, definedFuncs = -1, elems, datas;
    private long dataCount = -1;
    private boolean codeSeen, dataSeen;
    private int sectionStart;

    private TextPrinter(byte[] wasm, Options options) {
        this.wasm = wasm;
        this.folded = options.folded();
    }

    private String module() {
        List<Section> sections = sections();
        for (Section s : sections) {
            if (s.id == 0 && s.name.equals("name")) {
                PrintNames n = PrintNames.read(wasm, s.start, s.end);
                if (n != null) {
                    names = n;
                    namesConsumed = true;
                }
                break;
            }
        }
        out.append("(module");
        if (names.module != null) out.append(' ').append(names.module);
        String after = null;
        boolean namesSkipped = false;
        for (Section s : sections) {
            sectionStart = s.start;
            if (s.id == 0) {
                if (namesConsumed && !namesSkipped && s.name.equals("name")) {
                    namesSkipped = true;
                    continue;
                }
                custom(s, after);
                continue;
            }
            PrintCursor c = new PrintCursor(wasm, s.start, s.end);
            switch (s.id) {
                case 1 -> typeSection(c);
                case 2 -> importSection(c);
                case 3 -> functionSection(c);
                case 4 -> tableSection(c);
                case 5 -> memorySection(c);
                case 6 -> globalSection(c);
                case 7 -> exportSection(c);
                case 8 -> field().append("(start ").append(ref(FUNC, c.u32L())).append(')');
                case 9 -> elemSection(c);
                case 10 -> codeSection(c);
                case 11 -> dataSection(c);
                case 12 -> dataCount = c.u32L();
                case 13 -> tagSection(c);
                default -> throw PrintCursor.malformedAt(s.start, "malformed section id");
            }
            if (c.pos != s.end) throw PrintCursor.malformedAt(c.pos, "section size mismatch");
            after = SECTION_NAMES[s.id];
        }
        if (!codeSeen && definedFuncs > 0)
            throw PrintCursor.malformedAt(wasm.length, "function and code section have inconsistent lengths");
        if (!dataSeen && dataCount > 0)
            throw PrintCursor.malformedAt(wasm.length, "data count and data section have inconsistent lengths");
        if (dataIndexUse >= 0 && datas > 0) throw PrintCursor.malformedAt(dataIndexUse, "data count section required");
        return out.append(")\n").toString();
    }

    private static final String[] SECTION_NAMES = {"custom", "type", "import", "func", "table", "memory", "global",
            "export", "start", "elem", "code", "data", "datacount", "tag"};
    /** Where each section id may appear (the tag section sits between memory and global, data count before code). */
    private static final int[] RANK = {0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6};

    private List<Section> sections() {
        PrintCursor c = new PrintCursor(wasm, 0, wasm.length);
        if (wasm.length < 4 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm')
            throw PrintCursor.malformedAt(0, wasm.length < 4 ? "unexpected end" : "magic header not detected");
        c.pos = 4;
        if (wasm.length < 8) throw PrintCursor.malformedAt(4, "unexpected end");
        if (c.i32le() != 1) throw PrintCursor.malformedAt(4, "unknown binary version");
        List<Section> list = new ArrayList<>();
        int lastRank = 0;
        while (!c.atEnd()) {
            int at = c.pos;
            int id = c.u8();
            if (id >= RANK.length) throw PrintCursor.malformedAt(at, "malformed section id");
            int size = c.u32();
            if (size > c.limit - c.pos) throw PrintCursor.malformedAt(c.pos, "length out of bounds");
            int end = c.pos + size;
            if (id == 0) {
                PrintCursor n = new PrintCursor(wasm, c.pos, end);
                String name = n.name();
                list.add(new Section(0, n.pos, end, name));
            } else {
                if (RANK[id] <= lastRank) throw PrintCursor.malformedAt(at, "unexpected content after last section");
                lastRank = RANK[id];
                list.add(new Section(id, c.pos, end, null));
            }
            c.pos = end;
        }
        return list;
    }

    /** Starts a new module field on its own line. */
    private StringBuilder field() {
        return out.append("\n  ");
    }

    private void custom(Section s, String after) {
        field().append("(@custom ").append(PrintText.string(s.name)).append(after == null ? " (before first)" : " (after " + after + ")");
        for (int i = s.start; i < s.end; i += 64) {
            out.append(s.end - s.start > 64 ? "\n    " : " ");
            PrintText.string(out, wasm, i, Math.min(s.end, i + 64));
        }
        if (s.start == s.end) out.append(" \"\"");
        out.append(')');
    }

    // Types.

    private void typeSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            if (c.peek() == 0x4E) {
                c.u8();
                int k = c.count();
                field().append("(rec");
                for (int j = 0; j < k; j++) out.append("\n    ").append(subType(c));
                out.append(')');
            } else {
                field().append(subType(c));
            }
        }
    }

    private String subType(PrintCursor c) {
        long index = types.size();
        StringBuilder t = new StringBuilder("(type");
        String id = names.id(TYPE, index);
        if (id != null) t.append(' ').append(id);
        t.append(' ');
        int b = c.peek();
        if (b == 0x50 || b == 0x4F) {
            c.u8();
            t.append(b == 0x4F ? "(sub final" : "(sub");
            int k = c.count();
            for (int i = 0; i < k; i++) t.append(' ').append(ref(TYPE, c.u32L()));
            t.append(' ').append(compType(c, index)).append(')');
        } else {
            t.append(compType(c, index));
        }
        return t.append(')').toString();
    }

    private String compType(PrintCursor c, long index) {
        int at = c.pos;
        int form = c.u8();
        StringBuilder t = new StringBuilder();
        switch (form) {
            case TypeCode.FUNC_TYPE -> {
                List<String> params = valTypes(c), results = valTypes(c);
                t.append("(func");
                group(t, "param", params);
                group(t, "result", results);
                types.add(new TypeInfo(form, params, results, 0));
            }
            case TypeCode.STRUCT_TYPE -> {
                int n = c.count();
                t.append("(struct");
                for (int i = 0; i < n; i++) {
                    t.append(" (field");
                    String id = names.id(FIELD, index, i);
                    if (id != null) t.append(' ').append(id);
                    t.append(' ').append(fieldType(c)).append(')');
                }
                types.add(new TypeInfo(form, null, null, n));
            }
            case TypeCode.ARRAY_TYPE -> {
                t.append("(array ").append(fieldType(c));
                types.add(new TypeInfo(form, null, null, 1));
            }
            default -> throw PrintCursor.malformedAt(at, "malformed type");
        }
        return t.append(')').toString();
    }

    private String fieldType(PrintCursor c) {
        int b = c.peek();
        String storage;
        if (b == 0x78 || b == 0x77) {
            c.u8();
            storage = b == 0x78 ? "i8" : "i16";
        } else {
            storage = valType(c);
        }
        return mutable(c) ? "(mut " + storage + ")" : storage;
    }

    private static boolean mutable(PrintCursor c) {
        int at = c.pos;
        int m = c.u8();
        if (m > 1) throw PrintCursor.malformedAt(at, "malformed mutability");
        return m == 1;
    }

    private List<String> valTypes(PrintCursor c) {
        int n = c.count();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(valType(c));
        return list;
    }

    private static void group(StringBuilder t, String keyword, List<String> types) {
        if (types.isEmpty()) return;
        t.append(" (").append(keyword);
        for (String s : types) t.append(' ').append(s);
        t.append(')');
    }

    static boolean startsValType(int b) {
        return b >= TypeCode.V128 && b <= TypeCode.I32 || b >= TypeCode.EXN && b <= TypeCode.NOEXN || b == TypeCode.REF || b == TypeCode.REF_NULL;
    }

    String valType(PrintCursor c) {
        int at = c.pos;
        int b = c.u8();
        return switch (b) {
            case TypeCode.I32 -> "i32";
            case TypeCode.I64 -> "i64";
            case TypeCode.F32 -> "f32";
            case TypeCode.F64 -> "f64";
            case TypeCode.V128 -> "v128";
            case TypeCode.REF, TypeCode.REF_NULL -> "(ref " + (b == TypeCode.REF_NULL ? "null " : "") + heapType(c) + ")";
            default -> {
                String abs = abstractHeap(b);
                if (abs == null) throw PrintCursor.malformedAt(at, "malformed value type");
                yield switch (abs) {
                    case "nofunc" -> "nullfuncref";
                    case "noextern" -> "nullexternref";
                    case "none" -> "nullref";
                    case "noexn" -> "nullexnref";
                    default -> abs + "ref";
                };
            }
        };
    }

    /** A value type that must be a reference type (tables, element segments). */
    private String refType(PrintCursor c) {
        int b = c.peek();
        if (b != TypeCode.REF_NULL && b != TypeCode.REF && abstractHeap(b) == null) throw c.malformed("malformed reference type");
        return valType(c);
    }

    String heapType(PrintCursor c) {
        String abs = abstractHeap(c.peek());
        if (abs != null) {
            c.u8();
            return abs;
        }
        int at = c.pos;
        long idx = c.s33();
        if (idx < 0) throw PrintCursor.malformedAt(at, "malformed heap type");
        return ref(TYPE, idx);
    }

    private static String abstractHeap(int b) {
        return switch (b) {
            case TypeCode.FUNC -> "func";
            case TypeCode.EXTERN -> "extern";
            case TypeCode.ANY -> "any";
            case TypeCode.EQ -> "eq";
            case TypeCode.I31 -> "i31";
            case TypeCode.STRUCT -> "struct";
            case TypeCode.ARRAY -> "array";
            case TypeCode.EXN -> "exn";
            case TypeCode.NONE -> "none";
            case TypeCode.NOEXTERN -> "noextern";
            case TypeCode.NOFUNC -> "nofunc";
            case TypeCode.NOEXN -> "noexn";
            default -> null;
        };
    }

    TypeInfo type(long idx) {
        return idx >= 0 && idx < types.size() ? types.get((int) idx) : null;
    }

    TypeInfo funcType(long func) {
        return func >= 0 && func < funcTypes.size() ? type(funcTypes.get((int) func)) : null;
    }

    TypeInfo tagType(long tag) {
        return tag >= 0 && tag < tagTypes.size() ? type(tagTypes.get((int) tag)) : null;
    }

    /**
     * A data index used by code: the binary format then requires a data count section before the code. As
     * the decoder does, a module without data segments is let through (it is only invalid).
     */
    void usesDataCount(int at) {
        if (dataCount < 0 && dataIndexUse < 0) dataIndexUse = at;
    }

    private int dataIndexUse = -1;

    String ref(int space, long idx) {
        String id = names.id(space, idx);
        return id != null ? id : Long.toString(idx);
    }

    private String defId(int space, long idx) {
        String id = names.id(space, idx);
        return id != null ? " " + id : "";
    }

    // Imports and the other index spaces.

    private void importSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            String module = c.name(), name = c.name();
            field().append("(import ").append(PrintText.string(module)).append(' ').append(PrintText.string(name)).append(' ');
            int at = c.pos;
            int kind = c.u8();
            switch (kind) {
                case 0 -> {
                    long f = funcTypes.size();
                    out.append("(func").append(defId(FUNC, f));
                    funcTypes.add(c.u32L());
                    typeUse(funcTypes.getLast(), -1);
                    out.append(')');
                }
                case 1 -> out.append("(table").append(defId(TABLE, tables++)).append(' ').append(tableType(c)).append(')');
                case 2 -> out.append("(memory").append(defId(MEMORY, memory64.size())).append(' ').append(memType(c)).append(')');
                case 3 -> out.append("(global").append(defId(GLOBAL, globals++)).append(' ').append(globalType(c)).append(')');
                case 4 -> {
                    out.append("(tag").append(defId(TAG, tagTypes.size()));
                    tag(c);
                    out.append(')');
                }
                default -> throw PrintCursor.malformedAt(at, "malformed import kind");
            }
            out.append(')');
        }
    }

    /** {@code (type t)} and, for a function type, its params (named as locals of {@code func} if it has a body) and results. */
    private void typeUse(long typeIdx, long func) {
        out.append(" (type ").append(ref(TYPE, typeIdx)).append(')');
        TypeInfo t = type(typeIdx);
        if (t == null || t.form() != 0x60) return;
        List<String> params = t.paramTypes();
        boolean named = false;
        for (int i = 0; i < params.size() && func >= 0; i++) named |= names.id(LOCAL, func, i) != null;
        if (named) {
            for (int i = 0; i < params.size(); i++) {
                String id = names.id(LOCAL, func, i);
                out.append(" (param").append(id != null ? " " + id : "").append(' ').append(params.get(i)).append(')');
            }
        } else {
            StringBuilder sb = new StringBuilder();
            group(sb, "param", params);
            out.append(sb);
        }
        StringBuilder sb = new StringBuilder();
        group(sb, "result", t.resultTypes());
        out.append(sb);
    }

    private void tag(PrintCursor c) {
        int at = c.pos;
        if (c.u8() != 0) throw PrintCursor.malformedAt(at, "malformed tag attribute");
        tagTypes.add(c.u32L());
        typeUse(tagTypes.getLast(), -1);
    }

    private String tableType(PrintCursor c) {
        String ref = refType(c);
        return limits(c, false) + " " + ref;
    }

    private String memType(PrintCursor c) {
        String s = limits(c, true);
        return s;
    }

    /** Limits: {@code i64? min max?}, and {@code shared} for memories. Records each memory's address type. */
    private String limits(PrintCursor c, boolean memory) {
        int at = c.pos;
        int flags = c.u8();
        if (flags > (memory ? 7 : 5) || !memory && (flags & 2) != 0) throw PrintCursor.malformedAt(at, "malformed limits flags");
        boolean is64 = (flags & 4) != 0;
        StringBuilder s = new StringBuilder(is64 ? "i64 " : "");
        // Wasm 3.0 reads both address types' limits as u64 (a 32-bit one may spell a small value in more than
        // five bytes); that they fit 32 bits is a validation rule, not the printer's.
        s.append(Long.toUnsignedString(c.u64()));
        if ((flags & 1) != 0) s.append(' ').append(Long.toUnsignedString(c.u64()));
        if ((flags & 2) != 0) s.append(" shared");
        if (memory) memory64.add(is64);
        return s.toString();
    }

    private String globalType(PrintCursor c) {
        String t = valType(c);
        return mutable(c) ? "(mut " + t + ")" : t;
    }

    private void functionSection(PrintCursor c) {
        int n = c.count();
        definedFuncs = n;
        for (int i = 0; i < n; i++) funcTypes.add(c.u32L());
    }

    private void tableSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            field().append("(table").append(defId(TABLE, tables++)).append(' ');
            if (c.peek() == 0x40) {
                c.u8();
                int at = c.pos;
                if (c.u8() != 0) throw PrintCursor.malformedAt(at, "malformed table");
                out.append(tableType(c)).append(constExpr(c));
            } else {
                out.append(tableType(c));
            }
            out.append(')');
        }
    }

    private void memorySection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            field().append("(memory").append(defId(MEMORY, memory64.size())).append(' ').append(memType(c)).append(')');
        }
    }

    private void globalSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            field().append("(global").append(defId(GLOBAL, globals++)).append(' ').append(globalType(c))
                    .append(constExpr(c)).append(')');
        }
    }

    private void tagSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            field().append("(tag").append(defId(TAG, tagTypes.size()));
            tag(c);
            out.append(')');
        }
    }

    private static final String[] EXPORT_KINDS = {"func", "table", "memory", "global", "tag"};
    private static final int[] EXPORT_SPACES = {FUNC, TABLE, MEMORY, GLOBAL, TAG};

    private void exportSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            String name = c.name();
            int at = c.pos;
            int kind = c.u8();
            if (kind >= EXPORT_KINDS.length) throw PrintCursor.malformedAt(at, "malformed export kind");
            field().append("(export ").append(PrintText.string(name)).append(" (").append(EXPORT_KINDS[kind]).append(' ')
                    .append(ref(EXPORT_SPACES[kind], c.u32L())).append("))");
        }
    }

    /** A constant expression on one line, after a space; nothing for an empty one. */
    private String constExpr(PrintCursor c) {
        List<PrintNode> nodes = new PrintCode(this, c, folded, -1).read();
        StringBuilder sb = new StringBuilder();
        PrintNode.render(sb, nodes, -1, folded);
        return sb.isEmpty() ? "" : " " + sb;
    }

    // Segments.

    private void elemSection(PrintCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            int at = c.pos;
            long flags = c.u32L();
            if (flags > 7) throw PrintCursor.malformedAt(at, "malformed elements segment kind");
            StringBuilder e = field().append("(elem").append(defId(ELEM, elems++));
            boolean active = (flags & 1) == 0, exprs = (flags & 4) != 0;
            if (active) {
                if ((flags & 2) != 0) e.append(" (table ").append(ref(TABLE, c.u32L())).append(')');
                e.append(" (offset").append(constExpr(c)).append(')');
            } else if ((flags & 2) != 0) {
                e.append(" declare");
            }
            String type = "funcref";
            if ((flags & 3) != 0) {
                if (exprs) {
                    type = refType(c);
                } else {
                    int k = c.pos;
                    if (c.u8() != 0) throw PrintCursor.malformedAt(k, "malformed element kind");
                }
            }
            int count = c.count();
            if (exprs) {
                e.append(' ').append(type);
                for (int j = 0; j < count; j++) e.append(" (item").append(constExpr(c)).append(')');
            } else {
                e.append(" func");
                for (int j = 0; j < count; j++) e.append(' ').append(ref(FUNC, c.u32L()));
            }
            e.append(')');
        }
    }

    private void dataSection(PrintCursor c) {
        dataSeen = true;
        int n = c.count();
        if (dataCount >= 0 && n != dataCount)
            throw PrintCursor.malformedAt(c.pos, "data count and data section have inconsistent lengths");
        for (int i = 0; i < n; i++) {
            int at = c.pos;
            long flags = c.u32L();
            if (flags > 2) throw PrintCursor.malformedAt(at, "malformed data segment kind");
            field().append("(data").append(defId(DATA, datas++));
            if (flags == 2) out.append(" (memory ").append(ref(MEMORY, c.u32L())).append(')');
            if (flags != 1) out.append(" (offset").append(constExpr(c)).append(')');
            int len = c.u32();
            if (len > c.limit - c.pos) throw PrintCursor.malformedAt(c.pos, "unexpected end of section or function");
            for (int j = 0; j < len; j += 64) {
                out.append(len > 64 ? "\n    " : " ");
                PrintText.string(out, wasm, c.pos + j, c.pos + Math.min(len, j + 64));
            }
            c.pos += len;
            out.append(')');
        }
    }

    // Code.

    /** The printer's limit on locals per function, as the decoder's: the text lists them one by one. */
    private static final long MAX_LOCALS = 50_000;

    private void codeSection(PrintCursor c) {
        codeSeen = true;
        int at = c.pos;
        int n = c.count();
        if (n != Math.max(definedFuncs, 0))
            throw PrintCursor.malformedAt(at, "function and code section have inconsistent lengths");
        long firstDefined = funcTypes.size() - (long) n;
        for (int i = 0; i < n; i++) {
            int size = c.u32();
            if (size > c.limit - c.pos) throw PrintCursor.malformedAt(c.pos, "unexpected end of section or function");
            int end = c.pos + size;
            PrintCursor f = new PrintCursor(wasm, c.pos, end);
            long func = firstDefined + i;
            field().append("(func").append(defId(FUNC, func));
            typeUse(funcTypes.get((int) func), func);
            locals(f, func);
            List<PrintNode> body = new PrintCode(this, f, folded, func).read();
            if (f.pos != end) throw PrintCursor.malformedAt(f.pos, "section size mismatch");
            PrintNode.render(out, body, 2, folded);
            out.append(')');
            c.pos = end;
        }
    }

    private void locals(PrintCursor f, long func) {
        int groups = f.count();
        TypeInfo t = funcType(func);
        long index = t != null && t.params() > 0 ? t.params() : 0;
        long total = 0;
        StringBuilder unnamed = null;
        for (int g = 0; g < groups; g++) {
            int at = f.pos;
            long count = f.u32L();
            total += count;
            if (total > MAX_LOCALS) throw PrintCursor.malformedAt(at, "too many locals");
            String type = valType(f);
            for (long k = 0; k < count; k++, index++) {
                String id = names.id(LOCAL, func, index);
                if (id == null) {
                    if (unnamed == null) unnamed = new StringBuilder(" (local");
                    unnamed.append(' ').append(type);
                    continue;
                }
                if (unnamed != null) {
                    flushLocals(unnamed);
                    unnamed = null;
                }
                out.append("\n    (local ").append(id).append(' ').append(type).append(')');
            }
        }
        if (unnamed != null) flushLocals(unnamed);
    }

    private void flushLocals(StringBuilder unnamed) {
        out.append("\n   ").append(unnamed).append(')');
    }
}
