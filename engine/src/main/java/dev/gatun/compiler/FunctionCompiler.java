package dev.gatun.compiler;

import dev.gatun.interpreter.Interpreter;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
import dev.gatun.model.ValueType;
import dev.gatun.binary.InstructionReader;
import dev.gatun.model.Instruction;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * Emits one Wasm function as a static JVM method (see {@link Compiler}). Values stay on the JVM operand
 * stack; a type stack mirrors it, because the JVM needs the width of what it drops, selects or moves.
 * A comparison feeding br_if, if or select becomes the JVM's compare-and-branch instead of a 0/1 value.
 *
 * <p>v128 values are not on the JVM stack: a body with any has a {@code long[]} vector register file,
 * allocated at entry, laid out {@code [scratch pair | v128 params and locals | constants | one pair per
 * v128 operand stack position]}, and each SIMD instruction is a call to its {@link dev.gatun.vector.Kernels}
 * kernel with constant indexes (the kernels tier 1 runs, so both tiers share one set of SIMD semantics).
 * Scalars cross in and out of kernels through the scratch pair. The array is allocated once per call.
 */
public final class FunctionCompiler extends GcCodegen {
    FunctionCompiler(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan) {
        this(g, cb, funcidx, scan, null, null);
    }

    /** A function split into methods ({@link BodySplitter}): its own method (entry null), or one of its regions'. */
    FunctionCompiler(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        super(g, cb, funcidx, scan, split, entry);
    }

    /**
     * Emits the on-stack replacement entry of the function instead (see {@link OsrCodegen}): the same body,
     * entered at one of its loop headers with the locals of an interpreter frame. Returns whether any loop
     * got an entry.
     */
    boolean emitOsr() {
        osr = new OsrCodegen(this);
        emit();
        return osr.any();
    }

    /** The on-stack replacement entry being emitted, or null for the function's own method. */
    private OsrCodegen osr;

    void emit() {
        if (entry != null) {
            emitRegion();
            return;
        }
        // Set before any path into the body (an OSR entry jumps to a loop header): the handlers read it.
        cb.iconst_0();
        cb.istore(atSlot);
        // Before any path into the body too (an OSR entry's interpreter frame left its fuel in the instance).
        if (fuelLocal) loadFuel();
        Label ok = cb.newLabel();
        // The instance's limit (InstanceLimits.maxCallDepth, at most the process's): one field load per call.
        cb.iload(depthSlot);
        cb.aload(instSlot);
        cb.getfield(CD_INST, "maxDepth", CD_int);
        cb.if_icmple(ok);
        support(cb, "exhausted", CD_TRAP);
        cb.athrow();
        cb.labelBinding(ok);
        if (split != null) split.allocate(this);
        if (osr != null) osr.prologue();
        Label vAlloc = cb.newLabel(), vReady = cb.newLabel();
        if (vSlot >= 0) {
            // The file's size is known only after the body: allocate it at the end and come back.
            cb.goto_(vAlloc);
            cb.labelBinding(vReady);
        }
        for (var e : vConsts.entrySet()) {
            for (int half = 0; half < 2; half++) {
                cb.aload(vSlot);
                cb.loadConstant(e.getValue() + half);
                cb.loadConstant(e.getKey().get(half));
                cb.lastore();
            }
        }
        for (int i = 0; i < type.params().size(); i++) {
            if (localType[i] != ValType.V128) continue;
            for (int half = 0; half < 2; half++) {
                cb.aload(vSlot);
                cb.loadConstant(localSlot[i] + half);
                cb.lload(vParamSlot[i] + 2 * half);
                cb.lastore();
            }
        }
        cb.labelBinding(again);
        for (int i = type.params().size(); i < localType.length; i++) {
            if (localType[i] == ValType.V128) continue;   // the new file is zero
            switch (localType[i]) {
                case I32 -> cb.iconst_0();
                case I64 -> cb.lconst_0();
                case F32 -> cb.fconst_0();
                case F64 -> cb.dconst_0();
                default -> cb.aconst_null();
            }
            cb.storeLocal(kind(localType[i]), localSlot[i]);
        }
        if (scan.calls() && fuel == null) {
            // (A self tail call jumps to here with new arguments: locals zeroed above, budget counted below.)
            // Recursion without loops must be interruptible too: a per-instance countdown of calls
            // (a plain field: racy between threads, which only shifts when a poll happens). Metered code
            // polls in its fuel charges instead.
            Label go = cb.newLabel();
            if (!scan.anyTail()) {
                // Only calls at even depths count. Between two counted calls runs at most one odd-depth body
                // (its loops poll), so polls stay a bounded time apart, and recursion pays the store and load
                // through the instance on half its calls (fib(27) 1.18 -> 1.04 ms). Tail calls keep the depth,
                // so a function making one counts at every depth: a cycle of them could stay at an odd one.
                cb.iload(depthSlot);
                cb.iconst_1();
                cb.iand();
                cb.ifne(go);
            }
            cb.aload(instSlot);
            cb.dup();
            cb.getfield(CD_INST, "callBudget", CD_int);
            cb.iconst_1();
            cb.isub();
            cb.dup_x1();
            cb.putfield(CD_INST, "callBudget", CD_int);
            cb.ifge(go);
            cb.aload(instSlot);
            support(cb, "pollCalls", CD_void, CD_INST);
            cb.labelBinding(go);
        }
        if (scan.memory()) reloadMem();
        if (scan.loops() && fuel == null) {
            cb.loadConstant(Interpreter.BUDGET);
            cb.istore(budgetSlot);
        }
        Label start = cb.newBoundLabel();
        if (fuel != null) chargeFuel(fuel.entry);
        Ctl f = new Ctl();
        f.kind = FUNC;
        f.label = cb.newLabel();
        f.height = 0;
        f.params = new ValType[0];
        f.results = type.results().toArray(new ValType[0]);
        ctrls.add(f);
        body(0);
        // Exception dispatch, out of line: only a throw runs it.
        for (Runnable d : deferred) d.run();
        if (osr != null) osr.epilogue();
        Label end = cb.newBoundLabel();
        // An entry by on-stack replacement adds no frame to a trap: the interpreter's frame is still there.
        int frame = osr != null ? -1 : funcidx;
        cb.exceptionCatch(start, end, end, CD_RTE);
        writeBackFuelIfOwned();
        cb.aload(instSlot);
        cb.loadConstant(frame);
        frameOffset();
        cb.invokestatic(CD_SUPPORT, "unwind", UNWIND);
        cb.athrow();
        Label overflow = cb.newBoundLabel();
        cb.exceptionCatch(start, end, overflow, CD_SOE);
        writeBackFuelIfOwned();
        cb.aload(instSlot);
        cb.loadConstant(frame);
        frameOffset();
        cb.invokestatic(CD_SUPPORT, "overflow", OVERFLOW);
        cb.athrow();
        if (vSlot >= 0) {
            cb.labelBinding(vAlloc);
            // A split function's regions are emitted by now: the file holds what the largest of them uses.
            cb.loadConstant(vBase + 2 * (split == null ? vMax : Math.max(vMax, split.vMax)));
            cb.newarray(TypeKind.LONG);
            cb.astore(vSlot);
            cb.goto_(vReady);
        }
    }

