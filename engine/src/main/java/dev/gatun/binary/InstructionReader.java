package dev.gatun.binary;

import static dev.gatun.model.Instruction.*;

import dev.gatun.model.FunctionType;
import dev.gatun.model.HeapType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValueType;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.model.Feature;
import dev.gatun.model.Instruction;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads instructions by the {@link Instruction} table: their opcodes, and their immediates by the table's
 * {@link dev.gatun.model.Immediates} shape. The decoder uses it for the structural check of every body
 * (each opcode is one of an instruction the engine runs, every immediate is well-formed, blocks nest);
 * the validator, translator and compiler, which only see checked bodies, use {@link #next} and
 * {@link #skipImmediates}. No recursion and no per-instruction allocation.
 */
public final class InstructionReader {
    /** The features the engine runs (Wasm 2.0, threads and the 3.0 features implemented so far); the decoder rejects other instructions as illegal opcodes. */
    public static final Set<Feature> FEATURES = EnumSet.of(Feature.MVP, Feature.SIGN_EXTENSION,
            Feature.SAT_CONVERSIONS, Feature.BULK_MEMORY, Feature.REFERENCE_TYPES, Feature.SIMD, Feature.RELAXED_SIMD,
            Feature.THREADS, Feature.TAIL_CALL, Feature.EXCEPTIONS, Feature.LEGACY_EXCEPTIONS, Feature.FUNCTION_REFERENCES, Feature.GC);

    /** Open-block states of the structural check: which of else, catch, catch_all, delegate may follow. */
    private static final byte PLAIN = 0, THEN = 1, ELSE_DONE = 2, TRY_BODY = 3, IN_CATCH = 4, IN_CATCH_ALL = 5;

    private final boolean hasDataCount;
    /** Offset of the first memory.init/data.drop when the module has no data count section, else -1. */
    long firstDataIndexUse = -1;
    private byte[] ctl = new byte[16];   // per open block: one of PLAIN .. IN_CATCH_ALL

    /** Wasm 2.0 rules: memory indices are reserved zero bytes and memargs have no index (see MemArg). */
    private final boolean wasm2;

    InstructionReader(boolean hasDataCount, boolean wasm2) {
        this.wasm2 = wasm2;
        this.hasDataCount = hasDataCount;
    }

    /** The next instruction of a checked body, its immediates not yet read. */
    public static Instruction next(WasmReader r) {
        int b = r.u8();
        Instruction in = Instruction.single(b);
        return in != null ? in : Instruction.prefixed(b, r.u32());
    }

    /** s33 values of the reference type prefixes {@code 0x63} (ref null) and {@code 0x64} (ref) as a blocktype reads them. */
    private static final long BT_REF_NULL = TypeCode.REF_NULL - 0x80, BT_REF = TypeCode.REF - 0x80;

    private static final FunctionType EMPTY_BLOCK = FunctionType.of(List.of(), List.of());

    /** Reads the blocktype of a checked body: empty, one valtype, or a type index. */
    public static FunctionType blockType(WasmReader r, WasmModule mod) {
        long v = r.s33();
        if (v == -64) return EMPTY_BLOCK;
        if (v == BT_REF_NULL || v == BT_REF)
            return FunctionType.ofTypes(List.of(), List.of(ValueType.ref(v == BT_REF_NULL, heapType(r, mod))));
        if (v < 0) return FunctionType.ofTypes(List.of(), List.of(shorthand((int) (v & 0x7F), false)));
        return mod.functionType((int) v);
    }

    /** Reads a value type of a checked body (a typed select's, a local's). */
    public static ValueType valType(WasmReader r, WasmModule mod) {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) return ValueType.ref(b == TypeCode.REF_NULL, heapType(r, mod));
        return shorthand(b, false);
    }

    /** Reads a heap type of a checked body; its type index is in range (validation checked it). */
    public static HeapType heapType(WasmReader r, WasmModule mod) {
        long at = r.offset();
        long v = r.s33();
        return v < 0 ? abstractHeap(r, at, v) : new HeapType.Defined(mod.types().get((int) v));
    }

    /**
     * The value type a one-byte code stands for: a number or vector type, or a shorthand reference type
     * ({@code funcref}, {@code anyref}, {@code nullref}, ...; Wasm 2.0 has only funcref and externref); null
     * if none.
     */
    static ValueType shorthand(int code, boolean wasm2) {
        ValType t = ValType.fromCode(code);
        if (t != null && (!wasm2 || t.code() >= TypeCode.EXTERN)) return ValueType.of(t);
        if (wasm2) return null;
        return switch (code) {
            case TypeCode.NOFUNC, TypeCode.NOEXTERN, TypeCode.NOEXN, TypeCode.NONE, TypeCode.EQ, TypeCode.I31,
                 TypeCode.STRUCT, TypeCode.ARRAY -> ValueType.ref(true, new HeapType.Abstract(code));
            default -> null;
        };
    }

    /** An abstract heap type read as a negative s33 {@code v}. */
    static HeapType.Abstract abstractHeap(WasmReader r, long at, long v) {
        int code = (int) (v & 0x7F);
        if (v < -64) throw r.malformedAt(at, "malformed reference type");
        return switch (code) {
            case TypeCode.FUNC -> HeapType.FUNC;
            case TypeCode.EXTERN -> HeapType.EXTERN;
            case TypeCode.EXN -> HeapType.EXN;
            case TypeCode.ANY -> HeapType.ANY;
            case TypeCode.NOFUNC, TypeCode.NOEXTERN, TypeCode.NOEXN, TypeCode.EQ, TypeCode.I31, TypeCode.STRUCT,
                 TypeCode.ARRAY, TypeCode.NONE -> new HeapType.Abstract(code);
            default -> throw r.malformedAt(at, "malformed reference type");
        };
    }

    /** Skips a blocktype of a checked body. */
    public static void skipBlockType(WasmReader r) {
        long v = r.s33();
        if (v == BT_REF_NULL || v == BT_REF) r.s33();
    }

    /** Skips a value type of a checked body. */
    public static void skipValType(WasmReader r) {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) r.s33();
    }

    /** Skips the immediates of an instruction of a checked body (its opcode already read). */
    public static void skipImmediates(Instruction in, WasmReader r) {
        switch (in.immediates) {
            case NONE -> { }
            case BLOCKTYPE -> skipBlockType(r);
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, DATA, ELEM, TAG, TYPE -> r.u32();
            case TRY_TABLE -> {
                skipBlockType(r);
                int n = r.u32();
                for (int i = 0; i < n; i++) {
                    if (r.u8() < 2) r.u32();
                    r.u32();
                }
            }
            case BR_TABLE -> {
                int n = r.u32();
                for (int i = 0; i <= n; i++) r.u32();
            }
            case SELECT_TYPES -> {
                int n = r.u32();
                for (int i = 0; i < n; i++) skipValType(r);
            }
            case HEAPTYPE -> r.s33();
            case LANE, ZERO_BYTE -> r.u8();
            case MEMORY -> r.u32();
            case MEMARG -> MemArg.read(r);
            case MEMARG_LANE -> { MemArg.read(r); r.u8(); }
            case SHUFFLE, V128 -> r.skip(16);
            case I32 -> r.s32();
            case I64 -> r.s64();
            case F32 -> r.skip(4);
            case F64 -> r.skip(8);
            case DATA_MEMORY, MEMORY_MEMORY -> { r.u32(); r.u32(); }
            case ELEM_TABLE, TABLE_TABLE, TYPE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_DATA, TYPE_ELEM, TYPE_TYPE -> { r.u32(); r.u32(); }
            case BR_ON_CAST -> { r.u8(); r.u32(); r.s33(); r.s33(); }
            default -> throw new IllegalStateException(in + " in a checked body");
        }
    }

    /**
     * Skips the unreachable rest of a checked body's current frame, nested frames included, up to what ends
     * it or starts its next part (else, catch, catch_all, end, delegate); returns that instruction, its
     * immediates not yet read. The translator and the compiler skip dead code with it.
     */
    public static Instruction skipDead(WasmReader r) {
        int depth = 0;
        for (;;) {
            Instruction in = next(r);
            switch (in) {
                case BLOCK, LOOP, IF, TRY -> { skipBlockType(r); depth++; }
                case TRY_TABLE -> { skipImmediates(in, r); depth++; }
                case ELSE -> { if (depth == 0) return in; }
                case CATCH, CATCH_ALL -> {
                    if (depth == 0) return in;
                    if (in == Instruction.CATCH) r.u32();
                }
                case END -> { if (depth == 0) return in; depth--; }
                case DELEGATE -> { if (depth == 0) return in; r.u32(); depth--; }
                default -> skipImmediates(in, r);
            }
        }
    }


    /** Checks a function body's instructions up to and including its final {@code end}. */
    void scanFunction(WasmReader r) {
        scan(r, false);
    }

    /** Checks a constant expression up to its {@code end}; true when every instruction was a constant one. */
    boolean scanConst(WasmReader r) {
        return scan(r, true);
    }

    private boolean scan(WasmReader r, boolean constant) {
        int depth = 1;
        ctl[0] = 0;
        boolean onlyConst = true;
        while (true) {
            if (r.atEnd()) throw r.malformed(constant ? "unexpected end" : "unexpected end of section or function");
            long at = r.offset();
            Instruction in = opcode(r, at);
            switch (in) {
                case I32_CONST, I64_CONST, F32_CONST, F64_CONST, GLOBAL_GET, REF_NULL, REF_FUNC, V128_CONST, END,
                     I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> { }
                default -> onlyConst = false;
            }
            switch (in) {
                case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                    blockType(r);
                    if (in == TRY_TABLE) catches(r);
                    if (depth == ctl.length) ctl = Arrays.copyOf(ctl, depth * 2);
                    ctl[depth++] = in == IF ? THEN : in == TRY ? TRY_BODY : PLAIN;
                }
                case ELSE -> {
                    if (ctl[depth - 1] != THEN) throw r.malformedAt(at, "END opcode expected");
                    ctl[depth - 1] = ELSE_DONE;
                }
                case CATCH, CATCH_ALL -> {
                    byte s = ctl[depth - 1];
                    if (depth == 1 || (s != TRY_BODY && s != IN_CATCH)) throw r.malformedAt(at, "END opcode expected");
                    if (in == CATCH) r.u32();
                    ctl[depth - 1] = in == CATCH ? IN_CATCH : IN_CATCH_ALL;
                }
                case DELEGATE -> {
                    // Ends a try that has no catch clause, as end would.
                    if (depth == 1 || ctl[depth - 1] != TRY_BODY) throw r.malformedAt(at, "END opcode expected");
                    r.u32();
                    depth--;
                }
                case END -> {
                    if (--depth == 0) return onlyConst;
                }
                default -> immediates(in, r, at);
            }
        }
    }

    /** Reads an opcode; anything but an instruction the engine runs is illegal, reported at its first byte. */
    private static Instruction opcode(WasmReader r, long at) {
        int b = r.u8();
        // Only the prefixes of features the engine runs are followed by a sub-opcode worth reading.
        Instruction in = b == PREFIX_MISC || b == PREFIX_SIMD || b == PREFIX_ATOMIC || b == PREFIX_GC
                ? Instruction.prefixed(b, r.u32()) : Instruction.single(b);
        if (in == null || !FEATURES.contains(in.feature)) throw r.malformedAt(at, "illegal opcode");
        return in;
    }

    private void immediates(Instruction in, WasmReader r, long at) {
        switch (in.immediates) {
            case NONE -> { }
            case LABEL, FUNC, LOCAL, GLOBAL, TABLE, ELEM, TAG, TYPE -> r.u32();
            case DATA -> {
                noteDataIndex(at);
                r.u32();
            }
            case BR_TABLE -> {
                long lenAt = r.offset();
                long n = r.u32() & 0xFFFF_FFFFL;
                if (n > r.remaining()) throw r.malformedAt(lenAt, "length out of bounds");
                for (long i = 0; i <= n; i++) r.u32();
            }
            case SELECT_TYPES -> {
                long lenAt = r.offset();
                long n = r.u32() & 0xFFFF_FFFFL;
                if (n > r.remaining()) throw r.malformedAt(lenAt, "length out of bounds");
                for (long i = 0; i < n; i++) valType(r);
            }
            case HEAPTYPE -> heapType(r);
            // Multi-memory: what Wasm 2.0 reserved as a zero byte is a memory index (range checked by validation).
            case MEMORY -> memidx(r);
            case MEMORY_MEMORY -> { memidx(r); memidx(r); }
            case DATA_MEMORY -> {
                noteDataIndex(at);
                r.u32();
                memidx(r);
            }
            case MEMARG -> MemArg.read(r, wasm2);
            case ZERO_BYTE -> zero(r);
            case MEMARG_LANE -> { MemArg.read(r, wasm2); r.u8(); }
            case LANE -> r.u8();
            case SHUFFLE, V128 -> r.skip(16);
            case I32 -> r.s32();
            case I64 -> r.s64();
            case F32 -> r.skip(4);
            case F64 -> r.skip(8);
            case ELEM_TABLE, TABLE_TABLE, TYPE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_ELEM, TYPE_TYPE -> { r.u32(); r.u32(); }
            case TYPE_DATA -> {
                noteDataIndex(at);
                r.u32();
                r.u32();
            }
            case BR_ON_CAST -> {
                r.u8();
                r.u32();
                heapType(r);
                heapType(r);
            }
            default -> throw new IllegalStateException(in + " has immediates of a feature the engine does not run");
        }
    }

    private static void blockType(WasmReader r) {
        long at = r.offset();
        long v = r.s33();
        if (v >= 0) return;                           // type index; range checked by validation
        if (v == -64) return;                         // 0x40: empty
        if (v == BT_REF_NULL || v == BT_REF) {
            heapType(r);
            return;
        }
        if (v < -64 || shorthand((int) (v & 0x7F), false) == null)
            throw r.malformedAt(at, "malformed value type");
    }

    /** The catch clauses of a try_table: a kind (catch, catch_ref, catch_all, catch_all_ref), a tag unless catch_all*, a label. */
    private static void catches(WasmReader r) {
        long lenAt = r.offset();
        long n = r.u32() & 0xFFFF_FFFFL;
        if (n > r.remaining()) throw r.malformedAt(lenAt, "length out of bounds");
        for (long i = 0; i < n; i++) {
            int kind = r.u8();
            if (kind > 3) throw r.malformedAt(r.offset() - 1, "malformed catch clause");
            if (kind < 2) r.u32();
            r.u32();
        }
    }

    private static void valType(WasmReader r) {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) heapType(r);
        else if (shorthand(b, false) == null) throw r.malformedAt(r.offset() - 1, "malformed value type");
    }

    /** A heap type: abstract, or a type index (range checked by validation). */
    private static void heapType(WasmReader r) {
        long at = r.offset();
        long v = r.s33();
        if (v < 0) abstractHeap(r, at, v);
    }

    private static void zero(WasmReader r) {
        if (r.u8() != 0) throw r.malformedAt(r.offset() - 1, "zero byte expected");
    }

    private void memidx(WasmReader r) {
        if (!wasm2) r.u32();
        else if (r.u8() != 0) throw r.malformedAt(r.offset() - 1, "zero byte expected");
    }

    private void noteDataIndex(long at) {
        // Whether that is malformed depends on the data section, which comes after the code section.
        if (!hasDataCount && firstDataIndexUse < 0) firstDataIndexUse = at;
    }
}
