package dev.gatun.interpreter;

import static dev.gatun.interpreter.IrWords.*;
import dev.gatun.runtime.TrapKind;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.MemArg;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Translates one validated function body into register IR (see {@link IrOp}).
 *
 * <p>The operand stack is emulated: each entry is just a register. Locals are registers
 * {@code [0, nLocals)}, constants (collected by a pre-scan and copied into the frame at entry) follow,
 * then temporaries: the entry at stack height i, when computed, lives in its canonical register
 * {@code T(i) = tempBase + i}. So {@code local.get} and constants emit nothing, values at block
 * boundaries land in a canonical place, and call arguments already sit where the callee's frame begins.
 *
 * <p>Before a local is overwritten, the stack entries still naming it are copied into their canonical
 * temporaries; the entries naming each local are chained (per-local list through the stack positions),
 * so this costs O(1) per entry and adversarial code cannot make translation quadratic. The body is
 * trusted to be valid (the validator ran first).
 */
public final class Translator extends IrEmitter {
    private static final int BLOCK = 0, LOOP = 1, IF = 2, FUNC = 3, TRY_TABLE = 4, TRY = 5;

    /** A control frame of the translation. */
    private static final class Ctrl {
        int kind;
        int base;                 // stack height below the frame's params
        byte[] params, results;   // kinds (NUM, REF, VEC)
        int loopPc;
        int[] fixups = new int[2];
        int nFixups;
        int elseFixup = -1;
        boolean endReachable;
        int[] savedParams;
        int endPc = -1;           // where branches to the end land, once known
        int tryStart = -1;        // try_table / try: first word of the body (a try's, until its first clause)
        int bodyStart, bodyEnd;   // legacy try: its body's range, which every catch clause covers
        int[] catches;            // try_table: its clauses' kind, tag and label, three ints each
        int exnReg = -1;          // legacy try: the register its catch clauses keep the exception in
    }

    /** A handler table entry (see {@link Handlers}); a catch's target is a label resolved once known. */
    private record Handler(int start, int end, int nest, int tag, Ctrl label, int target, int dst, int exnDst) {}

    private final List<Handler> handlers = new ArrayList<>();
    /** Exception handlers that leave the function: each returns its label values from a pad after the body. */
    private final List<Ctrl> funcPads = new ArrayList<>();
    /** Legacy try blocks get one register each past the constants, for the exception their catch holds. */
    private final int tries;
    private int nextTry;

    private final WasmModule mod;
    private final int[] typeIds;
    private final WasmReader r;
    /** The fuel costs when the module is metered, else null (and the code charges nothing). */
    private final FuelCosts fuel;
    private final int nParams, nLocals;
    private final byte[] localKind;
    /** Register of each local (params first); equals the local index when the function has no v128 local. */
    private final int[] localReg;
    private final int paramSlots;
    private final List<Object> pool = new ArrayList<>();
    private final long[] consts;


    private final List<Ctrl> ctrls = new ArrayList<>();
    /** See {@link IrFunction#loopHeads}. */
    private int[] loopHeads = new int[0];
    private int nLoopHeads;
    private boolean unreachable;
    private final byte[] funcResults;

    public static IrFunction translate(WasmModule mod, int funcidx, int[] typeIds) {
        return translate(mod, funcidx, typeIds, false);
    }

    /** With {@code metered}, the code charges fuel ({@link FuelCosts}) at its entry and loop headers. */
    public static IrFunction translate(WasmModule mod, int funcidx, int[] typeIds, boolean metered) {
        return new Translator(mod, funcidx, typeIds, metered).run();
    }

    private Translator(WasmModule mod, int funcidx, int[] typeIds, boolean metered) {
        this.mod = mod;
        this.typeIds = typeIds;
        FunctionType ft = mod.funcType(funcidx);
        WasmModule.FunctionBody body = mod.codes().get(funcidx - mod.importedFuncs());
        this.nParams = ft.params().size();
        this.nLocals = nParams + body.locals().length;
        this.localKind = new byte[nLocals];
        for (int i = 0; i < nParams; i++) localKind[i] = kind(ft.params().get(i));
        for (int i = 0; i < body.locals().length; i++) localKind[nParams + i] = kind(body.locals()[i]);
        this.localReg = new int[nLocals];
        int slot = 0, ps = 0;
        for (int i = 0; i < nLocals; i++) {
            if (i == nParams) ps = slot;
            localReg[i] = slot;
            slot += width(localKind[i]);
        }
        this.paramSlots = nLocals == nParams ? slot : ps;
        this.localSlots = slot;
        this.r = new WasmReader(body.code(), 0, body.code().length, body.codeOffset());
        this.fuel = metered ? FuelCosts.of(body.code()) : null;
        this.constants = new FrameConstants(body.code());
        this.consts = constants.values;
        this.tries = constants.tries;
        this.tempBase = localSlots + consts.length + tries;
        this.topRef = new int[localSlots];
        Arrays.fill(topRef, -1);
        this.defPos = new int[localSlots];
        Arrays.fill(defPos, -1);
        this.defEvent = new int[localSlots];
        Ctrl f = new Ctrl();
        f.kind = FUNC;
        f.base = 0;
        f.params = new byte[0];
        f.results = kinds(ft.results());
        funcResults = f.results;
        ctrls.add(f);
    }