    /** Emits instructions until the control stack is down to floor frames (0: the function's end). */
    private void body(int floor) {
        int lastAt = 0;
        while (ctrls.size() > floor) {
            if (unreachable) {
                step(skipDead());
                continue;
            }
            int at = (int) (r.offset() - codeOffset);
            Instruction in = InstructionReader.next(r);
            if (in.mayTrap() && at != lastAt) {
                cb.loadConstant(at);
                cb.istore(atSlot);
                lastAt = at;
            }
            step(in);
        }
    }

    /**
     * Emits an outlined region's method (see {@link BodySplitter}): from the region's opcode to its end, with
     * its caller's frames below as exits; falling out of its end is exit 0.
     */
    private void emitRegion() {
        Label start = split.prologue(this);
        step(InstructionReader.next(r));   // the region's own block, loop or if (none of them traps)
        body(entry.outside().size());
        if (!unreachable) split.exit(this, 0, entry.results().length);
        for (Runnable d : deferred) d.run();
        split.epilogue(this, start, cb.newBoundLabel());
    }

    // ---- control ----

    private Instruction skipDead() { return InstructionReader.skipDead(r); }

    FunctionType blockType() { return InstructionReader.blockType(r, mod); }

    private Ctl enter(int kind, FunctionType bt) {
        Ctl c = new Ctl();
        c.kind = kind;
        c.params = bt.params().toArray(new ValType[0]);
        c.results = bt.results().toArray(new ValType[0]);
        c.height = sp - c.params.length;
        c.base = c.savedBase = jvmBase;
        c.enclosing = inside(ctrls.get(ctrls.size() - 1));
        ctrls.add(c);
        return c;
    }

    private Ctl target(int depth) { return ctrls.get(ctrls.size() - 1 - depth); }

    /** Values above the label's arity that a branch to c must drop. */
    private int extras(Ctl c) { return sp - c.height - c.labelTypes().length; }

