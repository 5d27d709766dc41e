package dev.gatun.validation;

import dev.gatun.CompileError;
import dev.gatun.FunctionType;
import dev.gatun.ValType;
import dev.gatun.binary.Opcodes;
import dev.gatun.binary.WasmModule;
import dev.gatun.binary.WasmModule.FunctionBody;
import dev.gatun.binary.WasmReader;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Type-checks function bodies with the spec appendix's algorithm: an operand stack of value types and a
 * control stack of frames, both primitive int arrays reused across functions. Value types are
 * {@link ValType#ordinal()}s; {@link #UNKNOWN} is the bottom type of a polymorphic stack.
 * The body was already checked structurally by the decoder, so immediates are well-formed here.
 */
final class FunctionValidator {
    private static final int I32 = 0, I64 = 1, F32 = 2, F64 = 3, V128 = 4, FUNCREF = 5, EXTERNREF = 6, UNKNOWN = 7;
    private static final ValType[] VALTYPES = ValType.values();
    private static final int K_BLOCK = 0, K_LOOP = 1, K_IF = 2, K_ELSE = 3;

    /** Block types: >= 0 a type index, else {@code EMPTY_BT} or {@code -2 - valtype} for one result. */
    private static final int EMPTY_BT = -1;

    private final WasmModule m;
    private final BitSet declaredRefs;
    private final int[][] typeParams, typeResults;
    private final int[] funcTypes;
    private final int[] globalTypes;
    private final boolean[] globalMutable;
    private final int[] tableTypes;
    private final int[] elemTypes;
    private final int memories;
    private final int dataCount;

    // Operand stack.
    private int[] vals = new int[64];
    private int sp;
    // Control stack: kind, block type, operand height, unreachable flag.
    private int[] ctlKind = new int[16], ctlBt = new int[16], ctlHeight = new int[16];
    private boolean[] ctlUnreachable = new boolean[16];
    private int csp;
    // The innermost frame's height and unreachable flag, mirrored out of the arrays for the hot pops.
    private int curHeight;
    private boolean curUnreachable;
    private int[] locals = new int[16];
    private int nlocals;
    private int[] scratch = new int[16];

    FunctionValidator(WasmModule m, BitSet declaredRefs) {
        this.m = m;
        this.declaredRefs = declaredRefs;
        List<FunctionType> types = m.types();
        typeParams = new int[types.size()][];
        typeResults = new int[types.size()][];
        for (int i = 0; i < types.size(); i++) {
            typeParams[i] = ordinals(types.get(i).params());
            typeResults[i] = ordinals(types.get(i).results());
        }
        funcTypes = m.funcTypes();
        globalTypes = new int[m.globals().size()];
        globalMutable = new boolean[globalTypes.length];
        for (int i = 0; i < globalTypes.length; i++) {
            globalTypes[i] = m.globals().get(i).valType().ordinal();
            globalMutable[i] = m.globals().get(i).mutable();
        }
        tableTypes = new int[m.tables().size()];
        for (int i = 0; i < tableTypes.length; i++) tableTypes[i] = m.tables().get(i).elementType().ordinal();
        elemTypes = new int[m.elements().size()];
        for (int i = 0; i < elemTypes.length; i++) elemTypes[i] = m.elements().get(i).type().ordinal();
        memories = m.memories().size();
        dataCount = m.dataCount() >= 0 ? m.dataCount() : m.datas().size();
    }

    private static int[] ordinals(List<ValType> ts) {
        int[] a = new int[ts.size()];
        for (int i = 0; i < a.length; i++) a[i] = ts.get(i).ordinal();
        return a;
    }

    // ---------------------------------------------------------------- stacks

    private WasmReader r;
    private long opOffset;

    private CompileError mismatch() {
        return Validator.invalid(opOffset, "type mismatch");
    }

    private CompileError fail(String reason) {
        return Validator.invalid(opOffset, reason);
    }

    private void push(int t) {
        if (sp == vals.length) vals = Arrays.copyOf(vals, sp * 2);
        vals[sp++] = t;
    }

    private int pop() {
        if (sp > curHeight) return vals[--sp];
        if (curUnreachable) return UNKNOWN;
        throw mismatch();
    }

    private int pop(int expect) {
        if (sp > curHeight) {
            int actual = vals[--sp];
            if (actual != expect && actual != UNKNOWN && expect != UNKNOWN) throw mismatch();
            return actual;
        }
        if (curUnreachable) return UNKNOWN;
        throw mismatch();
    }

    private void pushCtrl(int kind, int bt) {
        if (csp == ctlKind.length) {
            int n = csp * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlBt = Arrays.copyOf(ctlBt, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
        }
        ctlKind[csp] = kind;
        ctlBt[csp] = bt;
        ctlHeight[csp] = sp;
        ctlUnreachable[csp] = false;
        csp++;
        curHeight = sp;
        curUnreachable = false;
        int pc = paramCount(bt);
        for (int i = 0; i < pc; i++) push(param(bt, i));
    }

    /** Pops the innermost frame after checking its results; returns its index (still readable). */
    private int popCtrl() {
        int f = csp - 1;
        int bt = ctlBt[f];
        for (int i = resultCount(bt) - 1; i >= 0; i--) pop(result(bt, i));
        if (sp != ctlHeight[f]) throw mismatch();
        csp--;
        if (csp > 0) {
            curHeight = ctlHeight[csp - 1];
            curUnreachable = ctlUnreachable[csp - 1];
        }
        return f;
    }

    private void setUnreachable() {
        int f = csp - 1;
        sp = ctlHeight[f];
        ctlUnreachable[f] = true;
        curUnreachable = true;
    }

    private int paramCount(int bt) { return bt >= 0 ? typeParams[bt].length : 0; }

    private int param(int bt, int i) { return typeParams[bt][i]; }

    private int resultCount(int bt) { return bt >= 0 ? typeResults[bt].length : bt == EMPTY_BT ? 0 : 1; }

    private int result(int bt, int i) { return bt >= 0 ? typeResults[bt][i] : -2 - bt; }

    private int labelCount(int f) {
        return ctlKind[f] == K_LOOP ? paramCount(ctlBt[f]) : resultCount(ctlBt[f]);
    }

    private int labelType(int f, int i) {
        return ctlKind[f] == K_LOOP ? param(ctlBt[f], i) : result(ctlBt[f], i);
    }

    private void popLabel(int f) {
        for (int i = labelCount(f) - 1; i >= 0; i--) pop(labelType(f, i));
    }

    private void pushLabel(int f) {
        int n = labelCount(f);
        for (int i = 0; i < n; i++) push(labelType(f, i));
    }

    private int label(int depth) {
        if (depth < 0 || depth >= csp) throw fail("unknown label");
        return csp - 1 - depth;
    }

    private int blockType() {
        long v = r.s33();
        if (v >= 0) {
            if (v >= typeParams.length) throw fail("unknown type");
            return (int) v;
        }
        if (v == -64) return EMPTY_BT;
        return -2 - ValType.fromCode((int) (v & 0x7F)).ordinal();
    }

    // ---------------------------------------------------------------- instructions

    void validate(int funcidx, FunctionBody body) {
        int type = funcTypes[funcidx];
        int[] params = typeParams[type];
        ValType[] declared = body.locals();
        nlocals = params.length + declared.length;
        if (locals.length < nlocals) locals = new int[nlocals];
        System.arraycopy(params, 0, locals, 0, params.length);
        for (int i = 0; i < declared.length; i++) locals[params.length + i] = declared[i].ordinal();
        sp = 0;
        csp = 0;
        byte[] code = body.code();
        r = new WasmReader(code, 0, code.length, body.codeOffset());
        opOffset = body.codeOffset();
        pushCtrl(K_BLOCK, type);
        sp = 0;  // the function's parameters are locals, not operands
        while (csp > 0) {
            opOffset = r.offset();
            instruction(r.u8());
        }
    }

    private void instruction(int op) {
        switch (op) {
            case 0x00 -> setUnreachable();
            case 0x01 -> { }
            case 0x02 -> block(K_BLOCK);
            case 0x03 -> block(K_LOOP);
            case 0x04 -> {
                int bt = blockType();
                pop(I32);
                popParams(bt);
                pushCtrl(K_IF, bt);
            }
            case 0x05 -> {
                int f = popCtrl();
                pushCtrl(K_ELSE, ctlBt[f]);
            }
            case 0x0B -> {
                int f = popCtrl();
                int bt = ctlBt[f];
                if (ctlKind[f] == K_IF) {
                    // An if without else must map its parameters unchanged to its results.
                    int pc = paramCount(bt), rc = resultCount(bt);
                    if (pc != rc) throw mismatch();
                    for (int i = 0; i < pc; i++) if (param(bt, i) != result(bt, i)) throw mismatch();
                }
                if (csp > 0) {
                    int rc = resultCount(bt);
                    for (int i = 0; i < rc; i++) push(result(bt, i));
                }
            }
            case 0x0C -> {
                int f = label(r.u32());
                popLabel(f);
                setUnreachable();
            }
            case 0x0D -> {
                int f = label(r.u32());
                pop(I32);
                popLabel(f);
                pushLabel(f);
            }
            case 0x0E -> brTable();
            case 0x0F -> {
                popLabel(0);
                setUnreachable();
            }
            case 0x10 -> {
                int f = r.u32();
                if (f < 0 || f >= funcTypes.length) throw fail("unknown function " + Integer.toUnsignedString(f));
                call(funcTypes[f]);
            }
            case 0x11 -> {
                int t = r.u32();
                int table = r.u32();
                if (table < 0 || table >= tableTypes.length) throw fail("unknown table " + Integer.toUnsignedString(table));
                if (t < 0 || t >= typeParams.length) throw fail("unknown type");
                if (tableTypes[table] != FUNCREF) throw mismatch();
                pop(I32);
                call(t);
            }
            case 0x1A -> pop();
            case 0x1B -> {
                pop(I32);
                int t1 = pop(), t2 = pop();
                if (isRef(t1) || isRef(t2)) throw mismatch();
                if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) throw mismatch();
                push(t1 == UNKNOWN ? t2 : t1);
            }
            case 0x1C -> {
                int n = r.u32();
                if (n != 1) throw fail("invalid result arity");
                int t = ValType.fromCode(r.u8()).ordinal();
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case 0x20 -> push(local(r.u32()));
            case 0x21 -> pop(local(r.u32()));
            case 0x22 -> {
                int t = local(r.u32());
                pop(t);
                push(t);
            }
            case 0x23 -> push(globalTypes[global(r.u32())]);
            case 0x24 -> {
                int g = global(r.u32());
                if (!globalMutable[g]) throw fail("global is immutable");
                pop(globalTypes[g]);
            }
            case 0x25 -> {
                int t = table(r.u32());
                pop(I32);
                push(tableTypes[t]);
            }
            case 0x26 -> {
                int t = table(r.u32());
                pop(tableTypes[t]);
                pop(I32);
            }
            case 0x3F -> {
                r.u8();
                memory();
                push(I32);
            }
            case 0x40 -> {
                r.u8();
                memory();
                pop(I32);
                push(I32);
            }
            case 0x41 -> { r.s32(); push(I32); }
            case 0x42 -> { r.s64(); push(I64); }
            case 0x43 -> { r.skip(4); push(F32); }
            case 0x44 -> { r.skip(8); push(F64); }
            case 0xD0 -> push(r.u8() == 0x70 ? FUNCREF : EXTERNREF);
            case 0xD1 -> {
                int t = pop();
                if (t != UNKNOWN && !isRef(t)) throw mismatch();
                push(I32);
            }
            case 0xD2 -> {
                int f = r.u32();
                if (f < 0 || f >= funcTypes.length) throw fail("unknown function " + Integer.toUnsignedString(f));
                if (!declaredRefs.get(f)) throw fail("undeclared function reference");
                push(FUNCREF);
            }
            case 0xFC -> prefixFC(r.u32());
            case 0xFD -> prefixFD(r.u32());
            default -> {
                if (op >= 0x28 && op <= 0x3E) memoryAccess(op);
                else numeric(op);
            }
        }
    }

    private static boolean isRef(int t) { return t == FUNCREF || t == EXTERNREF; }

    private void block(int kind) {
        int bt = blockType();
        popParams(bt);
        pushCtrl(kind, bt);
    }

    private void popParams(int bt) {
        for (int i = paramCount(bt) - 1; i >= 0; i--) pop(param(bt, i));
    }

    private void call(int type) {
        int[] ps = typeParams[type];
        for (int i = ps.length - 1; i >= 0; i--) pop(ps[i]);
        for (int t : typeResults[type]) push(t);
    }

    private void brTable() {
        int n = r.u32();
        // The decoder bounded n by the body size; read labels twice rather than allocating.
        int labelsAt = r.pos();
        for (int i = 0; i < n; i++) r.u32();
        int dflt = label(r.u32());
        int end = r.pos();
        pop(I32);
        int arity = labelCount(dflt);
        r.pos(labelsAt);
        for (int i = 0; i < n; i++) {
            int f = label(r.u32());
            if (labelCount(f) != arity) throw mismatch();
            // pop_vals then push_vals of the label types, keeping the actual (possibly unknown) types.
            if (scratch.length < arity) scratch = new int[arity];
            for (int j = arity - 1; j >= 0; j--) scratch[j] = pop(labelType(f, j));
            for (int j = 0; j < arity; j++) push(scratch[j]);
        }
        r.pos(end);
        popLabel(dflt);
        setUnreachable();
    }

    private int local(int x) {
        if (x < 0 || x >= nlocals) throw fail("unknown local " + Integer.toUnsignedString(x));
        return locals[x];
    }

    private int global(int x) {
        if (x < 0 || x >= globalTypes.length) throw fail("unknown global " + Integer.toUnsignedString(x));
        return x;
    }

    private int table(int x) {
        if (x < 0 || x >= tableTypes.length) throw fail("unknown table " + Integer.toUnsignedString(x));
        return x;
    }

    private void memory() {
        if (memories == 0) throw fail("unknown memory 0");
    }

    private void memarg(int naturalLog2) {
        int align = r.u32();
        r.u32();
        memory();
        if (align > naturalLog2) throw fail("alignment must not be larger than natural");
    }

    private static final int[] ACCESS_LOG2 = {
            2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2,   // 0x28-0x35 loads
            2, 3, 2, 3, 0, 1, 0, 1, 2};                  // 0x36-0x3E stores
    private static final int[] ACCESS_TYPE = {
            I32, I64, F32, F64, I32, I32, I32, I32, I64, I64, I64, I64, I64, I64,
            I32, I64, F32, F64, I32, I32, I64, I64, I64};

    private void memoryAccess(int op) {
        int k = op - 0x28;
        memarg(ACCESS_LOG2[k]);
        if (op <= 0x35) {
            pop(I32);
            push(ACCESS_TYPE[k]);
        } else {
            pop(ACCESS_TYPE[k]);
            pop(I32);
        }
    }

    /** Signatures of 0x45-0xC4: packed (in1 + 1) | (in2 + 1) << 4 | out << 8; 0 input nibble = none. */
    private static final int[] NUMERIC = new int[256];

    private static void sig(int from, int to, int in1, int in2, int out) {
        for (int op = from; op <= to; op++) NUMERIC[op] = (in1 + 1) | (in2 + 1) << 4 | out << 8;
    }

    static {
        sig(0x45, 0x45, I32, -1, I32);
        sig(0x46, 0x4F, I32, I32, I32);
        sig(0x50, 0x50, I64, -1, I32);
        sig(0x51, 0x5A, I64, I64, I32);
        sig(0x5B, 0x60, F32, F32, I32);
        sig(0x61, 0x66, F64, F64, I32);
        sig(0x67, 0x69, I32, -1, I32);
        sig(0x6A, 0x78, I32, I32, I32);
        sig(0x79, 0x7B, I64, -1, I64);
        sig(0x7C, 0x8A, I64, I64, I64);
        sig(0x8B, 0x91, F32, -1, F32);
        sig(0x92, 0x98, F32, F32, F32);
        sig(0x99, 0x9F, F64, -1, F64);
        sig(0xA0, 0xA6, F64, F64, F64);
        sig(0xA7, 0xA7, I64, -1, I32);
        sig(0xA8, 0xA9, F32, -1, I32);
        sig(0xAA, 0xAB, F64, -1, I32);
        sig(0xAC, 0xAD, I32, -1, I64);
        sig(0xAE, 0xAF, F32, -1, I64);
        sig(0xB0, 0xB1, F64, -1, I64);
        sig(0xB2, 0xB3, I32, -1, F32);
        sig(0xB4, 0xB5, I64, -1, F32);
        sig(0xB6, 0xB6, F64, -1, F32);
        sig(0xB7, 0xB8, I32, -1, F64);
        sig(0xB9, 0xBA, I64, -1, F64);
        sig(0xBB, 0xBB, F32, -1, F64);
        sig(0xBC, 0xBC, F32, -1, I32);
        sig(0xBD, 0xBD, F64, -1, I64);
        sig(0xBE, 0xBE, I32, -1, F32);
        sig(0xBF, 0xBF, I64, -1, F64);
        sig(0xC0, 0xC1, I32, -1, I32);
        sig(0xC2, 0xC4, I64, -1, I64);
    }

    private void numeric(int op) {
        int s = NUMERIC[op];
        if (s == 0) throw fail("illegal opcode");
        int in1 = (s & 0xF) - 1, in2 = ((s >> 4) & 0xF) - 1;
        if (in2 >= 0) pop(in2);
        pop(in1);
        push(s >> 8);
    }

    private void prefixFC(int sub) {
        switch (sub) {
            case 0, 1 -> { pop(F32); push(I32); }
            case 2, 3 -> { pop(F64); push(I32); }
            case 4, 5 -> { pop(F32); push(I64); }
            case 6, 7 -> { pop(F64); push(I64); }
            case 8 -> {
                int d = r.u32();
                r.u8();
                memory();
                data(d);
                pop(I32); pop(I32); pop(I32);
            }
            case 9 -> data(r.u32());
            case 10 -> {
                r.u8(); r.u8();
                memory();
                pop(I32); pop(I32); pop(I32);
            }
            case 11 -> {
                r.u8();
                memory();
                pop(I32); pop(I32); pop(I32);
            }
            case 12 -> {
                int e = r.u32();
                int t = table(r.u32());
                elem(e);
                if (elemTypes[e] != tableTypes[t]) throw mismatch();
                pop(I32); pop(I32); pop(I32);
            }
            case 13 -> elem(r.u32());
            case 14 -> {
                int dst = table(r.u32());
                int src = table(r.u32());
                if (tableTypes[dst] != tableTypes[src]) throw mismatch();
                pop(I32); pop(I32); pop(I32);
            }
            case 15 -> {
                int t = table(r.u32());
                pop(I32);
                pop(tableTypes[t]);
                push(I32);
            }
            case 16 -> {
                table(r.u32());
                push(I32);
            }
            case 17 -> {
                int t = table(r.u32());
                pop(I32);
                pop(tableTypes[t]);
                pop(I32);
            }
            default -> throw fail("illegal opcode");
        }
    }

    private void data(int d) {
        if (d < 0 || d >= dataCount) throw fail("unknown data segment " + Integer.toUnsignedString(d));
    }

    private void elem(int e) {
        if (e < 0 || e >= elemTypes.length) throw fail("unknown elem segment " + Integer.toUnsignedString(e));
    }

    // ---------------------------------------------------------------- SIMD

    private static final byte S_UNARY = 1, S_BINARY = 2, S_TEST = 3, S_SHIFT = 4, S_TERNARY = 5;
    private static final byte[] SIMD_SHAPE = new byte[256];

    static {
        for (int sub = 0x0E; sub < 256; sub++) {
            String n = Opcodes.name(0xFD00 | sub);
            if (n == null) continue;
            byte shape;
            if (n.endsWith("all_true") || n.endsWith("bitmask") || n.endsWith("any_true")) shape = S_TEST;
            else if (n.contains(".shl") || n.contains(".shr_")) shape = S_SHIFT;
            else if (n.equals("v128.bitselect")) shape = S_TERNARY;
            else if (n.contains("abs") || n.contains("neg") || n.contains("popcnt") || n.contains("ceil")
                    || n.contains("floor") || n.contains("trunc") || n.contains("nearest") || n.contains("sqrt")
                    || n.contains("extend_") || n.contains("extadd_pairwise") || n.contains("convert")
                    || n.contains("demote") || n.contains("promote") || n.equals("v128.not")) shape = S_UNARY;
            else shape = S_BINARY;
            SIMD_SHAPE[sub] = shape;
        }
    }

    private void prefixFD(int sub) {
        switch (sub) {
            case 0x00 -> load128(4);
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 -> load128(3);
            case 0x07 -> load128(0);
            case 0x08 -> load128(1);
            case 0x09 -> load128(2);
            case 0x0A -> load128(3);
            case 0x0B -> {
                memarg(4);
                pop(V128);
                pop(I32);
            }
            case 0x0C -> {
                r.skip(16);
                push(V128);
            }
            case 0x0D -> {
                for (int i = 0; i < 16; i++) {
                    if (r.u8() >= 32) throw fail("invalid lane index");
                }
                pop(V128);
                pop(V128);
                push(V128);
            }
            case 0x0F, 0x10, 0x11 -> { pop(I32); push(V128); }
            case 0x12 -> { pop(I64); push(V128); }
            case 0x13 -> { pop(F32); push(V128); }
            case 0x14 -> { pop(F64); push(V128); }
            case 0x15, 0x16 -> extract(16, I32);
            case 0x17 -> replace(16, I32);
            case 0x18, 0x19 -> extract(8, I32);
            case 0x1A -> replace(8, I32);
            case 0x1B -> extract(4, I32);
            case 0x1C -> replace(4, I32);
            case 0x1D -> extract(2, I64);
            case 0x1E -> replace(2, I64);
            case 0x1F -> extract(4, F32);
            case 0x20 -> replace(4, F32);
            case 0x21 -> extract(2, F64);
            case 0x22 -> replace(2, F64);
            case 0x54, 0x55, 0x56, 0x57 -> {
                int log2 = sub - 0x54;
                memarg(log2);
                lane(16 >> log2);
                pop(V128);
                pop(I32);
                push(V128);
            }
            case 0x58, 0x59, 0x5A, 0x5B -> {
                int log2 = sub - 0x58;
                memarg(log2);
                lane(16 >> log2);
                pop(V128);
                pop(I32);
            }
            case 0x5C -> load128(2);
            case 0x5D -> load128(3);
            default -> {
                switch (SIMD_SHAPE[sub]) {
                    case S_UNARY -> { pop(V128); push(V128); }
                    case S_BINARY -> { pop(V128); pop(V128); push(V128); }
                    case S_TEST -> { pop(V128); push(I32); }
                    case S_SHIFT -> { pop(I32); pop(V128); push(V128); }
                    case S_TERNARY -> { pop(V128); pop(V128); pop(V128); push(V128); }
                    default -> throw fail("illegal opcode");
                }
            }
        }
    }

    private void load128(int log2) {
        memarg(log2);
        pop(I32);
        push(V128);
    }

    private void lane(int lanes) {
        if (r.u8() >= lanes) throw fail("invalid lane index");
    }

    private void extract(int lanes, int t) {
        lane(lanes);
        pop(V128);
        push(t);
    }

    private void replace(int lanes, int t) {
        lane(lanes);
        pop(t);
        pop(V128);
        push(V128);
    }
}