    static byte kind(ValType t) { return t == ValType.V128 ? VEC : t.isReference() ? REF : NUM; }


    private static byte[] kinds(List<ValType> ts) {
        byte[] b = new byte[ts.size()];
        for (int i = 0; i < b.length; i++) b[i] = kind(ts.get(i));
        return b;
    }

    /** Registers a value sequence of these types takes. */
    static int slots(List<ValType> ts) {
        int n = 0;
        for (ValType t : ts) n += t == ValType.V128 ? 2 : 1;
        return n;
    }

    /** Register of label value j of c (its canonical temporary: packed from c's base by width). */
    private int labelReg(Ctrl c, byte[] t, int j) {
        int reg = T(c.base);
        for (int i = 0; i < j; i++) reg += width(t[i]);
        return reg;
    }

    // ---- branches ----

    private void fixup(Ctrl c, int pos) {
        if (c.nFixups == c.fixups.length) c.fixups = Arrays.copyOf(c.fixups, c.nFixups * 2);
        c.fixups[c.nFixups++] = pos;
    }

    /** Target word for a branch to c at position pos: backward targets are stored complemented (interrupt check). */
    private void target(Ctrl c, int pos) {
        if (c.kind == LOOP) patch(pos, ~c.loopPc);
        else { fixup(c, pos); c.endReachable = true; }
    }

    private byte[] labelTypes(Ctrl c) { return c.kind == LOOP ? c.params : c.results; }

    private boolean needsCopies(Ctrl c) {
        byte[] t = labelTypes(c);
        int n = t.length;
        for (int j = 0; j < n; j++) if (sreg[h - n + j] != labelReg(c, t, j)) return true;
        return false;
    }

    private void branchCopies(Ctrl c) {
        byte[] t = labelTypes(c);
        int n = t.length;
        for (int j = 0; j < n; j++) copy(labelReg(c, t, j), sreg[h - n + j], t[j]);
    }

    /** Emits an unconditional branch to c (with value copies), or a return for the function frame. */
    private void branchTo(Ctrl c) {
        if (c.kind == FUNC) { emitReturn(); return; }
        branchCopies(c);
        emit(IrOp.BR, 0, 0, 0);
        emit(0);
        target(c, len - 1);
    }

    /**
     * Emits a conditional branch on cond (the entry just popped, at height h) and returns the position of
     * its target word. Fuses with the compare or eqz that produced cond, when that was the last instruction.
     */
    private int condBranch(int cond, boolean whenTrue) {
        if (lastPos == len - 1 && lastDst == cond && cond == T(h)) {
            long w = buf[lastPos];
            int op = (int) w & 0x3FF;
            int wasm = op - IrOp.NUM + Instruction.I32_EQZ.code;
            int fused = -1;
            if (wasm >= Instruction.I32_EQ.code && wasm <= Instruction.I32_GE_U.code) fused = IrOp.BR_I32_EQ + cmpIndex(wasm - Instruction.I32_EQ.code, whenTrue);
            else if (wasm >= Instruction.I64_EQ.code && wasm <= Instruction.I64_GE_U.code) fused = IrOp.BR_I64_EQ + cmpIndex(wasm - Instruction.I64_EQ.code, whenTrue);
            else if (wasm == Instruction.I32_EQZ.code || wasm == Instruction.I64_EQZ.code) fused = whenTrue ? IrOp.BR_Z : IrOp.BR_NZ;
            if (fused >= 0) {
                int k = fused - IrOp.BR_I32_EQ;
                long addDst = prevStart >= 0 && prevStart == lastPos - 1 ? (buf[prevStart] >>> 10) & IrOp.FIELD_MASK : -1;
                long lhsReg = (w >>> 28) & IrOp.FIELD_MASK, rhsReg = w >>> 46;
                int km = k >= 0 && k <= 9 ? MIRROR[k] : -1;
                if (km >= 0 && km <= 5 && addDst == rhsReg && addDst != lhsReg && prevStart >= labelAt
                        && ((int) buf[prevStart] & 0x3FF) == IrOp.I32_ADD) {
                    // The counter is the compare's right operand (n != i): mirror the compare so it is the left.
                    k = km;
                    w = (w & 0x3FFL) | (w & ((long) IrOp.FIELD_MASK << 10)) | rhsReg << 28 | lhsReg << 46;
                }
                if (k >= 0 && k <= 5 && prevStart == lastPos - 1 && prevStart >= labelAt
                        && ((int) buf[prevStart] & 0x3FF) == IrOp.I32_ADD
                        && addDst == ((w >>> 28) & IrOp.FIELD_MASK)) {
                    // The add that made the compared value (a loop counter) joins the branch.
                    long rhs = w >>> 46;
                    buf[prevStart] = (buf[prevStart] & ~0x3FFL) | (IrOp.ADD_CMP_BR + k);
                    len = lastPos;
                    events++;
                    curStart = prevStart;
                    prevStart = -1;
                    lastPos = -1;
                    emit(rhs << 32);
                    return len - 1;
                }
                buf[lastPos] = (w & ~0x3FFL & ~((long) IrOp.FIELD_MASK << 10)) | fused;
                lastPos = -1;
                emit(0);
                return len - 1;
            }
        }
        if (curStart == len - 1 && curStart >= labelAt) {
            long w = buf[curStart];
            int op = (int) w & 0x3FF;
            if ((op == IrOp.I32_ADD || op == IrOp.I32_SUB) && ((w >>> 10) & IrOp.FIELD_MASK) == cond) {
                // br_if on a counter just updated by add/sub (e.g. local.tee then br_if).
                int f = op == IrOp.I32_ADD ? (whenTrue ? IrOp.ADD_BR_NZ : IrOp.ADD_BR_Z) : (whenTrue ? IrOp.SUB_BR_NZ : IrOp.SUB_BR_Z);
                buf[curStart] = (w & ~0x3FFL) | f;
                lastPos = -1;
                emit(0);
                return len - 1;
            }
        }
        emit(whenTrue ? IrOp.BR_NZ : IrOp.BR_Z, 0, cond, 0);
        emit(0);
        return len - 1;
    }


