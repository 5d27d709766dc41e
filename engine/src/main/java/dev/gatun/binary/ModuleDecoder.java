package dev.gatun.binary;

import dev.gatun.model.ConstExpr;
import dev.gatun.model.WasmModule;
import dev.gatun.model.CompileFailure;
import dev.gatun.model.ExternKind;
import dev.gatun.model.ArrayType;
import dev.gatun.model.CompositeType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.FunctionType;
import dev.gatun.model.GlobalType;
import dev.gatun.model.HeapType;
import dev.gatun.model.Limits;
import dev.gatun.model.MemoryType;
import dev.gatun.model.StructType;
import dev.gatun.model.TableType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValType;
import dev.gatun.model.ValueType;
import dev.gatun.model.Instruction;
import dev.gatun.model.WasmModule.CustomSection;
import dev.gatun.model.WasmModule.DataSegment;
import dev.gatun.model.WasmModule.ElementSegment;
import dev.gatun.model.WasmModule.Export;
import dev.gatun.model.WasmModule.FunctionBody;
import dev.gatun.model.WasmModule.Import;
import dev.gatun.model.WasmModule.Names;
import dev.gatun.model.WasmModule.SegmentMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the Wasm 3.0 binary format (as far as the engine runs it), or strictly Wasm 2.0's, into a
 * {@link WasmModule}. Every function body is checked
 * structurally (known opcodes, well-formed immediates, balanced blocks) so that all malformed-binary
 * errors surface here, before validation, as the spec's reference interpreter reports them.
 *
 * <p>Some checks the spec places in validation have to be made while decoding because the decoded
 * model cannot represent the failing input (limits out of range, non-constant initialisers). Those
 * are remembered as the first deferred INVALID error and thrown only once the whole binary decoded,
 * so a malformed binary is always reported as malformed.
 *
 * <p>Profiles: Wasm 3.0 (the default) turned some Wasm 2.0 errors into valid encodings or validation errors:
 * limits are u64 with an address-type flag (memory64), memory indices replace the reserved zero bytes and
 * memargs carry one (multi-memory), memarg offsets are u64. A {@code wasm2} decoder keeps the 2.0 rules
 * (u32 limits and offsets, zero bytes, memarg flags below 32: malformed otherwise; several memories:
 * invalid), so the Wasm 2.0 suite, whose scripts test exactly those errors, still holds.
 *
 * <p>Input comes either as one array or section by section from a stream; the decoder never needs
 * more than the section it is working on.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100;            // "\0asm" little-endian
    private static final int VERSION = 1;
    /** Implementation limit on the locals of one function, as the JS API (and every engine) imposes. */
    static final int MAX_LOCALS = 50_000;
    /** Cap on the distinct expanded locals of a whole module (identical declarations are shared). */
    static final long MAX_MODULE_LOCALS = 8_000_000;
    private static final ValueType[] NO_LOCALS = new ValueType[0];
    private static final ValType[] NO_LOCAL_KINDS = new ValType[0];

    private final Map<String, ValueType[]> localsCache = new HashMap<>();
    /** The kinds of each distinct locals array, shared the same way. */
    private final Map<ValueType[], ValType[]> localKinds = new java.util.IdentityHashMap<>(Map.of(NO_LOCALS, NO_LOCAL_KINDS));
    private long expandedLocals;

    private final List<DefinedType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private int[] definedFuncTypes = new int[0];
    private final List<TableType> tables = new ArrayList<>();
    /** Per defined table, its initialiser or null. */
    private final List<ConstExpr> tableInits = new ArrayList<>();
    private final List<MemoryType> memories = new ArrayList<>();
    private final List<GlobalType> globals = new ArrayList<>();
    private final List<ConstExpr> globalInits = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private int start = -1;
    private final List<ElementSegment> elements = new ArrayList<>();
    private final List<DataSegment> datas = new ArrayList<>();
    private int dataCount = -1;
    private final List<FunctionBody> codes = new ArrayList<>();
    private final List<CustomSection> customs = new ArrayList<>();
    private Names names = Names.EMPTY;
    private int importedFuncs, importedTables, importedMemories, importedGlobals, importedTags;
    private final List<Integer> tagTypes = new ArrayList<>();
    private final List<Integer> importFuncTypes = new ArrayList<>();

    // Offsets of items for validation errors (see WasmModule.Offsets).
    private final LongList funcOffsets = new LongList(), memoryOffsets = new LongList(), globalInitOffsets = new LongList(),
            exportOffsets = new LongList(), elementOffsets = new LongList(), dataOffsets = new LongList();
    private long startOffset;

    private int lastRank;              // order rank of the last non-custom section
    private boolean sawDataSection;
    private long dataIndexUse = -1;   // first memory.init/data.drop without a data count section
    private CompileFailure deferred;     // first validation error found while decoding

    /** Decode by the Wasm 2.0 rules (see the class comment). */
    private final boolean wasm2;

    private ModuleDecoder(boolean wasm2) { this.wasm2 = wasm2; }

    /** Decodes a whole binary (Wasm 3.0). */
    public static WasmModule decode(byte[] bytes) { return decode(bytes, false); }

    /** Decodes a whole binary by the Wasm 3.0 rules, or by Wasm 2.0's when {@code wasm2}. */
    public static WasmModule decode(byte[] bytes, boolean wasm2) {
        ModuleDecoder d = new ModuleDecoder(wasm2);
        WasmReader r = new WasmReader(bytes);
        d.header(r);
        while (!r.atEnd()) {
            long idAt = r.offset();
            int id = r.u8();
            long sizeAt = r.offset();
            long size = r.u32() & 0xFFFF_FFFFL;
            if (size > r.remaining()) throw r.malformedAt(sizeAt, "length out of bounds");
            int from = r.pos();
            int to = from + (int) size;
            d.section(id, new WasmReader(bytes, from, to, 0), idAt);
            r.pos(to);
        }
        return d.finish(bytes.length);
    }

    /** Decodes from a stream, one section at a time; I/O failures become CompileFailures. */
    public static WasmModule decode(InputStream in) {
        return decode(new StreamSource(in));
    }

    public static WasmModule decode(ReadableByteChannel ch) {
        return decode(new StreamSource(Channels.newInputStream(ch)));
    }

    private static WasmModule decode(StreamSource src) {
        ModuleDecoder d = new ModuleDecoder(false);
        byte[] head = src.readUpTo(8);
        d.header(new WasmReader(head));
        while (true) {
            int id = src.read();
            if (id < 0) break;
            long sizeAt = src.offset;
            // LEB128 u32 read bytewise from the stream, with the same rules as WasmReader.
            byte[] leb = new byte[5];
            int n = 0;
            while (true) {
                int b = src.read();
                if (b < 0) throw new CompileFailure(CompileFailure.Kind.MALFORMED, src.offset, "unexpected end");
                leb[n++] = (byte) b;
                if ((b & 0x80) == 0 || n == 5) break;
            }
            long size = new WasmReader(leb, 0, n, sizeAt).u32() & 0xFFFF_FFFFL;
            long base = src.offset;
            byte[] content = src.readExactly(size, sizeAt);
            d.section(id, new WasmReader(content, 0, content.length, base), sizeAt - 1);
        }
        return d.finish(src.offset);
    }

    private void header(WasmReader r) {
        if (r.remaining() < 4) throw r.malformedAt(r.offset() + r.remaining(), "unexpected end");
        int magic = r.f32bits();
        if (magic != MAGIC) throw r.malformedAt(0, "magic header not detected");
        if (r.remaining() < 4) throw r.malformedAt(r.offset() + r.remaining(), "unexpected end");
        int version = r.f32bits();
        if (version != VERSION) throw r.malformedAt(4, "unknown binary version");
    }

    private static int rank(int id) {
        return switch (id) {
            // The tag section (13) sits between the memory and global sections.
            case 1, 2, 3, 4, 5 -> id;
            case 13 -> 6;
            case 6, 7, 8, 9 -> id + 1;
            case 12 -> 11;
            case 10 -> 12;
            case 11 -> 13;
            default -> -1;
        };
    }

    private void defer(long offset, String reason) {
        if (deferred == null) deferred = new CompileFailure(CompileFailure.Kind.INVALID, offset, reason);
    }

    private void section(int id, WasmReader r, long sectionOffset) {
        if (id != 0) {
            int rank = rank(id);
            if (rank < 0) throw r.malformedAt(sectionOffset, "malformed section id");
            if (rank <= lastRank) throw r.malformedAt(sectionOffset, "unexpected content after last section");
            lastRank = rank;
        }
        switch (id) {
            case 0 -> customSection(r);
            case 1 -> typeSection(r);
            case 2 -> importSection(r);
            case 3 -> functionSection(r);
            case 4 -> tableSection(r);
            case 5 -> memorySection(r);
            case 6 -> globalSection(r);
            case 7 -> exportSection(r);
            case 8 -> { startOffset = r.offset(); start = r.u32(); }
            case 9 -> elementSection(r);
            case 10 -> codeSection(r);
            case 11 -> dataSection(r);
            case 12 -> dataCount = r.u32();
            case 13 -> tagSection(r);
            default -> throw new AssertionError(id);
        }
        if (!r.atEnd()) throw r.malformed("section size mismatch");
    }

    // ---------------------------------------------------------------- basic values

    /**
     * A vector length: at least one byte per element must remain, so huge counts fail before
     * allocating (with the message the reference gives when it runs out of section reading them).
     */
    private static int vecLen(WasmReader r) {
        long at = r.offset();
        long n = r.u32() & 0xFFFF_FFFFL;
        if (n > r.remaining()) throw r.malformedAt(at, "unexpected end of section or function");
        return (int) n;
    }

    static String name(WasmReader r) {
        long at = r.offset();
        long n = r.u32() & 0xFFFF_FFFFL;
        if (n > r.remaining()) throw r.malformedAt(at, "length out of bounds");
        int from = r.pos();
        r.skip((int) n);
        return Utf8.decode(r.buffer(), from, (int) n, r, r.offset() - n);
    }

    /** While a recursion group is read: the type index of its first member and its size; else -1. */
    private int groupStart = -1, groupSize;

    private ValueType valType(WasmReader r) {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) return ref(b == TypeCode.REF_NULL, heapType(r));
        ValueType t = InstructionReader.shorthand(b, wasm2);
        if (t == null) throw r.malformedAt(r.offset() - 1, "malformed value type");
        return t;
    }

    /** A group member's kind is set when the group is read (FUNCREF meanwhile). */
    private static ValueType ref(boolean nullable, HeapType h) {
        return h instanceof HeapType.Rec ? ValueType.ref(ValType.FUNCREF, nullable, h) : ValueType.ref(nullable, h);
    }

    private ValueType refType(WasmReader r) {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) return ref(b == TypeCode.REF_NULL, heapType(r));
        ValueType t = InstructionReader.shorthand(b, wasm2);
        if (t != null && t.isReference()) return t;
        throw r.malformedAt(r.offset() - 1, "malformed reference type");
    }

    /**
     * A heap type (s33): an abstract one, or a type index. Inside a recursion group an index may name the
     * types before the group and the group's own members, which are {@link HeapType.Rec} until it is canonical.
     */
    HeapType heapType(WasmReader r) {
        long at = r.offset();
        long v = r.s33();
        if (v < 0) return InstructionReader.abstractHeap(r, at, v);
        if (groupStart >= 0 && v >= groupStart && v < groupStart + groupSize) return new HeapType.Rec((int) (v - groupStart));
        if (v < types.size()) return new HeapType.Defined(types.get((int) v));
        defer(at, "unknown type");
        return HeapType.FUNC;
    }

    /** The function type at {@code typeidx}, or null when there is none (an invalid module). */
    private FunctionType functionTypeAt(int typeidx) {
        return typeidx >= 0 && typeidx < types.size() && types.get(typeidx).isFunc() ? types.get(typeidx).func() : null;
    }

    /** Limits as read: {@code max} -1 when absent; u64 values above 2^63 saturate to Long.MAX_VALUE. */
    private record RawLimits(long min, long max, boolean shared, boolean address64) {}

    /**
     * Limits flag bits: bit 0 a maximum follows; bit 1 (threads, memories only) the memory is shared;
     * bit 2 (memory64/table64, not in the Wasm 2.0 profile) 64-bit addresses.
     */
    private static final int LIMITS_HAS_MAX = 0x01, LIMITS_SHARED = 0x02, LIMITS_64 = 0x04;

    private RawLimits limits(WasmReader r, boolean memory) {
        int flags = r.u8();
        // The reference reads the flags as a one-byte LEB128, hence these two messages.
        if ((flags & 0x80) != 0) throw r.malformedAt(r.offset() - 1, "integer representation too long");
        int allowed = (memory ? LIMITS_HAS_MAX | LIMITS_SHARED : LIMITS_HAS_MAX) | (wasm2 ? 0 : LIMITS_64);
        if ((flags & ~allowed) != 0) throw r.malformedAt(r.offset() - 1, "integer too large");
        boolean shared = (flags & LIMITS_SHARED) != 0;
        if (wasm2) {
            long min = r.u32() & 0xFFFF_FFFFL;
            return new RawLimits(min, (flags & LIMITS_HAS_MAX) != 0 ? r.u32() & 0xFFFF_FFFFL : -1, shared, false);
        }
        // Wasm 3.0 reads both address types' limits as u64; the 32-bit range is a validation rule (invalid).
        long min = saturate(r.u64());
        long max = (flags & LIMITS_HAS_MAX) != 0 ? saturate(r.u64()) : -1;
        return new RawLimits(min, max, shared, (flags & LIMITS_64) != 0);
    }

    private static long saturate(long u64) { return u64 < 0 ? Long.MAX_VALUE : u64; }

    private MemoryType memoryType(WasmReader r) {
        long at = r.offset();
        RawLimits l = limits(r, true);
        long min = l.min, max = l.max;
        long most = l.address64 ? MemoryType.MAX_PAGES_64 : MemoryType.MAX_PAGES;
        if (min > most || max > most) {
            defer(at, l.address64 ? "memory size must be at most 2^48 pages" : "memory size must be at most 65536 pages (4GiB)");
        } else if (max >= 0 && max < min) {
            defer(at, "size minimum must not be greater than maximum");
        } else if (l.shared && max < 0) {
            // Every agent must agree on the bound a shared memory can reach, so it is declared.
            defer(at, "shared memory must have maximum");
        }
        // The model cannot hold invalid limits; clamp (the deferred error rejects the module anyway).
        min = Math.min(min, most);
        if (max >= 0) max = Math.max(min, Math.min(max, most));
        return new MemoryType(max >= 0 ? Limits.of(min, max) : Limits.of(min), l.shared && max >= 0, l.address64);
    }

    private TableType tableType(WasmReader r) {
        ValueType et = refType(r);
        long at = r.offset();
        RawLimits l = limits(r, false);
        long min = l.min, max = l.max;
        if (!l.address64 && (min > 0xFFFF_FFFFL || max > 0xFFFF_FFFFL)) {
            defer(at, "table size must be at most 2^32-1");
            min = Math.min(min, 0xFFFF_FFFFL);
            if (max >= 0) max = Math.min(max, 0xFFFF_FFFFL);
        }
        if (max >= 0 && max < min) {
            defer(at, "size minimum must not be greater than maximum");
            max = min;
        }
        return new TableType(et, max >= 0 ? Limits.of(min, max) : Limits.of(min), l.address64);
    }

    private GlobalType globalType(WasmReader r) {
        ValueType t = valType(r);
        int m = r.u8();
        if (m > 1) throw r.malformedAt(r.offset() - 1, "malformed mutability");
        return new GlobalType(t, m == 1);
    }

    // ---------------------------------------------------------------- sections

    private void customSection(WasmReader r) {
        long at = r.offset();
        String name = name(r);
        byte[] data = r.bytes(r.remaining());
        customs.add(new CustomSection(name, data, at));
        if (name.equals("name")) {
            try {
                names = NameSection.decode(data, 0L);
            } catch (RuntimeException e) {
                // A malformed name section is only a custom section: ignore it.
                names = Names.EMPTY;
            }
        }
    }

    /** Subtype and recursion group prefixes of the type section (GC). */
    private static final int REC = 0x4E, SUB = 0x50, SUB_FINAL = 0x4F;

    private void typeSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            if (!wasm2 && r.peek() == REC) {
                r.u8();
                int m = vecLen(r);
                recGroup(r, m);
            } else {
                recGroup(r, 1);
            }
        }
    }

    /** Reads {@code m} subtypes as one recursion group and adds its canonical types. */
    private void recGroup(WasmReader r, int m) {
        groupStart = types.size();
        groupSize = m;
        DefinedType.SubType[] members = new DefinedType.SubType[m];
        for (int j = 0; j < m; j++) members[j] = subType(r);
        groupStart = -1;
        // A reference to a member has the kind of the member's hierarchy, known only once the group is read.
        ValType[] kinds = new ValType[m];
        for (int j = 0; j < m; j++) kinds[j] = members[j].composite() instanceof FunctionType ? ValType.FUNCREF : ValType.ANYREF;
        for (int j = 0; j < m; j++) {
            DefinedType.SubType t = members[j];
            members[j] = new DefinedType.SubType(t.isFinal(), t.supers(), withKinds(t.composite(), kinds));
        }
        types.addAll(DefinedType.of(Arrays.asList(members)));
    }

    private DefinedType.SubType subType(WasmReader r) {
        int form = r.u8();
        if (wasm2 && form != TypeCode.FUNC_TYPE) throw r.malformedAt(r.offset() - 1, "integer representation too long");
        if (form != SUB && form != SUB_FINAL) return new DefinedType.SubType(true, List.of(), compositeType(r, form));
        int n = vecLen(r);
        List<HeapType> supers = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long at = r.offset();
            int idx = r.u32();
            if (idx >= 0 && idx < types.size()) supers.add(new HeapType.Defined(types.get(idx)));
            else if (idx >= groupStart && idx < groupStart + groupSize) supers.add(new HeapType.Rec(idx - groupStart));
            else defer(at, "unknown type");
        }
        return new DefinedType.SubType(form == SUB_FINAL, supers, compositeType(r, r.u8()));
    }

    private CompositeType compositeType(WasmReader r, int form) {
        switch (form) {
            case TypeCode.FUNC_TYPE -> {
                int np = vecLen(r);
                ValueType[] params = new ValueType[np];
                for (int j = 0; j < np; j++) params[j] = valType(r);
                int nr = vecLen(r);
                ValueType[] results = new ValueType[nr];
                for (int j = 0; j < nr; j++) results[j] = valType(r);
                return FunctionType.ofTypes(Arrays.asList(params), Arrays.asList(results));
            }
            case TypeCode.STRUCT_TYPE -> {
                int nf = vecLen(r);
                FieldType[] fields = new FieldType[nf];
                for (int j = 0; j < nf; j++) fields[j] = fieldType(r);
                return new StructType(Arrays.asList(fields));
            }
            case TypeCode.ARRAY_TYPE -> {
                return new ArrayType(fieldType(r));
            }
            default -> throw r.malformedAt(r.offset() - 1, "malformed definition type");
        }
    }

    private FieldType fieldType(WasmReader r) {
        int b = r.peek();
        ValueType t;
        int packed = 0;
        if (b == TypeCode.I8 || b == TypeCode.I16) {
            r.u8();
            packed = b == TypeCode.I8 ? 8 : 16;
            t = ValueType.I32;
        } else {
            t = valType(r);
        }
        int mut = r.u8();
        if (mut > 1) throw r.malformedAt(r.offset() - 1, "malformed mutability");
        return new FieldType(t, packed, mut == 1);
    }

    private static CompositeType withKinds(CompositeType c, ValType[] kinds) {
        return switch (c) {
            case FunctionType f -> FunctionType.ofTypes(f.paramTypes().stream().map(v -> withKinds(v, kinds)).toList(),
                    f.resultTypes().stream().map(v -> withKinds(v, kinds)).toList());
            case StructType s -> new StructType(s.fields().stream()
                    .map(f -> new FieldType(withKinds(f.type(), kinds), f.packed(), f.mutable())).toList());
            case ArrayType a -> new ArrayType(new FieldType(withKinds(a.element().type(), kinds), a.element().packed(), a.element().mutable()));
        };
    }

    private static ValueType withKinds(ValueType v, ValType[] kinds) {
        return v.heap() instanceof HeapType.Rec(int j) ? ValueType.ref(kinds[j], v.nullable(), v.heap()) : v;
    }

    private void importSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            String module = name(r);
            String field = name(r);
            int kind = r.u8();
            switch (kind) {
                case 0 -> {
                    long at = r.offset();
                    int typeidx = r.u32();
                    FunctionType ft = functionTypeAt(typeidx);
                    if (ft == null) defer(at, "unknown type");
                    imports.add(new Import(module, field, ExternKind.FUNCTION, typeidx, ft));
                    importFuncTypes.add(typeidx);
                    importedFuncs++;
                }
                case 1 -> {
                    TableType t = tableType(r);
                    imports.add(new Import(module, field, ExternKind.TABLE, -1, t));
                    tables.add(t);
                    importedTables++;
                }
                case 2 -> {
                    memoryOffsets.add(r.offset());
                    MemoryType m = memoryType(r);
                    imports.add(new Import(module, field, ExternKind.MEMORY, -1, m));
                    memories.add(m);
                    importedMemories++;
                }
                case 3 -> {
                    GlobalType g = globalType(r);
                    imports.add(new Import(module, field, ExternKind.GLOBAL, -1, g));
                    globals.add(g);
                    importedGlobals++;
                }
                case 4 -> {
                    long at = r.offset();
                    int typeidx = tagType(r);
                    FunctionType ft = functionTypeAt(typeidx);
                    if (ft == null) defer(at, "unknown type");
                    imports.add(new Import(module, field, ExternKind.TAG, typeidx, ft));
                    tagTypes.add(typeidx);
                    importedTags++;
                }
                default -> throw r.malformedAt(r.offset() - 1, "malformed import kind");
            }
        }
    }

    private void functionSection(WasmReader r) {
        int n = vecLen(r);
        definedFuncTypes = new int[n];
        for (int i = 0; i < n; i++) {
            funcOffsets.add(r.offset());
            definedFuncTypes[i] = r.u32();
        }
    }

    /** A tag type: the attribute byte (0, exception) and the index of its function type. */
    private static int tagType(WasmReader r) {
        if (r.u8() != 0) throw r.malformedAt(r.offset() - 1, "malformed tag attribute");
        return r.u32();
    }

    private void tagSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) tagTypes.add(tagType(r));
    }

    /** A table is its type, or (typed references) 0x40 0x00, its type and an initialiser of its elements. */
    private void tableSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            boolean withInit = r.peek() == 0x40;
            if (withInit) {
                r.u8();
                if (r.u8() != 0) throw r.malformedAt(r.offset() - 1, "malformed table");
            }
            tables.add(tableType(r));
            tableInits.add(withInit ? constExpr(r) : null);
        }
    }

    private void memorySection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            memoryOffsets.add(r.offset());
            memories.add(memoryType(r));
        }
    }

    private void globalSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            globals.add(globalType(r));
            globalInitOffsets.add(r.offset());
            globalInits.add(constExpr(r));
        }
    }

    private void exportSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            exportOffsets.add(r.offset());
            String name = name(r);
            int kind = r.u8();
            ExternKind k = switch (kind) {
                case 0 -> ExternKind.FUNCTION;
                case 1 -> ExternKind.TABLE;
                case 2 -> ExternKind.MEMORY;
                case 3 -> ExternKind.GLOBAL;
                case 4 -> ExternKind.TAG;
                default -> throw r.malformedAt(r.offset() - 1, "malformed export kind");
            };
            exports.add(new Export(name, k, r.u32()));
        }
    }

    private void elementSection(WasmReader r) {
        int n = vecLen(r);
        for (int i = 0; i < n; i++) {
            long at = r.offset();
            elementOffsets.add(at);
            int flags = r.u32();
            if (flags < 0 || flags > 7) throw r.malformedAt(at, "malformed elements segment kind");
            SegmentMode mode = (flags & 1) == 0 ? SegmentMode.ACTIVE
                    : (flags & 2) == 0 ? SegmentMode.PASSIVE : SegmentMode.DECLARATIVE;
            int tableidx = 0;
            ConstExpr offset = null;
            if (mode == SegmentMode.ACTIVE) {
                if ((flags & 2) != 0) tableidx = r.u32();
                offset = constExpr(r);
            }
            boolean exprs = (flags & 4) != 0;
            // The funcidx-vector encodings hold (ref func); expression ones without a type (ref null func).
            ValueType type = exprs ? ValueType.FUNCREF : ValueType.ref(false, HeapType.FUNC);
            if (flags != 0 && flags != 4) {
                if (exprs) {
                    type = refType(r);
                } else {
                    int kind = r.u8();
                    if (kind != 0) throw r.malformedAt(r.offset() - 1, "malformed element kind");
                }
            }
            int count = vecLen(r);
            ConstExpr[] init = new ConstExpr[count];
            for (int j = 0; j < count; j++) {
                init[j] = exprs ? constExpr(r) : new ConstExpr.RefFunc(r.u32());
            }
            elements.add(new ElementSegment(mode, tableidx, offset, type, Arrays.asList(init)));
        }
    }

    private void dataSection(WasmReader r) {
        sawDataSection = true;
        int n = vecLen(r);
        if (dataCount >= 0 && n != dataCount)
            throw r.malformed("data count and data section have inconsistent lengths");
        for (int i = 0; i < n; i++) {
            long at = r.offset();
            dataOffsets.add(at);
            int flags = r.u32();
            SegmentMode mode;
            int memidx = 0;
            ConstExpr offset = null;
            switch (flags) {
                case 0 -> { mode = SegmentMode.ACTIVE; offset = constExpr(r); }
                case 1 -> mode = SegmentMode.PASSIVE;
                case 2 -> { mode = SegmentMode.ACTIVE; memidx = r.u32(); offset = constExpr(r); }
                default -> throw r.malformedAt(at, "malformed data segment kind");
            }
            int len = vecLen(r);
            datas.add(new DataSegment(mode, memidx, offset, r.bytes(len)));
        }
    }

    private void codeSection(WasmReader r) {
        int n = vecLen(r);
        InstructionReader scanner = new InstructionReader(dataCount >= 0, wasm2);
        for (int i = 0; i < n; i++) {
            long sizeAt = r.offset();
            long size = r.u32() & 0xFFFF_FFFFL;
            if (size > r.remaining()) throw r.malformedAt(sizeAt, "length out of bounds");
            int bodyEnd = r.pos() + (int) size;
            WasmReader b = new WasmReader(r.buffer(), r.pos(), bodyEnd, r.offset() - r.pos());
            ValueType[] locals = locals(b);
            int codeStart = b.pos();
            long codeOffset = b.offset();
            scanner.scanFunction(b);
            if (!b.atEnd()) throw b.malformed("section size mismatch");
            codes.add(new FunctionBody(localKinds.get(locals), Arrays.copyOfRange(r.buffer(), codeStart, bodyEnd), codeOffset, locals));
            r.pos(bodyEnd);
        }
        dataIndexUse = scanner.firstDataIndexUse;
    }

    /**
     * The expanded locals of one body. Identical declarations share one array, and the distinct
     * arrays of a module are capped, so a small binary cannot make the decoder expand millions of
     * locals per function into gigabytes (each body may legally declare up to the per-function limit
     * in a few bytes).
     */
    private ValueType[] locals(WasmReader r) {
        long at = r.offset();
        int groups = vecLen(r);
        long total = 0;
        int save = r.pos();
        for (int i = 0; i < groups; i++) {
            total += r.u32() & 0xFFFF_FFFFL;
            valType(r);
        }
        if (total > 0xFFFF_FFFFL) throw r.malformedAt(at, "too many locals");
        if (total > MAX_LOCALS) throw r.malformedAt(at, "too many locals (implementation limit " + MAX_LOCALS + ")");
        if (total == 0) return NO_LOCALS;
        String key = new String(r.buffer(), save, r.pos() - save, java.nio.charset.StandardCharsets.ISO_8859_1);
        ValueType[] shared = localsCache.get(key);
        if (shared != null) return shared;
        expandedLocals += total;
        if (expandedLocals > MAX_MODULE_LOCALS)
            throw r.malformedAt(at, "too many locals (implementation limit " + MAX_MODULE_LOCALS + " per module)");
        ValueType[] locals = new ValueType[(int) total];
        ValType[] kinds = new ValType[(int) total];
        int end = r.pos();
        r.pos(save);
        int k = 0;
        for (int i = 0; i < groups; i++) {
            int c = r.u32();
            ValueType t = valType(r);
            Arrays.fill(locals, k, k + c, t);
            Arrays.fill(kinds, k, k + c, t.kind());
            k += c;
        }
        r.pos(end);
        localsCache.put(key, locals);
        localKinds.put(locals, kinds);
        return locals;
    }

    /**
     * A constant expression: constant instructions and the extended-constant operators, evaluated on a
     * stack into a tree. Anything else is scanned as ordinary code (so a malformed instruction is still
     * malformed) and then rejected as invalid, as validation would; so is a stack that does not end with
     * one value.
     */
    private ConstExpr constExpr(WasmReader r) {
        int from = r.pos();
        long at = r.offset();
        ArrayList<ConstExpr> stack = new ArrayList<>(2);
        while (r.remaining() > 0) {
            if (r.peek() == Instruction.END.code) {
                r.u8();
                if (stack.size() == 1) return stack.get(0);
                defer(at, "type mismatch");
                return new ConstExpr.Num(ValType.I32, 0);
            }
            ConstExpr ce = constInstruction(r);
            if (ce == null) break;
            if (ce instanceof ConstExpr.Arith a) {
                if (stack.size() < 2) break;
                ConstExpr rhs = stack.removeLast(), lhs = stack.removeLast();
                ce = new ConstExpr.Arith(a.op(), lhs, rhs);
            }
            if (ce instanceof ConstExpr.Gc g && !g.operands().isEmpty()) {
                // Placeholder operands say how many to take from the stack.
                int n = g.operands().size();
                if (stack.size() < n) break;
                List<ConstExpr> ops = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
                stack.subList(stack.size() - n, stack.size()).clear();
                ce = new ConstExpr.Gc(g.op(), g.typeidx(), ops);
            }
            stack.add(ce);
        }
        r.pos(from);
        InstructionReader scanner = new InstructionReader(true, wasm2);
        boolean constantOnly = scanner.scanConst(r);
        defer(at, constantOnly ? "type mismatch" : "constant expression required");
        return new ConstExpr.Num(ValType.I32, 0);
    }

    /** One instruction of a constant expression (an operator without its operands), or null for any other. */
    private ConstExpr constInstruction(WasmReader r) {
        int op = r.u8();
        Instruction in = op == Instruction.PREFIX_SIMD || op == Instruction.PREFIX_GC && !wasm2 ? Instruction.prefixed(op, r.u32())
                : Instruction.single(op);
        if (in != null && ConstExpr.Arith.isOperator(in)) return new ConstExpr.Arith(in, null, null);
        if (in != null && in.prefix == Instruction.PREFIX_GC) return gcConst(in, r);
        return in == null ? null : switch (in) {
            case I32_CONST -> new ConstExpr.Num(ValType.I32, r.s32());
            case I64_CONST -> new ConstExpr.Num(ValType.I64, r.s64());
            case F32_CONST -> new ConstExpr.Num(ValType.F32, r.f32bits() & 0xFFFF_FFFFL);
            case F64_CONST -> new ConstExpr.Num(ValType.F64, r.f64bits());
            case REF_NULL -> new ConstExpr.RefNull(ValueType.ref(true, heapType(r)));
            case REF_FUNC -> new ConstExpr.RefFunc(r.u32());
            case GLOBAL_GET -> new ConstExpr.GlobalGet(r.u32());
            case V128_CONST -> {
                long lo = r.i64le();
                long hi = r.i64le();
                yield new ConstExpr.V128(lo, hi);
            }
            default -> null;
        };
    }

    /** A GC constant instruction, its operands as placeholders to count them; null if it is not constant. */
    private ConstExpr gcConst(Instruction in, WasmReader r) {
        ConstExpr hole = new ConstExpr.Num(ValType.I32, 0);
        return switch (in) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED -> {
                long at = r.offset();
                int x = r.u32();
                int n = in == Instruction.ARRAY_NEW_FIXED ? r.u32() : 0;
                DefinedType t = x >= 0 && x < types.size() ? types.get(x) : null;
                int arity = switch (in) {
                    case STRUCT_NEW -> t != null && t.composite() instanceof StructType s ? s.fields().size() : -1;
                    case ARRAY_NEW -> 2;
                    case ARRAY_NEW_DEFAULT -> 1;
                    case ARRAY_NEW_FIXED -> n;
                    default -> 0;
                };
                if (arity < 0 || arity > MAX_CONST_OPERANDS) {
                    defer(at, arity < 0 ? "unknown type" : "constant expression too large");
                    yield null;
                }
                yield new ConstExpr.Gc(in, x, java.util.Collections.nCopies(arity, hole));
            }
            case REF_I31, ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> new ConstExpr.Gc(in, -1, List.of(hole));
            default -> null;
        };
    }

    /** Cap on the operands of one GC constant instruction (array.new_fixed's count comes from the binary). */
    private static final int MAX_CONST_OPERANDS = 10_000;

    private WasmModule finish(long end) {
        // Checked last, as the reference does, so misplaced sections are reported as such first.
        if (codes.size() != definedFuncTypes.length)
            throw new CompileFailure(CompileFailure.Kind.MALFORMED, end, "function and code section have inconsistent lengths");
        if (dataCount > 0 && !sawDataSection)
            throw new CompileFailure(CompileFailure.Kind.MALFORMED, end, "data count and data section have inconsistent lengths");
        // The reference decoder requires the data count section when code uses data indices. A module
        // without any data segment is still only invalid (its data indices are unknown), as the spec
        // tests expect for modules that text-to-binary converters wrote without a data count section.
        if (dataIndexUse >= 0 && !datas.isEmpty())
            throw new CompileFailure(CompileFailure.Kind.MALFORMED, dataIndexUse, "data count section required");
        if (wasm2 && memories.size() > 1) defer(memoryOffsets.toArray()[1], "multiple memories");
        if (deferred != null) throw deferred;
        int[] funcTypes = new int[importedFuncs + definedFuncTypes.length];
        for (int i = 0; i < importedFuncs; i++) funcTypes[i] = importFuncTypes.get(i);
        System.arraycopy(definedFuncTypes, 0, funcTypes, importedFuncs, definedFuncTypes.length);
        return new WasmModule(List.copyOf(types), List.copyOf(imports), funcTypes, List.copyOf(tables),
                List.copyOf(memories), List.copyOf(globals), List.copyOf(globalInits), List.copyOf(exports), start,
                List.copyOf(elements), List.copyOf(datas), dataCount, List.copyOf(codes), List.copyOf(customs), names,
                importedFuncs, importedTables, importedMemories, importedGlobals,
                new WasmModule.Offsets(funcOffsets.toArray(), memoryOffsets.toArray(), globalInitOffsets.toArray(),
                        exportOffsets.toArray(), elementOffsets.toArray(), dataOffsets.toArray(), startOffset),
                tagTypes.stream().mapToInt(Integer::intValue).toArray(), importedTags,
                java.util.Collections.unmodifiableList(tableInits));
    }

    // ---------------------------------------------------------------- the name section

    /** Decodes the name section's module, function and local names; throws on anything malformed. */
    static final class NameSection {
        static Names decode(byte[] data, long base) {
            WasmReader r = new WasmReader(data, 0, data.length, base);
            String module = null;
            Map<Integer, String> functions = Map.of();
            Map<Integer, Map<Integer, String>> locals = Map.of();
            int lastId = -1;
            while (!r.atEnd()) {
                int id = r.u8();
                if (id <= lastId) throw r.malformed("out-of-order name subsection");
                lastId = id;
                long size = r.u32() & 0xFFFF_FFFFL;
                if (size > r.remaining()) throw r.malformed("length out of bounds");
                int end = r.pos() + (int) size;
                WasmReader s = new WasmReader(data, r.pos(), end, base);
                switch (id) {
                    case 0 -> module = name(s);
                    case 1 -> functions = nameMap(s);
                    case 2 -> {
                        int n = vecLen(s);
                        Map<Integer, Map<Integer, String>> m = new HashMap<>();
                        for (int i = 0; i < n; i++) {
                            int idx = s.u32();
                            m.put(idx, nameMap(s));
                        }
                        locals = Map.copyOf(m);
                    }
                    default -> s.pos(end); // other subsections (label, type, ... names) are not used
                }
                if (!s.atEnd()) throw s.malformed("section size mismatch");
                r.pos(end);
            }
            return new Names(module, functions, locals);
        }

        private static Map<Integer, String> nameMap(WasmReader r) {
            int n = vecLen(r);
            Map<Integer, String> m = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int idx = r.u32();
                m.put(idx, name(r));
            }
            return Map.copyOf(m);
        }
    }

    /** A growable list of longs without boxing. */
    private static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        long[] toArray() { return Arrays.copyOf(a, n); }
    }

    // ---------------------------------------------------------------- stream input

    /** Reads a stream in section-sized pieces, counting the absolute offset; I/O errors become CompileFailures. */
    private static final class StreamSource {
        private final InputStream in;
        long offset;

        StreamSource(InputStream in) { this.in = in; }

        int read() {
            try {
                int b = in.read();
                if (b >= 0) offset++;
                return b;
            } catch (IOException e) {
                throw ioError(e);
            }
        }

        private CompileFailure ioError(IOException e) {
            return new CompileFailure(CompileFailure.Kind.MALFORMED, offset, "I/O error: " + e.getMessage(), e);
        }

        byte[] readUpTo(int n) {
            byte[] b = new byte[n];
            int got = fill(b, n);
            return got == n ? b : Arrays.copyOf(b, got);
        }

        /** Exactly {@code size} bytes; grows the buffer as data arrives so a lying size cannot allocate 4 GiB. */
        byte[] readExactly(long size, long sizeAt) {
            int chunk = (int) Math.min(size, 1 << 16);
            byte[] b = new byte[chunk];
            int got = 0;
            while (got < size) {
                if (got == b.length) b = Arrays.copyOf(b, (int) Math.min(size, (long) b.length * 2));
                int n = fillInto(b, got, b.length - got);
                // Reported where the size was read, as when decoding from an array.
                if (n <= 0) throw new CompileFailure(CompileFailure.Kind.MALFORMED, sizeAt, "length out of bounds");
                got += n;
            }
            return b;
        }

        private int fill(byte[] b, int n) {
            int got = 0;
            while (got < n) {
                int k = fillInto(b, got, n - got);
                if (k <= 0) break;
                got += k;
            }
            return got;
        }

        private int fillInto(byte[] b, int off, int len) {
            try {
                int k = in.read(b, off, len);
                if (k > 0) offset += k;
                return k;
            } catch (IOException e) {
                throw ioError(e);
            }
        }
    }

}