    /** A branch to c is a plain jump: nothing to drop, and c's label sees the same JVM stack base. */
    private boolean direct(Ctl c) { return !c.outside && extras(c) == 0 && c.base == jvmBase; }

    /** Spill slot of type-stack entry i. */
    private int spillSlot(int i) { return scratchSlot(stack[i], 1 << 20 | i); }

    /** Loads the spilled entries [from, to) back onto the JVM stack. */
    private void unspill(int from, int to) {
        for (int j = from; j < to; j++) if (stack[j] != ValType.V128) cb.loadLocal(kind(stack[j]), spillSlot(j));
    }

    /** At a loop entered with scalars below its params: moves those to spill locals (see jvmBase). */
    private void spillBelow(Ctl c) {
        boolean any = false;
        for (int j = jvmBase; j < c.height; j++) any |= stack[j] != ValType.V128;
        if (!any) return;
        int n = c.params.length;
        for (int i = n - 1; i >= 0; i--) if (c.params[i] != ValType.V128) cb.storeLocal(kind(c.params[i]), scratchSlot(c.params[i], i));
        for (int j = c.height - 1; j >= jvmBase; j--) if (stack[j] != ValType.V128) cb.storeLocal(kind(stack[j]), spillSlot(j));
        for (int i = 0; i < n; i++) if (c.params[i] != ValType.V128) cb.loadLocal(kind(c.params[i]), scratchSlot(c.params[i], i));
        jvmBase = c.base = c.height;
    }

    /** Moves the label's values down over the extras, then jumps (unconditionally) to c. */
    void jump(Ctl c) {
        int n = c.labelTypes().length;
        if (c.outside) {
            split.exit(this, ctrls.indexOf(c) + 1, n);
            return;
        }
        int x = extras(c);
        if (x > 0 || c.base != jvmBase) {
            for (int i = n - 1; i >= 0; i--) {
                ValType t = stack[sp - n + i];
                if (t != ValType.V128) cb.storeLocal(kind(t), scratchSlot(t, i));
            }
            for (int j = sp - n - 1; j >= Math.max(c.height, jvmBase); j--) jvmPop(stack[j]);
            unspill(c.base, Math.min(c.height, jvmBase));
            int to = vAt(c.height);
            for (int i = 0; i < n; i++) {
                ValType t = stack[sp - n + i];
                if (t != ValType.V128) {
                    cb.loadLocal(kind(t), scratchSlot(t, i));
                } else {
                    // Down over the extras; ascending order never overwrites a pair still to be moved.
                    vCopy(to, vAt(sp - n + i));
                    to += 2;
                }
            }
        }
        if (c.kind != LOOP) c.endReachable = true;
        cb.goto_(c.label);
    }

    private void emitReturn() {
        writeBackFuel();
        List<ValType> rs = type.results();
        int n = rs.size();
        switch (n) {
            case 0 -> cb.return_();
            case 1 -> {
                if (rs.get(0) == ValType.V128) vget(vTop(0));
                cb.return_(kind(rs.get(0)));
            }
            default -> {
                for (int i = n - 1; i >= 0; i--) {
                    if (rs.get(i) != ValType.V128) cb.storeLocal(kind(rs.get(i)), scratchSlot(rs.get(i), i));
                }
                cb.loadConstant(n);
                cb.anewarray(CD_Object);
                for (int i = 0; i < n; i++) {
                    cb.dup();
                    cb.loadConstant(i);
                    if (rs.get(i) == ValType.V128) vget(vAt(sp - n + i));
                    else cb.loadLocal(kind(rs.get(i)), scratchSlot(rs.get(i), i));
                    box(cb, rs.get(i));
                    cb.aastore();
                }
                cb.areturn();
            }
        }
    }

    private void end() {
        Ctl c = ctrls.remove(ctrls.size() - 1);
        if (!unreachable) c.endReachable = true;
        if (c.kind == FUNC) {
            if (c.endReachable) {
                sp = c.height;
                for (ValType t : c.results) push(t);
                cb.labelBinding(c.label);
                emitReturn();
            }
            return;
        }
        if (c.kind == IF && c.elseLabel != null) {
            // No else: the false path carries the params, which are the results.
            cb.labelBinding(c.elseLabel);
            c.endReachable = true;
        }
        if (c.kind == TRY_TABLE) closeTryTable(c);
        if (c.kind == TRY && !c.inCatch) closeTry(c, false, null);
        if (c.kind != LOOP && c.endReachable) cb.labelBinding(c.label);
        if ((c.kind == LOOP || c.kind == TRY_TABLE || c.kind == TRY) && c.base != c.savedBase) {
            // Only the fall-through reaches a loop's end (and a try's end has only the results on the JVM
            // stack): put back what spillBelow moved out, under the results.
            if (c.endReachable) {
                int n = c.results.length;
                for (int i = n - 1; i >= 0; i--) if (c.results[i] != ValType.V128) cb.storeLocal(kind(c.results[i]), scratchSlot(c.results[i], i));
                unspill(c.savedBase, c.height);
                for (int i = 0; i < n; i++) if (c.results[i] != ValType.V128) cb.loadLocal(kind(c.results[i]), scratchSlot(c.results[i], i));
            }
            jvmBase = c.savedBase;
        }
        sp = c.height;
        for (ValType t : c.results) push(t);
        unreachable = !c.endReachable;
    }