    private void emitReturn() {
        byte[] t = funcResults;
        int n = t.length;
        if (n == 0) { emit(IrOp.RET0, 0, 0, 0); return; }
        if (n == 1) {
            int src = sreg[h - 1];
            if (t[0] != NUM) { copy(0, src, t[0]); emit(IrOp.RET0, 0, 0, 0); }
            else emit(IrOp.RET1, 0, src, 0);
            return;
        }
        // Results go to registers [0, resultSlots), packed by width.
        int[] dst = new int[n];
        int resultSlots = 0;
        for (int j = 0; j < n; j++) { dst[j] = resultSlots; resultSlots += width(t[j]); }
        boolean conflict = false;
        for (int j = 0; j < n; j++) {
            int src = sreg[h - n + j];
            if (src < resultSlots && src != dst[j]) conflict = true;
        }
        if (conflict) {
            // Parallel move through scratch temporaries above the stack.
            int scratch = T(h);
            for (int j = 0; j < n; j++) copy(scratch + dst[j], sreg[h - n + j], t[j]);
            if (soff[h] + resultSlots > maxH) maxH = soff[h] + resultSlots;
            for (int j = 0; j < n; j++) copy(dst[j], scratch + dst[j], t[j]);
        } else {
            for (int j = 0; j < n; j++) copy(dst[j], sreg[h - n + j], t[j]);
        }
        emit(IrOp.RET0, 0, 0, 0);
    }

    // ---- block types ----

    private FunctionType blockType() { return InstructionReader.blockType(r, mod); }

    private Ctrl enter(int kind, FunctionType bt) {
        Ctrl c = new Ctrl();
        c.kind = kind;
        c.params = kinds(bt.params());
        c.results = kinds(bt.results());
        c.base = h - c.params.length;
        ctrls.add(c);
        return c;
    }

    // ---- the translation loop ----

