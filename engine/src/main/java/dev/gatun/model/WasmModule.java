package dev.gatun.model;


import java.util.List;
import java.util.Map;

/**
 * A decoded module: the sections of the binary in the spec's abstract syntax, with every index space
 * laid out imports first. Immutable once built by {@code binary.ModuleDecoder}; safe to share between threads.
 *
 * @param types         the type section
 * @param imports       the import section, in order
 * @param funcTypes     type index of every function, imported ones first ({@code funcidx} space)
 * @param tables        every table type, imported first ({@code tableidx} space)
 * @param memories      every memory type, imported first ({@code memidx} space)
 * @param globals       every global type, imported first ({@code globalidx} space)
 * @param globalInits   initialisers of the defined globals (index i is global {@code importedGlobals + i})
 * @param exports       the export section
 * @param start         start function index, or -1
 * @param elements      element segments
 * @param datas         data segments
 * @param dataCount     the data count section's value, or -1 when absent
 * @param codes         bodies of the defined functions (index i is function {@code importedFuncs + i})
 * @param customs       custom sections in order (the name section included)
 * @param names         decoded name section (empty when absent or malformed: the spec says custom
 *                      sections never make a module invalid)
 * @param offsets       where items were in the binary, for error messages
 * @param tagTypes      type index of every exception tag, imported ones first ({@code tagidx} space)
 * @param importedTags  how many of the tags are imported
 * @param tableInits    per defined table, the initialiser of its elements, or null for the default (null)
 */
public record WasmModule(
        List<DefinedType> types,
        List<Import> imports,
        int[] funcTypes,
        List<TableType> tables,
        List<MemoryType> memories,
        List<GlobalType> globals,
        List<ConstExpr> globalInits,
        List<Export> exports,
        int start,
        List<ElementSegment> elements,
        List<DataSegment> datas,
        int dataCount,
        List<FunctionBody> codes,
        List<CustomSection> customs,
        Names names,
        int importedFuncs,
        int importedTables,
        int importedMemories,
        int importedGlobals,
        Offsets offsets,
        int[] tagTypes,
        int importedTags,
        List<ConstExpr> tableInits) {

    /**
     * Module byte offsets of decoded items, so validation errors can point into the binary: the
     * function-section entry of each defined function, the declaration of each memory (imports first),
     * each defined global's initialiser, each export, element and data segment, and the start section.
     */
    public record Offsets(long[] funcs, long[] memories, long[] globalInits, long[] exports,
                          long[] elements, long[] datas, long start) {
        public static final Offsets NONE = new Offsets(new long[0], new long[0], new long[0], new long[0],
                new long[0], new long[0], 0);

        static long at(long[] a, int i) { return a != null && i >= 0 && i < a.length ? a[i] : 0; }

        public long func(int definedIndex) { return at(funcs, definedIndex); }
        public long memory(int memidx) { return at(memories, memidx); }
        public long globalInit(int definedIndex) { return at(globalInits, definedIndex); }
        public long export(int i) { return at(exports, i); }
        public long element(int i) { return at(elements, i); }
        public long data(int i) { return at(datas, i); }
    }

    /** One import: {@code desc} is the index into the type section for functions, else the type itself. */
    public record Import(String module, String name, ExternKind kind, int typeidx, Object type) {}

    /** One export: the kind and index in that kind's index space. */
    public record Export(String name, ExternKind kind, int index) {}

    public enum SegmentMode { ACTIVE, PASSIVE, DECLARATIVE }

    /**
     * An element segment in any of the 8 encodings, normalised: every entry is a constant expression
     * ({@code ref.func x} for the funcidx-vector encodings).
     */
    public record ElementSegment(SegmentMode mode, int tableidx, ConstExpr offset, ValueType elemType, List<ConstExpr> init) {
        /** The representation kind of the entries. */
        public ValType type() { return elemType.kind(); }
    }

    /** A data segment; {@code offset} is null unless active. */
    public record DataSegment(SegmentMode mode, int memidx, ConstExpr offset, byte[] bytes) {}

    /**
     * A function body: the declared locals expanded (not including parameters), and the instruction
     * bytes from the first instruction to the final {@code end} inclusive. {@code codeOffset} is the
     * module offset of {@code code[0]}, so errors can report absolute byte offsets. Bodies with the
     * same local declarations share one {@code locals} array: never modify it. {@code localTypes} are the
     * full types of the same locals (typed references), for validation.
     */
    public record FunctionBody(ValType[] locals, byte[] code, long codeOffset, ValueType[] localTypes) {}

    public record CustomSection(String name, byte[] data, long offset) {}

    /** The name section's module, function and local names. */
    public record Names(String module, Map<Integer, String> functions, Map<Integer, Map<Integer, String>> locals) {
        public static final Names EMPTY = new Names(null, Map.of(), Map.of());
    }

    public FunctionType funcType(int funcidx) { return types.get(funcTypes[funcidx]).func(); }

    /** The function type at {@code typeidx} (validation checked that it is one). */
    public FunctionType functionType(int typeidx) { return types.get(typeidx).func(); }

    public int functionCount() { return funcTypes.length; }

    /** The type of tag {@code tagidx}: its parameters are the exception's payload, it has no results. */
    public FunctionType tagType(int tagidx) { return types.get(tagTypes[tagidx]).func(); }

    /** The name of a function from the name section, or null. */
    public String functionName(int funcidx) { return names.functions().get(funcidx); }

    /**
     * The name a trap's stack shows for a function: the name section's, else the first export of it (a
     * module without a name section, the usual release build, still names its entry points), else null.
     * Only traps call it, so the linear search over the exports costs nothing on the running path.
     */
    public String frameName(int funcidx) {
        String n = functionName(funcidx);
        if (n != null) return n;
        for (Export e : exports()) {
            if (e.kind() == ExternKind.FUNCTION && e.index() == funcidx) return e.name();
        }
        return null;
    }
}