    private void brTable() {
        int n = r.u32();
        int[] depths = new int[n + 1];
        for (int i = 0; i <= n; i++) depths[i] = r.u32();
        flush();
        pop();
        Map<Ctl, Label> tramps = new LinkedHashMap<>();
        Label[] labels = new Label[n + 1];
        for (int i = 0; i <= n; i++) {
            Ctl c = target(depths[i]);
            if (direct(c)) {
                labels[i] = c.label;
                if (c.kind != LOOP) c.endReachable = true;
            } else {
                labels[i] = tramps.computeIfAbsent(c, k -> cb.newLabel());
            }
        }
        if (n == 0) {
            cb.pop();
            cb.goto_(labels[0]);
        } else {
            List<SwitchCase> cases = new ArrayList<>(n);
            for (int i = 0; i < n; i++) cases.add(SwitchCase.of(i, labels[i]));
            cb.tableswitch(0, n - 1, labels[n], cases);
        }
        for (var e : tramps.entrySet()) {
            cb.labelBinding(e.getValue());
            jump(e.getKey());
        }
        unreachable = true;
    }

    // ---- exception handling ----
    //
    // A try body is a JVM exception range whose handler (emitted out of line, after the body) matches the
    // caught Exn to a clause by tag identity, hands the payload to the clause's label and jumps there, or
    // passes the exception to the enclosing try's handler. The JVM clears its operand stack for a handler,
    // so a try first moves the values below it to spill locals (as a loop does), from which a handler
    // rebuilds what its target label expects.

    private final List<Runnable> deferred = new ArrayList<>();
    private int tries;

    /** The handler in effect for code directly inside c: its own while in a try body, else the one around it. */
    private static Label inside(Ctl c) {
        return c.handler != null && !c.inCatch ? c.handler : c.enclosing;
    }

    private Ctl tryEnter(int kind, FunctionType bt) {
        Ctl c = enter(kind, bt);
        spillBelow(c);
        c.label = cb.newLabel();
        c.handler = cb.newLabel();
        c.tryStart = cb.newBoundLabel();
        cb.nop();   // an exception range must not be empty
        return c;
    }