    private IrFunction run() {
        if (fuel != null) chargeFuel(fuel.entry);
        while (!ctrls.isEmpty()) {
            curOffset = (int) r.offset();
            step(unreachable ? skipDead() : InstructionReader.next(r));
        }
        int frameSize = tempBase + maxH + 1;
        if (frameSize > IrOp.MAX_REG) {
            throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED,
                    "function needs " + frameSize + " registers, more than the " + IrOp.MAX_REG + " a frame can have");
        }
        boolean refLocals = false;
        for (int i = nParams; i < nLocals; i++) refLocals |= localKind[i] == REF;
        int[] table = handlerTable();
        frameSize = Math.max(frameSize, tempBase + maxH + 1);
        if (frameSize > IrOp.MAX_REG) throw new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED, "function needs too many registers");
        return new IrFunction(Arrays.copyOf(buf, len), consts, paramSlots, localSlots, frameSize, refLocals,
                pool.isEmpty() ? IrFunction.NO_POOL : pool.toArray(), table, Arrays.copyOf(loopHeads, nLoopHeads),
                offsetTable());
    }

    private Instruction skipDead() { return InstructionReader.skipDead(r); }

    private Ctrl top() { return ctrls.get(ctrls.size() - 1); }

    private void step(Instruction in) {
        switch (in) {
            case UNREACHABLE -> { emit(IrOp.UNREACHABLE, 0, 0, 0); unreachable = true; }
            case NOP -> { }
            case BLOCK -> {
                FunctionType bt = blockType();
                materializeLocals();
                enter(BLOCK, bt);
            }
            case LOOP -> {
                int loopOpcodeEnd = r.pos();
                FunctionType bt = blockType();
                materializeLocals();
                canonicalizeTop(bt.params().size());
                Ctrl c = enter(LOOP, bt);
                c.loopPc = len;
                if (c.base == 0 && bt.params().isEmpty()) {
                    if (nLoopHeads == loopHeads.length) loopHeads = Arrays.copyOf(loopHeads, 2 * nLoopHeads + 2);
                    loopHeads[nLoopHeads++] = len;
                    loopHeads[nLoopHeads++] = loopOpcodeEnd;
                }
                label();
                if (fuel != null) chargeFuel(fuel.loop(loopOpcodeEnd));
            }
            case IF -> {
                FunctionType bt = blockType();
                int cond = pop();
                // Keep the compare fusable when nothing needs materializing.
                int np = bt.params().size();
                boolean clean = locTop == 0;
                for (int p = h - np; p < h && clean; p++) clean = sreg[p] == T(p);
                int pos;
                if (clean) {
                    pos = condBranch(cond, false);
                } else {
                    // cond's register may be a temporary above the params: copies below it cannot clobber it.
                    materializeLocals();
                    canonicalizeTop(np);
                    pos = condBranch(cond, false);
                }
                Ctrl c = enter(IF, bt);
                c.elseFixup = pos;
                c.savedParams = Arrays.copyOfRange(sreg, h - np, h);
            }
            case ELSE -> {
                Ctrl c = top();
                if (!unreachable) {
                    branchCopies(resultsView(c));
                    emit(IrOp.BR, 0, 0, 0);
                    emit(0);
                    fixup(c, len - 1);
                    c.endReachable = true;
                }
                patch(c.elseFixup, len);
                c.elseFixup = -1;
                label();
                popTo(c.base);
                for (int j = 0; j < c.savedParams.length; j++) push(c.savedParams[j], c.params[j]);
                unreachable = false;
            }
            case END -> end();
            case TRY_TABLE -> {
                FunctionType bt = blockType();
                int n = r.u32();
                int[] clauses = new int[3 * n];
                for (int i = 0; i < n; i++) {
                    int kind = r.u8();
                    clauses[3 * i] = kind;
                    clauses[3 * i + 1] = kind < 2 ? r.u32() : -1;
                    clauses[3 * i + 2] = r.u32();
                }
                materializeLocals();
                Ctrl c = enter(TRY_TABLE, bt);
                c.catches = clauses;
                label();
                c.tryStart = len;
            }
            case TRY -> {
                FunctionType bt = blockType();
                materializeLocals();
                Ctrl c = enter(TRY, bt);
                c.exnReg = localSlots + consts.length + nextTry++;
                label();
                c.tryStart = len;
            }
            case CATCH, CATCH_ALL -> catchClause(in == Instruction.CATCH ? r.u32() : Handlers.ANY);
            case DELEGATE -> {
                Ctrl c = top();
                int target = ctrls.size() - 2 - r.u32();
                handlers.add(new Handler(c.tryStart, len, ctrls.size() - 1, Handlers.DELEGATE, null, target, -1, -1));
                c.tryStart = -1;
                end();
            }
            case THROW -> {
                int tag = r.u32();
                FunctionType tt = mod.tagType(tag);
                int base = callArgs(FunctionType.of(tt.params(), List.of()), 0);
                emit(IrOp.THROW, T(base), slots(tt.params()), 0);
                emit(tag);
                unreachable = true;
            }
            case THROW_REF -> { emit(IrOp.THROW_REF, 0, pop(), 0); unreachable = true; }
            case RETHROW -> {
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                emit(IrOp.THROW_REF, 0, c.exnReg, 0);
                unreachable = true;
            }
            case BR -> {
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                branchTo(c);
                unreachable = true;
            }
            case BR_IF -> {
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                brIf(c, pop(), true);
            }
            case BR_ON_NULL -> {
                // Taken on null, which the branch drops; otherwise the reference stays, now known non-null.
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                int ref = pop();
                int isNull = T(h);
                produce(IrOp.REF_IS_NULL, isNull, ref, 0);
                brIf(c, isNull, true);
                push(ref, REF);
            }
            case BR_ON_NON_NULL -> {
                // Taken with the reference as the label's last value; on null it is dropped.
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                int isNull = T(h);
                produce(IrOp.REF_IS_NULL, isNull, sreg[h - 1], 0);
                brIf(c, isNull, false);
                pop();
            }
            case BR_TABLE -> brTable();
            case RETURN -> { emitReturn(); unreachable = true; }
            case CALL -> {
                int f = r.u32();
                FunctionType ft = mod.funcType(f);
                int base = callArgs(ft, 0);
                emit(IrOp.CALL, T(base), f & IrOp.FIELD_MASK, f >>> IrOp.FIELD_BITS);
                callResults(ft, base);
            }
            case CALL_INDIRECT -> {
                int typeidx = r.u32();
                int table = r.u32();
                FunctionType ft = mod.functionType(typeidx);
                int idx = pop();
                int base = callArgs(ft, 1);
                emit(IrOp.CALL_INDIRECT, T(base), idx, table);
                emit(typeIds[typeidx]);
                callResults(ft, base);
            }
            case RETURN_CALL, RETURN_CALL_INDIRECT -> returnCall(in == Instruction.RETURN_CALL);
            case CALL_REF, RETURN_CALL_REF -> callRef(in == Instruction.RETURN_CALL_REF);
            case REF_AS_NON_NULL -> { int v = pop(); int dst = T(h); produce(IrOp.REF_AS_NON_NULL, dst, v, 0); push(dst, REF); }
            case DROP -> pop();
            case SELECT, SELECT_T -> {
                if (in == Instruction.SELECT_T) { int n = r.u32(); for (int i = 0; i < n; i++) InstructionReader.skipValType(r); }
                int cond = pop();
                byte kind = sref[h - 1];
                boolean ref = kind == REF;
                int v2 = pop();
                int v1 = pop();
                int dst = T(h);
                int wasm = lastPos == len - 1 && lastDst == cond && cond == T(h + 2) ? ((int) buf[lastPos] & 0x3FF) - IrOp.NUM + Instruction.I32_EQZ.code : -1;
                if (kind == VEC) {
                    produce(SimdTranslator.V128_SELECT, dst, v1, v2);
                    int p = lastPos;
                    emit(cond);
                    lastPos = p;
                } else if (!ref && wasm >= Instruction.I32_EQ.code && wasm <= Instruction.I32_GE_U.code) {
                    // Fuse with the compare just emitted: it is dropped, its operands move to the ext word.
                    long cw = buf[--len];
                    events++;
                    long lhs = (cw >>> 28) & IrOp.FIELD_MASK, rhs = cw >>> 46;
                    int k = wasm - Instruction.I32_EQ.code;
                    if (k >= 6) {
                        // le/ge select the other value on the negated compare (gt/lt): run keeps six variants.
                        k = cmpIndex(k, false);
                        int t = v1; v1 = v2; v2 = t;
                    }
                    produce(IrOp.SEL_I32_EQ + k, dst, v1, v2);
                    int p = lastPos;
                    emit(lhs | rhs << 32);
                    lastPos = p;
                } else {
                    produce(ref ? IrOp.SELECT_REF : IrOp.SELECT, dst, v1, v2);
                    int p = lastPos;
                    emit(cond);
                    lastPos = p;
                }
                push(dst, kind);
            }
            case LOCAL_GET -> { int x = r.u32(); push(localReg[x], localKind[x]); }
            case LOCAL_SET, LOCAL_TEE -> { int x = r.u32(); setLocal(localReg[x], in == Instruction.LOCAL_TEE); }
            case GLOBAL_GET -> {
                int g = r.u32();
                byte kind = kind(mod.globals().get(g).valType());
                int dst = T(h);
                int irop = kind == VEC ? SimdTranslator.V128_GLOBAL_GET : kind == REF ? IrOp.GLOBAL_GET_REF : IrOp.GLOBAL_GET;
                produce(irop, dst, g & IrOp.FIELD_MASK, g >>> IrOp.FIELD_BITS);
                push(dst, kind);
            }
            case GLOBAL_SET -> {
                int g = r.u32();
                byte kind = kind(mod.globals().get(g).valType());
                int v = pop();
                int irop = kind == VEC ? SimdTranslator.V128_GLOBAL_SET : kind == REF ? IrOp.GLOBAL_SET_REF : IrOp.GLOBAL_SET;
                emit(irop, v, g & IrOp.FIELD_MASK, g >>> IrOp.FIELD_BITS);
            }
            case TABLE_GET -> {
                int t = r.u32();
                int idx = pop();
                int dst = T(h);
                produce(IrOp.TABLE_GET, dst, idx, t);
                push(dst, REF);
            }
            case TABLE_SET -> {
                int t = r.u32();
                int v = pop();
                int idx = pop();
                emit(IrOp.TABLE_SET, v, idx, t);
            }
            case MEMORY_SIZE -> { int k = r.u32(); int dst = T(h); produceWith(IrOp.MEMORY_SIZE, dst, 0, 0, k, 0, 1); push(dst, NUM); }
            case MEMORY_GROW -> {
                int k = r.u32();
                int d = pop();
                int dst = T(h);
                produceWith(IrOp.MEMORY_GROW, dst, d, 0, k, 0, 1);
                push(dst, NUM);
            }
            case I32_CONST -> pushConst(r.s32());
            case I64_CONST -> pushConst(r.s64());
            case F32_CONST -> pushConst(r.f32bits());
            case F64_CONST -> pushConst(r.f64bits());
            case REF_NULL -> { r.s33(); int dst = T(h); produce(IrOp.REF_NULL, dst, 0, 0); push(dst, REF); }
            case REF_IS_NULL -> { int v = pop(); int dst = T(h); produce(IrOp.REF_IS_NULL, dst, v, 0); push(dst, NUM); }
            case REF_FUNC -> {
                int f = r.u32();
                int dst = T(h);
                produce(IrOp.REF_FUNC, dst, f & IrOp.FIELD_MASK, f >>> IrOp.FIELD_BITS);
                push(dst, REF);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                // The test's result goes above the reference, which stays for both ways out.
                int flags = r.u8();
                Ctrl c = ctrls.get(ctrls.size() - 1 - r.u32());
                int target = GcTranslator.castTarget(r, mod, flags);
                int ok = T(h);
                produceWith(IrOp.GC, ok, sreg[h - 1], 0, GcTranslator.ext(GcTranslator.REF_TEST, 0, 0), target, 2);
                brIf(c, ok, in == Instruction.BR_ON_CAST);
            }
            case REF_EQ -> GcTranslator.translate(this, r, in, mod);
            default -> {
                if (in.prefix == Instruction.PREFIX_GC) GcTranslator.translate(this, r, in, mod);
                else if (in.prefix == Instruction.PREFIX_SIMD) SimdTranslator.translate(this, r, in.code);
                else if (in.prefix == Instruction.PREFIX_MISC) BulkTranslator.translate(this, r, in);
                else if (in.prefix == Instruction.PREFIX_ATOMIC) AtomicOps.translate(this, r, in);
                else if (in.accessBytes > 0) memoryAccess(in.code);
                else if (in.params != null) numeric(in.code);
                else throw new IllegalStateException(in + " in a validated body");
            }
        }
    }

    private Ctrl resultsView(Ctrl c) {
        // A branch-like copy of the top results into c's result registers (the if-then fallthrough).
        Ctrl v = new Ctrl();
        v.kind = BLOCK;
        v.base = c.base;
        v.results = c.results;
        return v;
    }

    private void end() {
        Ctrl c = top();
        if (c.kind == TRY_TABLE) closeTryTable(c);
        ctrls.remove(ctrls.size() - 1);
        if (c.kind == FUNC) {
            if (!unreachable) emitReturn();
            return;
        }
        if (!unreachable) {
            int n = c.results.length;
            for (int j = 0; j < n; j++) copy(labelReg(c, c.results, j), sreg[h - n + j], c.results[j]);
            c.endReachable = true;
        }
        if (c.elseFixup >= 0) {
            // An if without else: the false path carries the (canonical) params as results.
            patch(c.elseFixup, len);
            c.endReachable = true;
        }
        if (c.kind == LOOP) {
            // Loop labels are at the start; the end is reachable only by falling through.
        } else {
            for (int i = 0; i < c.nFixups; i++) patch(c.fixups[i], len);
            c.endPc = len;
        }
        label();
        popTo(c.base);
        for (int j = 0; j < c.results.length; j++) push(T(h), c.results[j]);
        unreachable = !c.endReachable;
    }

    // ---- exception handling ----

    /** The try_table's clauses become handler entries for its body, each landing at its label's target. */
    private void closeTryTable(Ctrl c) {
        int nest = ctrls.size() - 1;
        int[] k = c.catches;
        for (int i = 0; i < k.length; i += 3) {
            int kind = k[i];
            Ctrl l = ctrls.get(nest - 1 - k[i + 2]);
            byte[] t = labelTypes(l);
            int payload = kind < 2 ? mod.tagType(k[i + 1]).params().size() : 0;
            int dst = payload > 0 ? labelReg(l, t, 0) : -1;
            int exnDst = kind == 1 || kind == 3 ? labelReg(l, t, t.length - 1) : -1;
            int top = labelReg(l, t, t.length) - tempBase;
            if (top > maxH) maxH = top;
            if (l.kind == FUNC) funcPads.add(l);
            else if (l.kind != LOOP) l.endReachable = true;
            handlers.add(new Handler(c.tryStart, len, nest, kind < 2 ? k[i + 1] : Handlers.ANY, l, -1, dst, exnDst));
        }
    }

    /** A legacy catch or catch_all: ends the try body (or the previous clause) and starts a clause. */
    private void catchClause(int tag) {
        Ctrl c = top();
        if (!unreachable) {
            branchCopies(resultsView(c));
            emit(IrOp.BR, 0, 0, 0);
            emit(0);
            fixup(c, len - 1);
            c.endReachable = true;
        }
        if (c.tryStart >= 0) {
            c.bodyStart = c.tryStart;
            c.bodyEnd = len;
            c.tryStart = -1;
        }
        label();
        popTo(c.base);
        List<ValType> payload = tag == Handlers.ANY ? List.of() : mod.tagType(tag).params();
        handlers.add(new Handler(c.bodyStart, c.bodyEnd, ctrls.size() - 1, tag, null, len,
                payload.isEmpty() ? -1 : T(h), c.exnReg));
        for (ValType t : payload) push(T(h), kind(t));
        unreachable = false;
    }

    /** The handler table, targets resolved; pads for handlers that leave the function return its results. */
    private int[] handlerTable() {
        if (handlers.isEmpty()) return Handlers.NONE;
        int pad = -1;
        if (!funcPads.isEmpty()) {
            pad = len;
            h = 0;
            for (byte k : funcResults) push(T(h), k);
            emitReturn();
        }
        int[] out = new int[handlers.size() * Handlers.SIZE];
        int i = 0;
        for (Handler e : handlers) {
            int target = e.label == null ? e.target : e.label.kind == FUNC ? pad : e.label.kind == LOOP ? e.label.loopPc : e.label.endPc;
            int[] w = {e.start, e.end, e.nest, e.tag, target, e.dst, e.exnDst};
            System.arraycopy(w, 0, out, i, Handlers.SIZE);
            i += Handlers.SIZE;
        }
        return out;
    }

    private void brTable() {
        int n = r.u32();
        int[] labels = new int[n + 1];
        for (int i = 0; i <= n; i++) labels[i] = r.u32();
        int idx = pop();
        emit(IrOp.BR_TABLE, 0, idx, 0);
        emit(n);
        int table = len;
        for (int i = 0; i <= n; i++) emit(0);
        IdentityHashMap<Ctrl, List<Integer>> tramps = new IdentityHashMap<>();
        for (int i = 0; i <= n; i++) {
            Ctrl c = ctrls.get(ctrls.size() - 1 - labels[i]);
            if (c.kind != FUNC && !needsCopies(c)) target(c, table + i);
            else tramps.computeIfAbsent(c, k -> new ArrayList<>()).add(table + i);
        }
        for (var e : tramps.entrySet()) {
            int at = len;
            for (int pos : e.getValue()) patch(pos, at);
            branchTo(e.getKey());
        }
        unreachable = true;
    }

    /** Puts the call's arguments in consecutive temporaries; returns the stack position of the first. */
    /**
     * A tail call: the callee goes to the reference half of the register above the arguments (callArgs keeps
     * it free); the return after it is for when the interpreter runs it as a call (see IrOp.RETURN_CALL_REF).
     */
    private void returnCall(boolean direct) {
        int x = r.u32(), table = direct ? 0 : r.u32(), idx = direct ? 0 : pop();
        FunctionType ft = direct ? mod.funcType(x) : mod.functionType(x);
        int base = callArgs(ft, 1), callee = T(base) + slots(ft.params());
        if (direct) emit(IrOp.REF_FUNC, callee, x & IrOp.FIELD_MASK, x >>> IrOp.FIELD_BITS);
        else emitWith(IrOp.FUNC_OF_TABLE, callee, idx, table, typeIds[x]);
        emit(IrOp.RETURN_CALL_REF, T(base), callee, 0);
        callResults(ft, base);
        emitReturn();
        unreachable = true;
    }

    /**
     * call_ref and return_call_ref: the reference, null-checked, goes where a tail call's callee goes, and
     * the one call op serves both (its c says a call, not a tail call).
     */
    private void callRef(boolean tail) {
        FunctionType ft = mod.functionType(r.u32());
        int ref = pop();
        int base = callArgs(ft, 1), callee = T(base) + slots(ft.params());
        produce(IrOp.FUNC_OF_REF, callee, ref, 0);
        emit(IrOp.RETURN_CALL_REF, T(base), callee, tail ? 0 : 1);
        callResults(ft, base);
        if (tail) {
            emitReturn();
            unreachable = true;
        }
    }

    /** Branches to c when cond is non-zero ({@code whenTrue}) or zero, the label's values on top of the stack. */
    private void brIf(Ctrl c, int cond, boolean whenTrue) {
        if (c.kind != FUNC && !needsCopies(c)) {
            int pos = condBranch(cond, whenTrue);
            target(c, pos);
        } else {
            int skip = condBranch(cond, !whenTrue);
            branchTo(c);
            patch(skip, len);
            label();
        }
    }

    private int callArgs(FunctionType ft, int above) {
        int np = ft.params().size();
        int base = h - np;
        for (int p = base; p < h; p++) {
            if (sreg[p] != T(p)) {
                int x = sreg[p];
                copy(T(p), x, sref[p]);
            }
        }
        popTo(base);
        int top = soff[base] + Math.max(slots(ft.params()), slots(ft.results())) + above;
        if (top > maxH) maxH = top;
        return base;
    }

    private void callResults(FunctionType ft, int base) {
        for (ValType t : ft.results()) push(T(h), kind(t));
    }

    /** x is the local's register. */
    private void setLocal(int x, boolean tee) {
        byte ref = sref[h - 1];
        int src = pop();
        if (src == x) {
            if (tee) push(x, ref);
            return;
        }
        if (lastPos >= 0 && lastDst == src && src == T(h)) {
            // Relink: the instruction that made the value writes the local directly. Stale stack entries
            // naming x are preserved first, by copies moved in front of that instruction (they read the
            // old x; the instruction reads only entries above them, never their temporaries).
            int p0 = lastPos;
            int tail = len - p0;
            long[] moved = Arrays.copyOfRange(buf, p0, len);
            int[] movedOff = Arrays.copyOfRange(woff, p0, len);
            len = p0;
            pendingTail = moved;
            preserve(x);
            pendingTail = null;
            if (len != p0) events++;
            if (len + tail > buf.length) {
                buf = Arrays.copyOf(buf, (len + tail) * 2);
                woff = Arrays.copyOf(woff, buf.length);
            }
            System.arraycopy(moved, 0, buf, len, tail);
            System.arraycopy(movedOff, 0, woff, len, tail);
            int at = len;
            len += tail;
            buf[at] = (buf[at] & ~((long) IrOp.FIELD_MASK << 10)) | (long) x << 10;
            defPos[x] = at;
            defEvent[x] = events;
            lastPos = -1;
            curStart = at;
            prevStart = -1;
        } else {
            preserve(x);
            copy(x, src, ref);
        }
        if (tee) push(x, ref);
    }

    private void memoryAccess(int op) {
        MemArg ma = MemArg.read(r);
        long offset = ma.offset();
        boolean store = op >= Instruction.I32_STORE.code;
        int v = store ? pop() : 0;
        int addr = pop();
        if (!plainMemory(ma.memory())) {
            // Other memories and memory64 take the generic op, so memory 0's 32-bit ops stay as they are.
            long ext = (op - Instruction.I32_LOAD.code) | (long) ma.memory() << 8;
            if (store) {
                emit(IrOp.MEMX, v, addr, 0);
                emit(ext);
                emit(offset);
            } else {
                int dst = T(h);
                produceWith(IrOp.MEMX, dst, addr, 0, ext, offset, 2);
                push(dst, NUM);
            }
            return;
        }
        if (offset > IrOp.MAX_REG) {
            emit(IrOp.ADDR_BIG, T(h), addr, 0);
            emit(offset);
            addr = T(h);
            offset = 0;
        }
        int irop = IrOp.MEM + (op - Instruction.I32_LOAD.code);
        if (!store && op <= Instruction.I32_LOAD16_U.code && offset == 0 && lastPos == len - 1 && lastDst == addr && addr == T(h)
                && ((int) buf[lastPos] & 0x3FF) == IrOp.I32_ADD) {
            // The i32.add that made the address becomes the load: same result register T(h).
            buf[lastPos] = (buf[lastPos] & ~0x3FFL) | (IrOp.LOAD_ADD + (op - Instruction.I32_LOAD.code));
            woff[lastPos] = curOffset;   // the fused word traps as the load
            push(addr, NUM);
            return;
        }
        if (store && op <= Instruction.I32_STORE8.code && offset == 0 && lastPos == len - 1 && lastDst == addr && addr == T(h)
                && ((int) buf[lastPos] & 0x3FF) == IrOp.I32_ADD) {
            // The i32.add that made the address becomes the store; its result register is dead after it.
            // The value operand was pushed after the add without emitting code, so it is ready there.
            long w = buf[lastPos];
            buf[lastPos] = (w & ~0x3FFL & ~((long) IrOp.FIELD_MASK << 10)) | (long) v << 10 | (IrOp.STORE_ADD + (op - Instruction.I32_STORE.code));
            woff[lastPos] = curOffset;   // the fused word traps as the store
            lastPos = -1;
            return;
        }
        if (store) {
            emit(irop, v, addr, (int) offset);
        } else {
            int dst = T(h);
            produce(irop, dst, addr, (int) offset);
            push(dst, NUM);
        }
    }

    private void numeric(int op) {
        // Reinterpretations change only the type: the bits are the same. i64.extend_i32_s is free too,
        // because i32 values are always held sign-extended in their 64-bit register.
        if (op >= Instruction.I32_REINTERPRET_F32.code && op <= Instruction.F64_REINTERPRET_I64.code || op == Instruction.I64_EXTEND_I32_S.code) return;
        int irop = IrOp.NUM + (op - Instruction.I32_EQZ.code);
        if (isBinary(op)) {
            int b2 = pop();
            int b1 = pop();
            int dst = T(h);
            produce(irop, dst, b1, b2);
            push(dst, NUM);
        } else {
            int b1 = pop();
            int dst = T(h);
            produce(irop, dst, b1, 0);
            push(dst, NUM);
        }
    }

    // ---- hooks for SimdTranslator and BulkTranslator: the few stack and emission steps they need, by name ----

    int popValue() { return pop(); }

    /** Whether memory k is memory 0 with 32-bit addresses, the one the hot ops address. */
    boolean plainMemory(int k) { return k == 0 && !mod.memories().get(0).address64(); }

    /** Register the next pushed value will occupy (its canonical temporary). */
    int nextTemp() { return T(h); }

    void pushValue(int reg, byte kind) { push(reg, kind); }

    /** Emits an instruction that writes register a (so local.set can retarget it), with n extension words. */
    void produceWith(int op, int a, int b, int c, long ext0, long ext1, int nExt) {
        produce(op, a, b, c);
        int p = lastPos;
        if (nExt > 0) emit(ext0);
        if (nExt > 1) emit(ext1);
        lastPos = p;
        lastDst = a;
    }

    void emitWith(int op, int a, int b, int c, long ext0) {
        emit(op, a, b, c);
        emit(ext0);
    }


    /** One more extension word after {@link #emitWith}. */
    void emitExt(long w) { emit(w); }

    /** The register pair holding v128 constant (lo, hi) in the frame's constants, or -1 if it is not there. */
    int v128ConstReg(long lo, long hi) {
        int i = constants.v128Slot(lo, hi);
        return i < 0 ? -1 : localSlots + i;
    }

    /** Puts the top operands (of ft's params) in consecutive temporaries, as for a call; returns the first's register. */
    int operands(FunctionType ft) { return T(callArgs(ft, 0)); }

    /** Adds an object (a shuffle plan, a GC type) to the function's pool; returns its index. */
    int poolAdd(Object o) {
        pool.add(o);
        return pool.size() - 1;
    }
}
