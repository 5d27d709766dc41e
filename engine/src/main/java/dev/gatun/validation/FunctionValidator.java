package dev.gatun.validation;

import dev.gatun.model.CompileFailure;
import dev.gatun.model.DefinedType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValType;
import dev.gatun.model.ValueType;
import dev.gatun.binary.InstructionReader;
import dev.gatun.model.WasmModule;
import dev.gatun.model.WasmModule.FunctionBody;
import dev.gatun.binary.MemArg;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Immediates;
import dev.gatun.model.Instruction;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Type-checks function bodies with the spec appendix's algorithm: an operand stack of value types and a
 * control stack of frames, both primitive int arrays reused across functions. Value types are
 * {@link ValueTypes}' ints; {@link #UNKNOWN} is the bottom type of a polymorphic stack. Locals without a
 * default value (non-nullable references) are tracked as the spec's initialization rules say: set in a
 * block, unset again after its end.
 * The body was already checked structurally by the decoder, so immediates are well-formed here.
 */
final class FunctionValidator {
    private static final int I32 = ValueTypes.I32, I64 = ValueTypes.I64, F32 = ValueTypes.F32, F64 = ValueTypes.F64,
            V128 = ValueTypes.V128, FUNCREF = ValueTypes.FUNCREF, EXNREF = ValueTypes.EXNREF, UNKNOWN = ValueTypes.UNKNOWN;
    /** Frame kinds; the legacy try's body and its catch clauses are frames of their own (rethrow targets the latter). */
    private static final int K_BLOCK = 0, K_LOOP = 1, K_IF = 2, K_ELSE = 3, K_TRY = 4, K_CATCH = 5, K_CATCH_ALL = 6;

    /** Block types: >= 0 a type index, else {@code EMPTY_BT} or {@code -2 - valtype} for one result. */
    private static final int EMPTY_BT = -1;

    final WasmModule m;
    private final ValueTypes vt;
    private final GcValidation gc;
    private final BitSet declaredRefs;
    private final int[][] typeParams, typeResults;
    private final int[] funcTypes;
    private final int[] tagTypes;
    private final int[] globalTypes;
    private final boolean[] globalMutable;
    private final int[] tableTypes;
    /** Per table and per memory: the address type, I64 for table64/memory64 ones, else I32. */
    private final int[] tableAddr, memAddr;
    final int[] elemTypes;
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
    // Initialization of non-defaultable locals: a flag per local, a log of those set, per frame the log height.
    private boolean[] localSet = new boolean[16];
    private int[] setLog = new int[16];
    private int setSp;
    private int[] ctlSetSp = new int[16];
    private int[] scratch = new int[16];