    private void tryTable() {
        FunctionType bt = blockType();
        int n = r.u32();
        int[] clauses = new int[3 * n];
        for (int i = 0; i < n; i++) {
            clauses[3 * i] = r.u8();
            clauses[3 * i + 1] = clauses[3 * i] < 2 ? r.u32() : -1;
            clauses[3 * i + 2] = r.u32();
        }
        // Each clause's landing is fixed now: its label's frame is outside the try_table.
        int xSlot = scratchSlot(ValType.EXTERNREF, 2 << 20 | tries++);
        List<Runnable> landings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = clauses[3 * i];
            Ctl l = target(clauses[3 * i + 2]);
            if (l.kind != LOOP) l.endReachable = true;
            List<ValType> payload = kind < 2 ? mod.tagType(clauses[3 * i + 1]).params() : List.of();
            landings.add(landing(l.label, l.base, l.height, payload, kind == 1 || kind == 3, xSlot));
        }
        Ctl c = tryEnter(TRY_TABLE, bt);
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) tags.add(clauses[3 * i + 1]);
        c.clauseTags = tags;
        c.clauseLandings = landings;
        c.exnSlot = xSlot;
    }

    private void closeTryTable(Ctl c) {
        Label end = cb.newBoundLabel();
        cb.exceptionCatch(c.tryStart, end, c.handler, CD_EXN);
        dispatch(c);
    }

    /**
     * Ends a legacy try's body: its range is closed, the dispatch is deferred (clauses may still follow).
     * A delegate passes what it catches to delegateTo, the handler around its target (null: the caller).
     */
    private void closeTry(Ctl c, boolean delegate, Label delegateTo) {
        Label end = cb.newBoundLabel();
        cb.exceptionCatch(c.tryStart, end, c.handler, CD_EXN);
        c.inCatch = true;
        Label h = c.handler;
        if (delegate) {
            Label out = delegateTo;
            deferred.add(() -> {
                cb.labelBinding(h);
                passOut(out);
            });
        } else {
            deferred.add(() -> dispatch(c));
        }
    }

    /** The handler: the first clause whose tag matches (or catch_all) lands; else the exception goes on. */
    private void dispatch(Ctl c) {
        Runnable emit = () -> {
            cb.labelBinding(c.handler);
            cb.astore(c.exnSlot);
            reloadFuelIfLent();
            for (int i = 0; i < c.clauseTags.size(); i++) {
                int tag = c.clauseTags.get(i);
                Label next = cb.newLabel();
                if (tag >= 0) {
                    cb.aload(c.exnSlot);
                    cb.checkcast(CD_EXN);
                    cb.getfield(CD_EXN, "tag", CD_TAG);
                    cb.aload(instSlot);
                    cb.getfield(CD_INST, "tags", CD_TAG.arrayType());
                    cb.loadConstant(tag);
                    cb.aaload();
                    cb.if_acmpne(next);
                }
                c.clauseLandings.get(i).run();
                if (tag < 0) return;   // catch_all: what follows is unreachable
                cb.labelBinding(next);
            }
            cb.aload(c.exnSlot);
            passOut(c.enclosing);
        };
        if (c.kind == TRY) emit.run();
        else deferred.add(emit);
    }

    /** With the exception on the JVM stack: to the enclosing handler, or out of the function. */
    private void passOut(Label handler) {
        cb.checkcast(CD_EXN);
        if (handler != null) cb.goto_(handler);
        else cb.athrow();
    }

    /** A legacy catch or catch_all clause: the previous body or clause falls through to the end. */
    private void catchClause(int tag) {
        Ctl c = ctrls.get(ctrls.size() - 1);
        if (!c.inCatch) closeTry(c, false, null);
        if (!unreachable) {
            c.endReachable = true;
            cb.goto_(c.label);
        }
        Label code = cb.newBoundLabel();
        List<ValType> payload = tag >= 0 ? mod.tagType(tag).params() : List.of();
        sp = c.height;
        c.clauseTags.add(tag);
        c.clauseLandings.add(landing(code, c.base, c.height, payload, false, c.exnSlot));
        for (ValType t : payload) push(t);
        unreachable = false;
    }

    /**
     * Code (emitted later, out of line) that rebuilds the JVM stack a label at (base, height) expects from
     * the spill locals, puts exception xSlot's payload (and the exnref when ref) above it, and jumps there.
     */
    private Runnable landing(Label target, int base, int height, List<ValType> payload, boolean ref, int xSlot) {
        List<TypeKind> kinds = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int j = base; j < height; j++) {
            if (stack[j] == ValType.V128) continue;
            kinds.add(kind(stack[j]));
            slots.add(spillSlot(j));
        }
        int v0 = vAt(height);
        return () -> {
            if (scan.memory()) reloadMem();
            for (int k = 0; k < kinds.size(); k++) cb.loadLocal(kinds.get(k), slots.get(k));
            int slot = 0, v = v0;
            for (ValType t : payload) {
                if (t == ValType.V128) {
                    for (int half = 0; half < 2; half++) {
                        cb.aload(vSlot);
                        cb.loadConstant(v + half);
                        exnField(xSlot, "bits", CD_LONGS, slot + half);
                        cb.laload();
                        cb.lastore();
                    }
                    v += 2;
                    slot += 2;
                    continue;
                }
                if (t.isReference()) {
                    exnField(xSlot, "refs", CD_OBJS, slot);
                    cb.aaload();
                } else {
                    exnField(xSlot, "bits", CD_LONGS, slot);
                    cb.laload();
                    fromBits(cb, t);
                }
                slot++;
            }
            if (ref) cb.aload(xSlot);
            cb.goto_(target);
        };
    }

    private void exnField(int xSlot, String field, ClassDesc type, int index) {
        cb.aload(xSlot);
        cb.checkcast(CD_EXN);
        cb.getfield(CD_EXN, field, type);
        cb.loadConstant(index);
    }

    /** throw: the payload goes from the JVM stack (and the vector file) into a new Exn, which is thrown. */
    private void throwTag(int tag) {
        List<ValType> ps = mod.tagType(tag).params();
        int n = ps.size();
        int[] v = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            v[i] = vAt(sp - n + i);
            if (ps.get(i) != ValType.V128) cb.storeLocal(kind(ps.get(i)), scratchSlot(ps.get(i), 3 << 20 | i));
        }
        sp -= n;
        cb.aload(instSlot);
        cb.loadConstant(tag);
        support(cb, "exn", CD_EXN, CD_INST, CD_int);
        for (int i = 0, slot = 0; i < n; i++) {
            ValType t = ps.get(i);
            if (t == ValType.V128) {
                for (int half = 0; half < 2; half++) {
                    cb.dup();
                    cb.getfield(CD_EXN, "bits", CD_LONGS);
                    cb.loadConstant(slot + half);
                    cb.aload(vSlot);
                    cb.loadConstant(v[i] + half);
                    cb.laload();
                    cb.lastore();
                }
                slot += 2;
                continue;
            }
            cb.dup();
            cb.getfield(CD_EXN, t.isReference() ? "refs" : "bits", t.isReference() ? CD_OBJS : CD_LONGS);
            cb.loadConstant(slot++);
            cb.loadLocal(kind(t), scratchSlot(t, 3 << 20 | i));
            if (t.isReference()) {
                cb.aastore();
            } else {
                toBits(cb, t);
                cb.lastore();
            }
        }
        cb.athrow();
        unreachable = true;
    }

    // ---- the instructions ----

    /** Pushes the module offset of the last trapping instruction reached (a long), for the frame. */
    private void frameOffset() {
        if (split != null) split.trapAt(this);
        else cb.iload(atSlot);
        cb.i2l();
        cb.loadConstant(codeOffset);
        cb.ladd();
    }

    private void step(Instruction in) {
        switch (in) {
            // Control flow joins must see one v128 layout; a pending compare survives only into what branches on it.
            case BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, CALL, CALL_INDIRECT, RETURN_CALL, RETURN_CALL_INDIRECT,
                 CALL_REF, RETURN_CALL_REF, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL,
                 SELECT, SELECT_T, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE, THROW, THROW_REF, RETHROW -> {
                if (vSlot >= 0) materialize(-1);
            }
            default -> { }
        }
        switch (in) {
            case IF, BR_IF, SELECT, SELECT_T -> { }
            default -> flush();
        }
        if (split != null && (in == Instruction.BLOCK || in == Instruction.LOOP || in == Instruction.IF) && split.outline(this, in)) return;
        switch (in) {
            case UNREACHABLE -> {
                support(cb, "unreachable", CD_TRAP);
                cb.athrow();
                unreachable = true;
            }
            case NOP -> { }
            case BLOCK -> {
                Ctl c = enter(BLOCK, blockType());
                c.label = cb.newLabel();
            }
            case LOOP -> {
                int at = r.pos();
                Ctl c = enter(LOOP, blockType());
                spillBelow(c);
                c.label = cb.newBoundLabel();
                if (osr != null && sp == 0 && c.params.length == 0) osr.header(at);
                if (fuel != null) chargeFuel(fuel.loop(at));
                if (fuel == null) {
                    // Interrupt poll on every iteration, through a countdown in a local (metered code's is its charge).
                    Label go = cb.newLabel();
                    cb.iinc(budgetSlot, -1);
                    cb.iload(budgetSlot);
                    cb.ifge(go);
                    cb.aload(instSlot);
                    support(cb, "poll", CD_int, CD_INST);
                    cb.istore(budgetSlot);
                    cb.labelBinding(go);
                }
            }
            case IF -> {
                FunctionType bt = blockType();
                Opcode cond = condition();
                Ctl c = enter(IF, bt);
                c.label = cb.newLabel();
                c.elseLabel = cb.newLabel();
                cb.branch(negate(cond), c.elseLabel);
            }
            case ELSE -> {
                Ctl c = ctrls.get(ctrls.size() - 1);
                if (!unreachable) {
                    c.endReachable = true;
                    cb.goto_(c.label);
                }
                cb.labelBinding(c.elseLabel);
                c.elseLabel = null;
                sp = c.height;
                for (ValType t : c.params) push(t);
                unreachable = false;
            }
            case END -> end();
            case TRY_TABLE -> tryTable();
            case TRY -> {
                Ctl c = tryEnter(TRY, blockType());
                c.exnSlot = scratchSlot(ValType.EXTERNREF, 2 << 20 | tries++);
                c.clauseTags = new ArrayList<>();
                c.clauseLandings = new ArrayList<>();
            }
            case CATCH, CATCH_ALL -> catchClause(in == Instruction.CATCH ? r.u32() : -1);
            case DELEGATE -> {
                Ctl c = ctrls.get(ctrls.size() - 1);
                closeTry(c, true, inside(ctrls.get(ctrls.size() - 2 - r.u32())));
                end();
            }
            case THROW -> throwTag(r.u32());
            case THROW_REF -> {
                pop();
                support(cb, "throwRef", CD_RTE, CD_Object);
                cb.athrow();
                unreachable = true;
            }
            case RETHROW -> {
                cb.aload(target(r.u32()).exnSlot);
                cb.checkcast(CD_EXN);
                cb.athrow();
                unreachable = true;
            }
            case BR -> {
                jump(target(r.u32()));
                unreachable = true;
            }
            case BR_IF -> {
                Ctl c = target(r.u32());
                Opcode cond = condition();
                if (direct(c)) {
                    if (c.kind != LOOP) c.endReachable = true;
                    cb.branch(cond, c.label);
                } else {
                    Label skip = cb.newLabel();
                    cb.branch(negate(cond), skip);
                    jump(c);
                    cb.labelBinding(skip);
                }
            }
            case BR_ON_NULL -> {
                // Taken on null, which the branch drops; otherwise the reference stays.
                Ctl c = target(r.u32());
                Label nonNull = cb.newLabel();
                cb.dup();
                cb.ifnonnull(nonNull);
                cb.pop();
                ValType t = pop();
                jump(c);
                cb.labelBinding(nonNull);
                push(t);
            }
            case BR_ON_NON_NULL -> {
                // Taken with the reference as the label's last value; on null it is dropped.
                Ctl c = target(r.u32());
                Label isNull = cb.newLabel();
                cb.dup();
                cb.ifnull(isNull);
                jump(c);
                cb.labelBinding(isNull);
                cb.pop();
                pop();
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                // Taken (on a cast that succeeds, or fails) with the reference as the label's last value.
                int flags = r.u8();
                Ctl c = target(r.u32());
                InstructionReader.heapType(r, mod);
                dev.gatun.model.HeapType h = InstructionReader.heapType(r, mod);
                Label stay = cb.newLabel();
                cb.dup();
                castTest(h, (flags & 2) != 0, false);
                if (in == Instruction.BR_ON_CAST) cb.ifeq(stay);
                else cb.ifne(stay);
                jump(c);
                cb.labelBinding(stay);
            }
            case REF_EQ -> gc(in);
            case REF_AS_NON_NULL -> {
                Label ok = cb.newLabel();
                cb.dup();
                cb.ifnonnull(ok);
                support(cb, "nullReference", CD_TRAP);
                cb.athrow();
                cb.labelBinding(ok);
            }
            case BR_TABLE -> brTable();
            case RETURN -> {
                // In a region's method, a return is a branch to the function's frame, which is the caller's.
                if (entry != null) jump(ctrls.get(0));
                else emitReturn();
                unreachable = true;
            }
            case CALL -> call(r.u32());
            case CALL_INDIRECT -> {
                int t = r.u32();
                callIndirect(t, r.u32());
            }
            case RETURN_CALL -> returnCall(r.u32());
            case CALL_REF -> callRef(r.u32(), false);
            case RETURN_CALL_REF -> callRef(r.u32(), true);
            case RETURN_CALL_INDIRECT -> {
                int t = r.u32();
                returnCallIndirect(t, r.u32());
            }
            case DROP -> jvmPop(pop());
            case SELECT, SELECT_T -> {
                if (in == Instruction.SELECT_T) {
                    int n = r.u32();
                    for (int i = 0; i < n; i++) InstructionReader.skipValType(r);
                }
                Opcode cond = condition();
                ValType t = pop();
                if (t == ValType.V128) {
                    Label keep = cb.newLabel();
                    cb.branch(cond, keep);
                    vCopy(vTop(0), vAt(sp));
                    cb.labelBinding(keep);
                    return;
                }
                Label keepFirst = cb.newLabel(), done = cb.newLabel();
                cb.branch(cond, keepFirst);
                if (wide(t)) {
                    cb.dup2_x2();
                    cb.pop2();
                    cb.pop2();
                } else {
                    cb.swap();
                    cb.pop();
                }
                cb.goto_(done);
                cb.labelBinding(keepFirst);
                jvmPop(t);
                cb.labelBinding(done);
            }
            case LOCAL_GET -> {
                int x = r.u32();
                if (localType[x] == ValType.V128) {
                    pushFrom(localSlot[x]);
                    return;
                }
                cb.loadLocal(kind(localType[x]), localSlot[x]);
                push(localType[x]);
            }
            case LOCAL_SET -> {
                int x = r.u32();
                if (localType[x] == ValType.V128) {
                    materialize(localSlot[x]);
                    vCopy(localSlot[x], vIn(0));
                }
                pop();
                if (localType[x] == ValType.V128) return;
                cb.storeLocal(kind(localType[x]), localSlot[x]);
            }
            case LOCAL_TEE -> {
                int x = r.u32();
                if (localType[x] == ValType.V128) {
                    materialize(localSlot[x]);
                    vCopy(localSlot[x], vIn(0));
                    return;
                }
                if (wide(localType[x])) cb.dup2();
                else cb.dup();
                cb.storeLocal(kind(localType[x]), localSlot[x]);
            }
            case GLOBAL_GET -> {
                int x = r.u32();
                ValType t = mod.globals().get(x).valType();
                if (t == ValType.V128) {
                    push(t);
                    vGlobal("gV128", vTop(0), x);
                    return;
                }
                cb.aload(instSlot);
                cb.loadConstant(x);
                support(cb, "g" + suffix(t), desc(t), CD_INST, CD_int);
                push(t);
            }
            case GLOBAL_SET -> {
                int x = r.u32();
                ValType t = mod.globals().get(x).valType();
                if (t == ValType.V128) vGlobal("sV128", vIn(0), x);
                pop();
                if (t == ValType.V128) return;
                cb.aload(instSlot);
                cb.loadConstant(x);
                support(cb, "s" + suffix(t), CD_void, desc(t), CD_INST, CD_int);
            }
            case TABLE_GET -> {
                int t = r.u32();
                toRaw(pop());
                cb.aload(instSlot);
                cb.loadConstant(t);
                support(cb, "tableGet", CD_Object, CD_long, CD_INST, CD_int);
                push(mod.tables().get(t).elementType());
            }
            case TABLE_SET -> {
                int t = r.u32();
                operandsToRaw(2);
                cb.aload(instSlot);
                cb.loadConstant(t);
                support(cb, "tableSet", CD_void, CD_long, CD_Object, CD_INST, CD_int);
            }
            case MEMORY_SIZE -> {
                int k = r.u32();
                cb.aload(instSlot);
                cb.loadConstant(k);
                support(cb, "memSize", CD_long, CD_INST, CD_int);
                fromRaw(memAddr(k));
                // Another thread may have grown a shared memory: accesses up to the size just read must work.
                if (k == 0) reloadMem();
            }
            case MEMORY_GROW -> {
                int k = r.u32();
                toRaw(pop());
                cb.aload(instSlot);
                cb.loadConstant(k);
                support(cb, "memGrow", CD_long, CD_long, CD_INST, CD_int);
                fromRaw(memAddr(k));
                if (k == 0) reloadMem();
            }
            case I32_CONST -> {
                cb.loadConstant(r.s32());
                push(ValType.I32);
            }
            case I64_CONST -> {
                cb.loadConstant(r.s64());
                push(ValType.I64);
            }
            case F32_CONST -> {
                int bits = r.f32bits();
                float v = Float.intBitsToFloat(bits);
                if (Float.isNaN(v) || (v == 0 && bits != 0)) {
                    cb.loadConstant(bits);
                    cb.invokestatic(CD_FLOAT, "intBitsToFloat", MethodTypeDesc.of(CD_float, CD_int));
                } else {
                    cb.loadConstant(v);
                }
                push(ValType.F32);
            }
            case F64_CONST -> {
                long bits = r.f64bits();
                double v = Double.longBitsToDouble(bits);
                if (Double.isNaN(v) || (v == 0 && bits != 0)) {
                    cb.loadConstant(bits);
                    cb.invokestatic(CD_DOUBLE, "longBitsToDouble", MethodTypeDesc.of(CD_double, CD_long));
                } else {
                    cb.loadConstant(v);
                }
                push(ValType.F64);
            }
            case REF_NULL -> {
                cb.aconst_null();
                push(ValueType.ref(true, InstructionReader.heapType(r, mod)).kind());
            }
            case REF_IS_NULL -> {
                pop();
                push(ValType.I32);
                pending = Opcode.IFNULL;
            }
            case REF_FUNC -> {
                int x = r.u32();
                cb.aload(instSlot);
                cb.loadConstant(x);
                support(cb, "refFunc", CD_Object, CD_INST, CD_int);
                push(ValType.FUNCREF);
            }
            default -> {
                if (in.prefix == Instruction.PREFIX_GC) gc(in);
                else if (in.prefix == Instruction.PREFIX_SIMD) simd(in);
                else if (in.prefix == Instruction.PREFIX_MISC) prefixed(in);
                else if (in.prefix == Instruction.PREFIX_ATOMIC) atomic(in);
                else if (in.accessBytes > 0) memory(in);
                else numeric(in);
            }
        }
    }
}