    FunctionValidator(WasmModule m, ValueTypes vt, BitSet declaredRefs) {
        this.m = m;
        this.vt = vt;
        this.declaredRefs = declaredRefs;
        List<DefinedType> types = m.types();
        typeParams = new int[types.size()][];
        typeResults = new int[types.size()][];
        // Struct and array types have none: a function type's index is checked against these.
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).isFunc()) continue;
            typeParams[i] = encode(types.get(i).func().paramTypes());
            typeResults[i] = encode(types.get(i).func().resultTypes());
        }
        gc = new GcValidation(this, vt);
        funcTypes = m.funcTypes();
        tagTypes = m.tagTypes();
        globalTypes = new int[m.globals().size()];
        globalMutable = new boolean[globalTypes.length];
        for (int i = 0; i < globalTypes.length; i++) {
            globalTypes[i] = vt.encode(m.globals().get(i).type());
            globalMutable[i] = m.globals().get(i).mutable();
        }
        tableTypes = new int[m.tables().size()];
        tableAddr = new int[tableTypes.length];
        for (int i = 0; i < tableTypes.length; i++) {
            tableTypes[i] = vt.encode(m.tables().get(i).element());
            tableAddr[i] = m.tables().get(i).address64() ? I64 : I32;
        }
        elemTypes = new int[m.elements().size()];
        for (int i = 0; i < elemTypes.length; i++) elemTypes[i] = vt.encode(m.elements().get(i).elemType());
        memAddr = new int[m.memories().size()];
        for (int i = 0; i < memAddr.length; i++) memAddr[i] = m.memories().get(i).address64() ? I64 : I32;
        dataCount = m.dataCount() >= 0 ? m.dataCount() : m.datas().size();
    }

    private int[] encode(List<ValueType> ts) {
        int[] a = new int[ts.size()];
        for (int i = 0; i < a.length; i++) a[i] = vt.encode(ts.get(i));
        return a;
    }

    // ---------------------------------------------------------------- stacks

    private WasmReader r;
    private long opOffset;

    CompileFailure mismatch() {
        return Validator.invalid(opOffset, "type mismatch");
    }

    CompileFailure fail(String reason) {
        return Validator.invalid(opOffset, reason);
    }

    void push(int t) {
        if (sp == vals.length) vals = Arrays.copyOf(vals, sp * 2);
        vals[sp++] = t;
    }

    int pop() {
        if (sp > curHeight) return vals[--sp];
        if (curUnreachable) return UNKNOWN;
        throw mismatch();
    }

    int pop(int expect) {
        if (sp > curHeight) {
            int actual = vals[--sp];
            if (actual != expect && !ValueTypes.subtype(actual, expect)) throw mismatch();
            return actual;
        }
        if (curUnreachable) return UNKNOWN;
        throw mismatch();
    }

    /** Pops a reference (or the unknown type). */
    private int popRef() {
        int t = pop();
        if (t != UNKNOWN && !ValueTypes.isRef(t)) throw mismatch();
        return t;
    }

    private void pushCtrl(int kind, int bt) {
        if (csp == ctlKind.length) {
            int n = csp * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlBt = Arrays.copyOf(ctlBt, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
            ctlSetSp = Arrays.copyOf(ctlSetSp, n);
        }
        ctlSetSp[csp] = setSp;
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
        while (setSp > ctlSetSp[f]) localSet[setLog[--setSp]] = false;
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

    int labelCount(int f) {
        return ctlKind[f] == K_LOOP ? paramCount(ctlBt[f]) : resultCount(ctlBt[f]);
    }

    int labelType(int f, int i) {
        return ctlKind[f] == K_LOOP ? param(ctlBt[f], i) : result(ctlBt[f], i);
    }

    private void popLabel(int f) {
        for (int i = labelCount(f) - 1; i >= 0; i--) pop(labelType(f, i));
    }

    private void pushLabel(int f) {
        int n = labelCount(f);
        for (int i = 0; i < n; i++) push(labelType(f, i));
    }

    int label(int depth) {
        if (depth < 0 || depth >= csp) throw fail("unknown label");
        return csp - 1 - depth;
    }

    private int blockType() {
        long v = r.s33();
        if (v >= 0) {
            if (v >= typeParams.length || typeParams[(int) v] == null) throw fail("unknown type");
            return (int) v;
        }
        if (v == -64) return EMPTY_BT;
        if (v == TypeCode.REF_NULL - 0x80 || v == TypeCode.REF - 0x80) return -2 - refType(v == TypeCode.REF_NULL - 0x80);
        return -2 - shorthand((int) (v & 0x7F));
    }

    /** A one-byte value type: a number or vector type, or a reference type's shorthand. */
    private static int shorthand(int code) {
        ValType t = ValType.fromCode(code);
        return t != null && !t.isReference() ? t.ordinal() : ValueTypes.abstractRef(code);
    }

    /** A heap type immediate as the reference type to it (GC casts). */
    int heapRef(boolean nullable) { return refType(nullable); }

    /** The heap type that follows a ref / ref null prefix, as that reference type. */
    private int refType(boolean nullable) {
        long h = r.s33();
        int t;
        if (h >= 0) {
            if (h >= typeParams.length) throw fail("unknown type");
            t = vt.defined((int) h);
        } else {
            t = ValueTypes.abstractRef((int) (h & 0x7F));
        }
        return nullable ? t : ValueTypes.nonNull(t);
    }

    /** A value type of an instruction's immediates (a typed select's). */
    private int valType() {
        int b = r.u8();
        if (b == TypeCode.REF_NULL || b == TypeCode.REF) return refType(b == TypeCode.REF_NULL);
        return shorthand(b);
    }

    // ---------------------------------------------------------------- instructions

    void validate(int funcidx, FunctionBody body) {
        int type = funcTypes[funcidx];
        int[] params = typeParams[type];
        ValueType[] declared = body.localTypes();
        nlocals = params.length + declared.length;
        if (locals.length < nlocals) {
            locals = new int[nlocals];
            localSet = new boolean[nlocals];
        }
        System.arraycopy(params, 0, locals, 0, params.length);
        Arrays.fill(localSet, 0, params.length, true);
        for (int i = 0; i < declared.length; i++) {
            int t = vt.encode(declared[i]);
            locals[params.length + i] = t;
            localSet[params.length + i] = ValueTypes.defaultable(t);
        }
        setSp = 0;
        sp = 0;
        csp = 0;
        byte[] code = body.code();
        r = new WasmReader(code, 0, code.length, body.codeOffset());
        opOffset = body.codeOffset();
        pushCtrl(K_BLOCK, type);
        sp = 0;  // the function's parameters are locals, not operands
        while (csp > 0) {
            opOffset = r.offset();
            instruction(InstructionReader.next(r));
        }
    }

    private void instruction(Instruction in) {
        switch (in) {
            case UNREACHABLE -> setUnreachable();
            case NOP -> { }
            case BLOCK -> block(K_BLOCK);
            case LOOP -> block(K_LOOP);
            case IF -> {
                int bt = blockType();
                pop(I32);
                popParams(bt);
                pushCtrl(K_IF, bt);
            }
            case ELSE -> {
                int f = popCtrl();
                pushCtrl(K_ELSE, ctlBt[f]);
            }
            case END -> {
                int f = popCtrl();
                int bt = ctlBt[f];
                if (ctlKind[f] == K_IF) {
                    // An if without else must map its parameters unchanged to its results.
                    int pc = paramCount(bt), rc = resultCount(bt);
                    if (pc != rc) throw mismatch();
                    for (int i = 0; i < pc; i++) if (!ValueTypes.subtype(param(bt, i), result(bt, i))) throw mismatch();
                }
                if (csp > 0) {
                    int rc = resultCount(bt);
                    for (int i = 0; i < rc; i++) push(result(bt, i));
                }
            }
            case BR -> {
                int f = label(r.u32());
                popLabel(f);
                setUnreachable();
            }
            case THROW -> {
                int[] ps = typeParams[tagTypes[tag(r.u32())]];
                for (int i = ps.length - 1; i >= 0; i--) pop(ps[i]);
                setUnreachable();
            }
            case THROW_REF -> {
                pop(EXNREF);
                setUnreachable();
            }
            case TRY_TABLE -> {
                int bt = blockType();
                // The clauses' labels are those around the try_table (its own frame is not pushed yet).
                int n = r.u32();
                for (int i = 0; i < n; i++) catchClause(r.u8());
                popParams(bt);
                pushCtrl(K_BLOCK, bt);
            }
            case TRY -> block(K_TRY);
            case CATCH, CATCH_ALL -> {
                int f = popCtrl();
                pushCtrl(in == Instruction.CATCH ? K_CATCH : K_CATCH_ALL, ctlBt[f]);
                sp = curHeight;   // a catch clause starts with the payload, not the block's parameters
                if (in == Instruction.CATCH) for (int t : typeParams[tagTypes[tag(r.u32())]]) push(t);
            }
            case DELEGATE -> {
                int f = popCtrl();
                label(r.u32());
                for (int i = 0; i < resultCount(ctlBt[f]); i++) push(result(ctlBt[f], i));
            }
            case RETHROW -> {
                int f = label(r.u32());
                if (ctlKind[f] != K_CATCH && ctlKind[f] != K_CATCH_ALL) throw fail("invalid rethrow label");
                setUnreachable();
            }
            case BR_IF -> {
                int f = label(r.u32());
                pop(I32);
                popLabel(f);
                pushLabel(f);
            }
            case BR_TABLE -> brTable();
            case RETURN -> {
                popLabel(0);
                setUnreachable();
            }
            case CALL -> {
                int f = r.u32();
                if (f < 0 || f >= funcTypes.length) throw fail("unknown function " + Integer.toUnsignedString(f));
                call(funcTypes[f]);
            }
            case CALL_INDIRECT -> {
                int t = r.u32();
                int table = r.u32();
                if (table < 0 || table >= tableTypes.length) throw fail("unknown table " + Integer.toUnsignedString(table));
                if (t < 0 || t >= typeParams.length || typeParams[t] == null) throw fail("unknown type");
                if (!ValueTypes.subtype(tableTypes[table], FUNCREF)) throw mismatch();
                pop(tableAddr[table]);
                call(t);
            }
            case RETURN_CALL -> {
                int f = r.u32();
                if (f < 0 || f >= funcTypes.length) throw fail("unknown function " + Integer.toUnsignedString(f));
                returnCall(funcTypes[f]);
            }
            case RETURN_CALL_INDIRECT -> {
                int t = r.u32();
                int table = r.u32();
                if (table < 0 || table >= tableTypes.length) throw fail("unknown table " + Integer.toUnsignedString(table));
                if (t < 0 || t >= typeParams.length || typeParams[t] == null) throw fail("unknown type");
                if (!ValueTypes.subtype(tableTypes[table], FUNCREF)) throw mismatch();
                pop(tableAddr[table]);
                returnCall(t);
            }
            case CALL_REF, RETURN_CALL_REF -> {
                int t = r.u32();
                if (t < 0 || t >= typeParams.length || typeParams[t] == null) throw fail("unknown type");
                pop(vt.defined(t));
                if (in == Instruction.CALL_REF) call(t);
                else returnCall(t);
            }
            case REF_AS_NON_NULL -> push(ValueTypes.nonNull(popRef()));
            case BR_ON_NULL -> {
                int f = label(r.u32());
                int t = popRef();
                popLabel(f);
                pushLabel(f);
                push(ValueTypes.nonNull(t));
            }
            case BR_ON_NON_NULL -> {
                int f = label(r.u32());
                int t = popRef();
                int n = labelCount(f);
                if (n == 0 || !ValueTypes.subtype(ValueTypes.nonNull(t), labelType(f, n - 1))) throw mismatch();
                for (int i = n - 2; i >= 0; i--) pop(labelType(f, i));
                for (int i = 0; i < n - 1; i++) push(labelType(f, i));
            }
            case DROP -> pop();
            case SELECT -> {
                pop(I32);
                int t1 = pop(), t2 = pop();
                if (ValueTypes.isRef(t1) || ValueTypes.isRef(t2)) throw mismatch();
                if (t1 != t2 && t1 != UNKNOWN && t2 != UNKNOWN) throw mismatch();
                push(t1 == UNKNOWN ? t2 : t1);
            }
            case SELECT_T -> {
                int n = r.u32();
                if (n != 1) throw fail("invalid result arity");
                int t = valType();
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case LOCAL_GET -> {
                int x = r.u32();
                int t = local(x);
                if (!localSet[x]) throw fail("uninitialized local");
                push(t);
            }
            case LOCAL_SET -> {
                int x = r.u32();
                pop(local(x));
                initialize(x);
            }
            case LOCAL_TEE -> {
                int x = r.u32();
                int t = local(x);
                pop(t);
                push(t);
                initialize(x);
            }
            case GLOBAL_GET -> push(globalTypes[global(r.u32())]);
            case GLOBAL_SET -> {
                int g = global(r.u32());
                if (!globalMutable[g]) throw fail("global is immutable");
                pop(globalTypes[g]);
            }
            case TABLE_GET -> {
                int t = table(r.u32());
                pop(tableAddr[t]);
                push(tableTypes[t]);
            }
            case TABLE_SET -> {
                int t = table(r.u32());
                pop(tableTypes[t]);
                pop(tableAddr[t]);
            }
            case MEMORY_SIZE -> push(memAddr[memory(r.u32())]);
            case MEMORY_GROW -> {
                int at = memAddr[memory(r.u32())];
                pop(at);
                push(at);
            }
            case I32_CONST -> { r.s32(); push(I32); }
            case I64_CONST -> { r.s64(); push(I64); }
            case F32_CONST -> { r.skip(4); push(F32); }
            case F64_CONST -> { r.skip(8); push(F64); }
            case REF_NULL -> push(refType(true));
            case REF_IS_NULL -> {
                popRef();
                push(I32);
            }
            case REF_FUNC -> {
                int f = r.u32();
                if (f < 0 || f >= funcTypes.length) throw fail("unknown function " + Integer.toUnsignedString(f));
                if (!declaredRefs.get(f)) throw fail("undeclared function reference");
                push(ValueTypes.nonNull(vt.defined(funcTypes[f])));
            }
            case REF_EQ -> gc.check(in, r);
            default -> {
                if (in.prefix == Instruction.PREFIX_GC) gc.check(in, r);
                else if (in.prefix == 0 && in.accessBytes > 0) memoryAccess(in);
                else if (in.immediates == Immediates.NONE && in.params != null) fixed(in);
                else if (in.prefix == Instruction.PREFIX_MISC) prefixFC(in);
                else if (in.prefix == Instruction.PREFIX_ATOMIC) prefixFE(in);
                else prefixFD(in);
            }
        }
    }

    private void initialize(int x) {
        if (localSet[x]) return;
        localSet[x] = true;
        if (setSp == setLog.length) setLog = Arrays.copyOf(setLog, setSp * 2);
        setLog[setSp++] = x;
    }

    private int tag(int x) {
        if (x < 0 || x >= tagTypes.length) throw fail("unknown tag " + Integer.toUnsignedString(x));
        return x;
    }

    /** A try_table clause: what it hands its label (the payload and/or the exnref) must be the label's types. */
    private void catchClause(int kind) {
        int[] payload = kind < 2 ? typeParams[tagTypes[tag(r.u32())]] : new int[0];
        boolean ref = kind == 1 || kind == 3;
        int f = label(r.u32());
        int n = payload.length + (ref ? 1 : 0);
        if (labelCount(f) != n) throw mismatch();
        for (int i = 0; i < payload.length; i++) if (!ValueTypes.subtype(payload[i], labelType(f, i))) throw mismatch();
        if (ref && !ValueTypes.subtype(ValueTypes.nonNull(EXNREF), labelType(f, n - 1))) throw mismatch();
    }

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

    /** A tail call: the callee's results become this function's, so they must be subtypes; what follows is unreachable. */
    private void returnCall(int type) {
        int[] callee = typeResults[type], own = typeResults[ctlBt[0]];
        if (callee.length != own.length) throw mismatch();
        for (int i = 0; i < own.length; i++) if (!ValueTypes.subtype(callee[i], own[i])) throw mismatch();
        int[] ps = typeParams[type];
        for (int i = ps.length - 1; i >= 0; i--) pop(ps[i]);
        setUnreachable();
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

    private int memory(int x) {
        if (x < 0 || x >= memAddr.length) throw fail("unknown memory " + Integer.toUnsignedString(x));
        return x;
    }

    /** Checks a memarg; returns the address type of its memory. */
    private int memarg(int naturalLog2) {
        MemArg a = MemArg.read(r);
        int at = memAddr[memory(a.memory())];
        if (a.align() > naturalLog2) throw fail("alignment must not be larger than natural");
        if (at == I32 && Long.compareUnsigned(a.offset(), 0xFFFF_FFFFL) > 0) throw fail("offset out of range");
        return at;
    }

    /** Per instruction (by ordinal): its fixed operand and result types, and the value type of a memory access. */
    private static final int[][] PARAMS, RESULTS;
    private static final int[] ACCESS_TYPE;
    private static final boolean[] LOADS;

    static {
        Instruction[] all = Instruction.values();
        PARAMS = new int[all.length][];
        RESULTS = new int[all.length][];
        ACCESS_TYPE = new int[all.length];
        LOADS = new boolean[all.length];
        for (Instruction in : all) {
            if (in.params != null) {
                PARAMS[in.ordinal()] = types(in.params);
                RESULTS[in.ordinal()] = types(in.results);
            }
            if (in.accessBytes > 0) ACCESS_TYPE[in.ordinal()] = valueType(in.text);
            LOADS[in.ordinal()] = in.accessBytes > 0 && in.text.contains(".load");
        }
    }

    /** The value type a memory instruction's name starts with ({@code i64.load8_u}: i64). */
    private static int valueType(String text) {
        return switch (text.substring(0, 3)) {
            case "i32" -> I32;
            case "i64" -> I64;
            case "f32" -> F32;
            case "f64" -> F64;
            default -> V128;
        };
    }

    private static int[] types(String chars) {
        int[] ts = new int[chars.length()];
        for (int i = 0; i < ts.length; i++) ts[i] = "ilfdv".indexOf(chars.charAt(i));
        return ts;
    }

    private void memoryAccess(Instruction in) {
        int at = memarg(in.naturalAlignment());
        int t = ACCESS_TYPE[in.ordinal()];
        if (LOADS[in.ordinal()]) {
            pop(at);
            push(t);
        } else {
            pop(t);
            pop(at);
        }
    }

    /** An instruction whose operand and result types are fixed by the table. */
    private void fixed(Instruction in) {
        int[] ps = PARAMS[in.ordinal()];
        for (int i = ps.length - 1; i >= 0; i--) pop(ps[i]);
        for (int t : RESULTS[in.ordinal()]) push(t);
    }

    private void prefixFC(Instruction in) {
        switch (in) {
            case MEMORY_INIT -> {
                int d = r.u32();
                int at = memAddr[memory(r.u32())];
                data(d);
                pop(I32); pop(I32); pop(at);
            }
            case DATA_DROP -> data(r.u32());
            case MEMORY_COPY -> {
                // Between memories of different address types the length is an i32 (the smaller type).
                int dst = memAddr[memory(r.u32())], src = memAddr[memory(r.u32())];
                pop(dst == I64 && src == I64 ? I64 : I32); pop(src); pop(dst);
            }
            case MEMORY_FILL -> {
                int at = memAddr[memory(r.u32())];
                pop(at); pop(I32); pop(at);
            }
            case TABLE_INIT -> {
                int e = r.u32();
                int t = table(r.u32());
                elem(e);
                if (!ValueTypes.subtype(elemTypes[e], tableTypes[t])) throw mismatch();
                pop(I32); pop(I32); pop(tableAddr[t]);
            }
            case ELEM_DROP -> elem(r.u32());
            case TABLE_COPY -> {
                int dst = table(r.u32());
                int src = table(r.u32());
                if (!ValueTypes.subtype(tableTypes[src], tableTypes[dst])) throw mismatch();
                int da = tableAddr[dst], sa = tableAddr[src];
                pop(da == I64 && sa == I64 ? I64 : I32); pop(sa); pop(da);
            }
            case TABLE_GROW -> {
                int t = table(r.u32());
                pop(tableAddr[t]);
                pop(tableTypes[t]);
                push(tableAddr[t]);
            }
            case TABLE_SIZE -> push(tableAddr[table(r.u32())]);
            case TABLE_FILL -> {
                int t = table(r.u32());
                pop(tableAddr[t]);
                pop(tableTypes[t]);
                pop(tableAddr[t]);
            }
            default -> throw fail("illegal opcode");
        }
    }

    void data(int d) {
        if (d < 0 || d >= dataCount) throw fail("unknown data segment " + Integer.toUnsignedString(d));
    }

    void elem(int e) {
        if (e < 0 || e >= elemTypes.length) throw fail("unknown elem segment " + Integer.toUnsignedString(e));
    }

    // ---------------------------------------------------------------- threads

    /** The 0xFE atomics: fence has a zero byte; the rest a memarg whose alignment must be exactly natural. */
    private void prefixFE(Instruction in) {
        if (in == Instruction.ATOMIC_FENCE) {
            r.u8();
            return;
        }
        MemArg ma = MemArg.read(r);
        memory(ma.memory());
        // An atomic access must not straddle its natural boundary, so no other alignment hint makes sense.
        if (ma.align() != in.naturalAlignment()) throw fail("atomic alignment must be natural");
        int t = in.text.startsWith("i64") ? I64 : I32;
        int at = memAddr[ma.memory()];
        if (at == I32 && Long.compareUnsigned(ma.offset(), 0xFFFF_FFFFL) > 0) throw fail("offset out of range");
        switch (in) {
            case MEMORY_ATOMIC_NOTIFY -> { pop(I32); pop(at); push(I32); }
            case MEMORY_ATOMIC_WAIT32 -> { pop(I64); pop(I32); pop(at); push(I32); }
            case MEMORY_ATOMIC_WAIT64 -> { pop(I64); pop(I64); pop(at); push(I32); }
            default -> {
                if (LOADS[in.ordinal()]) {
                    pop(at);
                    push(t);
                } else if (in.text.contains(".store")) {
                    pop(t);
                    pop(at);
                } else {
                    if (in.text.endsWith("cmpxchg") || in.text.endsWith("cmpxchg_u")) pop(t);
                    pop(t);
                    pop(at);
                    push(t);
                }
            }
        }
    }

    // ---------------------------------------------------------------- SIMD

    private void prefixFD(Instruction in) {
        switch (in.immediates) {
            case MEMARG -> {
                if (in == Instruction.V128_STORE) {
                    int at = memarg(in.naturalAlignment());
                    pop(V128);
                    pop(at);
                } else {
                    load128(in.naturalAlignment());
                }
            }
            case V128 -> {
                r.skip(16);
                push(V128);
            }
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) {
                    if (r.u8() >= 32) throw fail("invalid lane index");
                }
                fixed(in);
            }
            case LANE -> {
                lane(in.laneCount());
                fixed(in);
            }
            case MEMARG_LANE -> {
                int at = memarg(in.naturalAlignment());
                lane(in.laneCount());
                pop(V128);
                pop(at);
                if (LOADS[in.ordinal()]) push(V128);
            }
            default -> throw new IllegalStateException(in + " in a checked body");
        }
    }

    private void load128(int log2) {
        pop(memarg(log2));
        push(V128);
    }

    private void lane(int lanes) {
        if (r.u8() >= lanes) throw fail("invalid lane index");
    }
}
