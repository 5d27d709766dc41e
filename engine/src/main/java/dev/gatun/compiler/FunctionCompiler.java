package dev.gatun.compiler;

import dev.gatun.interpreter.Interpreter;
import dev.gatun.interpreter.SimdTranslator;
import dev.gatun.interpreter.Translator;
import dev.gatun.FunctionType;
import dev.gatun.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
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
 * v128 operand stack position]}, and each SIMD instruction is a call to its {@link dev.gatun.vector.Simd}
 * kernel with constant indexes (the kernels tier 1 runs, so both tiers share one set of SIMD semantics).
 * Scalars cross in and out of kernels through the scratch pair. The array is allocated once per call.
 */
public final class FunctionCompiler {
    private static final int BLOCK = 0, LOOP = 1, IF = 2, FUNC = 3;
    private static final MethodTypeDesc UNWIND = MethodTypeDesc.of(CD_RTE, CD_RTE, CD_INST, CD_int);
    /** The vector register file's pair where scalars cross into and out of kernels. */
    private static final int VSCRATCH = 0;

    private static final class Ctl {
        int kind;
        Label label;       // branch target: end of block/if/function, start of loop
        Label elseLabel;   // an if's false path until its else (or end) is seen
        int height;        // type-stack height below the frame's params
        int base;          // jvmBase at the frame's label
        int savedBase;     // a loop that spilled what was below it: the jvmBase to restore at its end
        ValType[] params, results;
        boolean endReachable;

        ValType[] labelTypes() { return kind == LOOP ? params : results; }
    }

    private final Compiler.ModuleGen g;
    private final CodeBuilder cb;
    private final WasmModule mod;
    private final int funcidx;
    private final FunctionType type;
    private final Compiler.Scan scan;
    private final WasmReader r;
    private final int[] localSlot;
    /** Each parameter's JVM slot (for a v128, localSlot is its pair in the file). */
    private final int[] vParamSlot;
    private final ValType[] localType;
    private final int instSlot, depthSlot, memSlot, budgetSlot;
    /** The vector register file's JVM local (see {@link #vAt}), or -1 when the body has no v128. */
    private final int vSlot;
    /** First file index of the operand-stack pairs (after the scratch pair and the v128 locals). */
    private final int vBase;
    /** The file pair of each distinct v128.const, filled once at entry (key: its low and high halves). */
    private final Map<List<Long>, Integer> vConsts = new LinkedHashMap<>();
    /** Most v128 values ever on the operand stack at once. */
    private int vMax;
    private int nextSlot;
    private final Map<Long, Integer> scratch = new HashMap<>();

    private ValType[] stack = new ValType[16];
    /** For each v128 on the type stack, the file pair that holds its value now (see {@link #pushFrom}). */
    private int[] vSrc = new int[16];
    private int sp;
    private final List<Ctl> ctrls = new ArrayList<>();
    private boolean unreachable;
    /**
     * Type-stack entries below this index are not on the JVM stack but in spill locals (one per index and
     * kind): a loop entered with values below it spills them, because HotSpot cannot OSR-compile a loop
     * whose header has a non-empty JVM stack, and a long single call (a whole-frame image filter) would
     * otherwise run in the bytecode interpreter. Wasm code inside the loop cannot touch those values.
     */
    private int jvmBase;
    /** The branch opcode of a comparison whose 0/1 result is not materialised yet, or null. */
    private Opcode pending;

    FunctionCompiler(Compiler.ModuleGen g, CodeBuilder cb, int funcidx, Compiler.Scan scan) {
        this.g = g;
        this.cb = cb;
        this.mod = g.mod;
        this.funcidx = funcidx;
        this.type = mod.funcType(funcidx);
        this.scan = scan;
        WasmModule.FunctionBody body = mod.codes().get(funcidx - mod.importedFuncs());
        this.r = new WasmReader(body.code(), 0, body.code().length, body.codeOffset());
        int np = type.params().size();
        int n = np + body.locals().length;
        localSlot = new int[n];
        localType = new ValType[n];
        int slot = 0;
        int vreg = VSCRATCH + 2;
        vParamSlot = new int[np];
        for (int i = 0; i < np; i++) {
            localType[i] = type.params().get(i);
            vParamSlot[i] = slot;
            if (localType[i] == ValType.V128) {
                localSlot[i] = vreg;   // copied into the file at entry
                vreg += 2;
            } else {
                localSlot[i] = slot;
            }
            slot += slots(localType[i]);
        }
        instSlot = slot++;
        depthSlot = slot++;
        for (int i = np; i < n; i++) {
            localType[i] = body.locals()[i - np];
            if (localType[i] == ValType.V128) {
                localSlot[i] = vreg;   // an index in the vector register file, not a JVM local
                vreg += 2;
                continue;
            }
            localSlot[i] = slot;
            slot += wide(localType[i]) ? 2 : 1;
        }
        if (scan.simd()) vreg = collectConstants(body, vreg);
        vBase = vreg;
        memSlot = slot++;
        budgetSlot = slot++;
        vSlot = scan.simd() ? slot++ : -1;
        nextSlot = slot;
    }

    /**
     * Gives each distinct v128.const of the body a file pair: compilers put constants inside loops, and
     * one filled at entry turns each use into a vector move instead of two long stores, which the next
     * kernel's 16-byte load could not forward from.
     */
    private int collectConstants(WasmModule.FunctionBody body, int vreg) {
        WasmReader s = new WasmReader(body.code(), 0, body.code().length, 0);
        while (!s.atEnd()) {
            Instruction in = InstructionReader.next(s);
            if (in == Instruction.V128_CONST) {
                List<Long> k = List.of(s.f64bits(), s.f64bits());
                if (!vConsts.containsKey(k)) {
                    vConsts.put(k, vreg);
                    vreg += 2;
                }
            } else {
                InstructionReader.skipImmediates(in, s);
            }
        }
        return vreg;
    }

    void emit() {
        Label ok = cb.newLabel();
        cb.iload(depthSlot);
        cb.loadConstant(CompiledSupport.MAX_DEPTH);
        cb.if_icmple(ok);
        rt(cb, "exhausted", CD_TRAP);
        cb.athrow();
        cb.labelBinding(ok);
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
        if (scan.calls()) {
            // Recursion without loops must be interruptible too: a per-instance countdown of calls
            // (a plain field: racy between threads, which only shifts when a poll happens).
            Label go = cb.newLabel();
            cb.aload(instSlot);
            cb.dup();
            cb.getfield(CD_INST, "callBudget", CD_int);
            cb.iconst_1();
            cb.isub();
            cb.dup_x1();
            cb.putfield(CD_INST, "callBudget", CD_int);
            cb.ifge(go);
            cb.aload(instSlot);
            rt(cb, "pollCalls", CD_void, CD_INST);
            cb.labelBinding(go);
        }
        if (scan.memory()) reloadMem();
        if (scan.loops()) {
            cb.loadConstant(Interpreter.BUDGET);
            cb.istore(budgetSlot);
        }
        Label start = cb.newBoundLabel();
        Ctl f = new Ctl();
        f.kind = FUNC;
        f.label = cb.newLabel();
        f.height = 0;
        f.params = new ValType[0];
        f.results = type.results().toArray(new ValType[0]);
        ctrls.add(f);
        while (!ctrls.isEmpty()) {
            step(unreachable ? skipDead() : InstructionReader.next(r));
        }
        Label end = cb.newBoundLabel();
        cb.exceptionCatch(start, end, end, CD_RTE);
        cb.aload(instSlot);
        cb.loadConstant(funcidx);
        cb.invokestatic(CD_RT, "unwind", UNWIND);
        cb.athrow();
        if (vSlot >= 0) {
            cb.labelBinding(vAlloc);
            cb.loadConstant(vBase + 2 * vMax);
            cb.newarray(TypeKind.LONG);
            cb.astore(vSlot);
            cb.goto_(vReady);
        }
    }

    // ---- stack bookkeeping ----

    private void push(ValType t) {
        if (sp == stack.length) {
            stack = java.util.Arrays.copyOf(stack, sp * 2);
            vSrc = java.util.Arrays.copyOf(vSrc, sp * 2);
        }
        stack[sp++] = t;
        if (t == ValType.V128) {
            vSrc[sp - 1] = vAt(sp - 1);
            vMax = Math.max(vMax, (vAt(sp - 1) - vBase) / 2 + 1);
        }
    }

    /** Pushes a v128 that is still in the pair src (a local's or a constant's), not yet copied to its own. */
    private void pushFrom(int src) {
        push(ValType.V128);
        vSrc[sp - 1] = src;
    }

    /** Where the v128 k places below the top is now: its own pair, or the local or constant it came from. */
    private int vIn(int k) { return vSrc[sp - 1 - k]; }

    /**
     * Copies pending v128 values (those still in another pair) to their own pairs, all of them or only
     * those in pair src: control flow joins must see one layout, and a local cannot change under them.
     */
    private void materialize(int src) {
        if (unreachable) return;
        for (int i = 0; i < sp; i++) {
            if (stack[i] != ValType.V128 || vSrc[i] == vAt(i) || src >= 0 && vSrc[i] != src) continue;
            vCopy(vAt(i), vSrc[i]);
            vSrc[i] = vAt(i);
        }
    }

    /**
     * The vector register file index of the v128 at type-stack position i: a v128 on the operand stack
     * lives in the file (pair by pair, in stack order), not on the JVM stack, so its index is fixed by how
     * many v128 values are below it, which validation makes the same on every path to a join.
     */
    private int vAt(int i) {
        int n = 0;
        for (int j = 0; j < i; j++) if (stack[j] == ValType.V128) n++;
        return vBase + 2 * n;
    }

    /** The file index of the v128 k places below the top of the stack. */
    private int vTop(int k) { return vAt(sp - 1 - k); }

    private ValType pop() { return stack[--sp]; }

    private ValType peek(int i) { return stack[sp - 1 - i]; }

    private void jvmPop(ValType t) {
        if (t == ValType.V128) return;   // in the file
        if (wide(t)) cb.pop2();
        else cb.pop();
    }

    private int scratchSlot(ValType t, int k) {
        long key = (long) kind(t).ordinal() << 32 | (k & 0xFFFF_FFFFL);
        Integer s = scratch.get(key);
        if (s == null) {
            s = nextSlot;
            nextSlot += wide(t) ? 2 : 1;
            scratch.put(key, s);
        }
        return s;
    }

    /** Materialises a pending comparison as an i32 0/1. */
    private void flush() {
        if (pending == null) return;
        Opcode op = pending;
        pending = null;
        Label t = cb.newLabel(), e = cb.newLabel();
        cb.branch(op, t);
        cb.iconst_0();
        cb.goto_(e);
        cb.labelBinding(t);
        cb.iconst_1();
        cb.labelBinding(e);
    }

    /** The branch opcode that tests the i32 condition on top (popping it from the type stack). */
    private Opcode condition() {
        pop();
        if (pending != null) {
            Opcode op = pending;
            pending = null;
            return op;
        }
        return Opcode.IFNE;
    }

    private void compare(Opcode op) {
        pop();
        pop();
        push(ValType.I32);
        pending = op;
    }

    private void reloadMem() {
        cb.aload(instSlot);
        rt(cb, "mem", CD_SEG, CD_INST);
        cb.astore(memSlot);
    }

    // ---- control ----

    private Instruction skipDead() { return Translator.skipDead(r); }

    private FunctionType blockType() { return Translator.blockType(r, mod); }

    private Ctl enter(int kind, FunctionType bt) {
        Ctl c = new Ctl();
        c.kind = kind;
        c.params = bt.params().toArray(new ValType[0]);
        c.results = bt.results().toArray(new ValType[0]);
        c.height = sp - c.params.length;
        c.base = c.savedBase = jvmBase;
        ctrls.add(c);
        return c;
    }

    private Ctl target(int depth) { return ctrls.get(ctrls.size() - 1 - depth); }

    /** Values above the label's arity that a branch to c must drop. */
    private int extras(Ctl c) { return sp - c.height - c.labelTypes().length; }

    /** A branch to c is a plain jump: nothing to drop, and c's label sees the same JVM stack base. */
    private boolean direct(Ctl c) { return extras(c) == 0 && c.base == jvmBase; }

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
    private void jump(Ctl c) {
        int n = c.labelTypes().length;
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
        if (c.kind != LOOP && c.endReachable) cb.labelBinding(c.label);
        if (c.kind == LOOP && c.base != c.savedBase) {
            // Only the fall-through reaches a loop's end: put back what spillBelow moved out, under the results.
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

    // ---- calls ----

    /** A v128 out of the file as compiled code passes results: {lo, hi}. */
    private void vget(int reg) {
        cb.aload(vSlot);
        cb.loadConstant(reg);
        rt(cb, "vget", CD_LONGS, CD_LONGS, CD_int);
    }

    /** Stores the {lo, hi} on top of the JVM stack into the file pair of the v128 on top of the type stack. */
    private void vput() {
        cb.aload(vSlot);
        cb.loadConstant(vTop(0));
        rt(cb, "vput", CD_void, CD_LONGS, CD_LONGS, CD_int);
    }

    /**
     * Pops a call's arguments from the type stack. The JVM stack holds only the scalar ones; with v128
     * arguments they are all reloaded in order, each v128 as its two longs from the file.
     */
    private void args(FunctionType ft) {
        List<ValType> ps = ft.params();
        int n = ps.size();
        if (ps.contains(ValType.V128)) {
            for (int i = n - 1; i >= 0; i--) {
                if (ps.get(i) != ValType.V128) cb.storeLocal(kind(ps.get(i)), scratchSlot(ps.get(i), -16 - i));
            }
            for (int i = 0; i < n; i++) {
                if (ps.get(i) != ValType.V128) {
                    cb.loadLocal(kind(ps.get(i)), scratchSlot(ps.get(i), -16 - i));
                    continue;
                }
                int v = vAt(sp - n + i);
                for (int half = 0; half < 2; half++) {
                    cb.aload(vSlot);
                    cb.loadConstant(v + half);
                    cb.laload();
                }
            }
        }
        sp -= n;
    }

    private void call(int x) {
        FunctionType ft = mod.funcType(x);
        args(ft);
        if (g.compiled(x)) {
            cb.aload(instSlot);
            cb.iload(depthSlot);
            cb.iconst_1();
            cb.iadd();
            g.invokeFn(cb, x);
        } else {
            cb.aload(instSlot);
            cb.getfield(CD_INST, "funcs", CD_FUNC.arrayType());
            cb.loadConstant(x);
            cb.aaload();
            cb.aload(instSlot);
            cb.iload(depthSlot);
            cb.iconst_1();
            cb.iadd();
            int t = mod.funcTypes()[x];
            g.slowTypes.add(t);
            cb.invokestatic(g.self, "slow" + t, mtd(ft, CD_FUNC, CD_INST, CD_int));
        }
        results(ft);
    }

    private void callIndirect(int typeidx, int table) {
        FunctionType ft = mod.types().get(typeidx);
        pop();
        if (ft.params().contains(ValType.V128)) {
            int i = scratchSlot(ValType.I32, -5);
            cb.istore(i);
            args(ft);
            cb.iload(i);
        } else {
            args(ft);
        }
        cb.aload(instSlot);
        cb.loadConstant(table);
        cb.loadConstant(g.typeIds[typeidx]);
        rt(cb, "indirect", CD_FUNC, CD_int, CD_INST, CD_int, CD_int);
        cb.aload(instSlot);
        cb.iload(depthSlot);
        cb.iconst_1();
        cb.iadd();
        g.indirectTypes.add(typeidx);
        cb.invokestatic(g.self, "ci" + typeidx, mtd(ft, CD_FUNC, CD_INST, CD_int));
        results(ft);
    }

    /** After a call: unpacks several results, and reloads the memory (the callee may have grown it). */
    private void results(FunctionType ft) {
        List<ValType> rs = ft.results();
        if (rs.size() == 1) {
            push(rs.get(0));
            if (rs.get(0) == ValType.V128) vput();
        } else if (rs.size() > 1) {
            int arr = scratchSlot(ValType.EXTERNREF, -1);
            cb.astore(arr);
            for (int i = 0; i < rs.size(); i++) {
                cb.aload(arr);
                cb.loadConstant(i);
                cb.aaload();
                push(rs.get(i));
                if (rs.get(i) == ValType.V128) {
                    cb.checkcast(CD_LONGS);
                    vput();
                } else {
                    unbox(cb, rs.get(i));
                }
            }
        }
        if (scan.memory()) reloadMem();
    }

    // ---- the instructions ----

    private void step(Instruction in) {
        switch (in) {
            // Control flow joins must see one v128 layout; a pending compare survives only into what branches on it.
            case BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, CALL, CALL_INDIRECT, SELECT, SELECT_T -> {
                if (vSlot >= 0) materialize(-1);
            }
            default -> { }
        }
        switch (in) {
            case IF, BR_IF, SELECT, SELECT_T -> { }
            default -> flush();
        }
        switch (in) {
            case UNREACHABLE -> {
                rt(cb, "unreachable", CD_TRAP);
                cb.athrow();
                unreachable = true;
            }
            case NOP -> { }
            case BLOCK -> {
                Ctl c = enter(BLOCK, blockType());
                c.label = cb.newLabel();
            }
            case LOOP -> {
                Ctl c = enter(LOOP, blockType());
                spillBelow(c);
                c.label = cb.newBoundLabel();
                if (scan.loops()) {
                    // Interrupt poll on every iteration, through a countdown in a local.
                    Label go = cb.newLabel();
                    cb.iinc(budgetSlot, -1);
                    cb.iload(budgetSlot);
                    cb.ifge(go);
                    cb.aload(instSlot);
                    rt(cb, "poll", CD_int, CD_INST);
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
            case BR_TABLE -> brTable();
            case RETURN -> {
                emitReturn();
                unreachable = true;
            }
            case CALL -> call(r.u32());
            case CALL_INDIRECT -> {
                int t = r.u32();
                callIndirect(t, r.u32());
            }
            case DROP -> jvmPop(pop());
            case SELECT, SELECT_T -> {
                if (in == Instruction.SELECT_T) {
                    int n = r.u32();
                    for (int i = 0; i < n; i++) r.u8();
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
                rt(cb, "g" + suffix(t), desc(t), CD_INST, CD_int);
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
                rt(cb, "s" + suffix(t), CD_void, desc(t), CD_INST, CD_int);
            }
            case TABLE_GET -> {
                int t = r.u32();
                pop();
                cb.aload(instSlot);
                cb.loadConstant(t);
                rt(cb, "tableGet", CD_Object, CD_int, CD_INST, CD_int);
                push(mod.tables().get(t).elementType());
            }
            case TABLE_SET -> {
                int t = r.u32();
                pop();
                pop();
                cb.aload(instSlot);
                cb.loadConstant(t);
                rt(cb, "tableSet", CD_void, CD_int, CD_Object, CD_INST, CD_int);
            }
            case MEMORY_SIZE -> {
                r.u8();
                cb.aload(instSlot);
                rt(cb, "memSize", CD_int, CD_INST);
                push(ValType.I32);
            }
            case MEMORY_GROW -> {
                r.u8();
                cb.aload(instSlot);
                rt(cb, "memGrow", CD_int, CD_int, CD_INST);
                reloadMem();
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
                ValType t = ValType.fromCode(r.u8());
                cb.aconst_null();
                push(t);
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
                rt(cb, "refFunc", CD_Object, CD_INST, CD_int);
                push(ValType.FUNCREF);
            }
            default -> {
                if (in.prefix == Instruction.PREFIX_SIMD) simd(in);
                else if (in.prefix == Instruction.PREFIX_MISC) prefixed(in);
                else if (in.accessBytes > 0) memory(in);
                else numeric(in);
            }
        }
    }

    // ---- v128: kernels of dev.gatun.vector.Simd over the vector register file ----

    private static final ClassDesc CD_PLAN = Compiler.desc(dev.gatun.vector.ShufflePlan.class);
    private static final MethodTypeDesc K2 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int);
    private static final MethodTypeDesc K3 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int);
    private static final MethodTypeDesc K4 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int, CD_int);
    private static final MethodTypeDesc KMEM = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_SEG, CD_long);
    private static final MethodTypeDesc KLOAD_LANE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_SEG, CD_long, CD_int);
    private static final MethodTypeDesc KSTORE_LANE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_SEG, CD_long, CD_int);
    private static final MethodTypeDesc KSHUFFLE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int, CD_PLAN);
    private static final java.lang.constant.DirectMethodHandleDesc PLAN = java.lang.constant.MethodHandleDesc.ofMethod(
            java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, CD_RT, "shufflePlan",
            MethodTypeDesc.of(CD_PLAN, CD_MethodHandles_Lookup, CD_String, CD_Class, CD_long, CD_long));

    private static final java.lang.constant.DirectMethodHandleDesc KERNEL = java.lang.constant.MethodHandleDesc.ofMethod(
            java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, CD_RT, "kernel",
            MethodTypeDesc.of(CD_CallSite, CD_MethodHandles_Lookup, CD_String, CD_MethodType));

    /**
     * Calls a Simd kernel through invokedynamic (a constant call site) rather than invokestatic: C2 stops
     * inlining plain calls once a method's parse has made 18,000 nodes, which a loop of a dozen vector
     * kernels reaches, and past it the rest are real calls; a call from a method handle's lambda form
     * is inlined later instead, against the live node count after the graph is cleaned.
     */
    private void invokeKernel(String name, MethodTypeDesc d) {
        cb.invokedynamic(java.lang.constant.DynamicCallSiteDesc.of(KERNEL, name, d));
    }

    /** The kernel of a SIMD instruction: its name with '.' as '_', in the class of its lane shape ({@link dev.gatun.vector.Kernels}). */
    static String kernelName(Instruction in) {
        return in.text.replace('.', '_');
    }

    /** Calls a kernel with the file and constant indexes as its leading arguments. */
    private void kernel(Instruction in, MethodTypeDesc d, int... ints) {
        cb.aload(vSlot);
        for (int i : ints) cb.loadConstant(i);
        invokeKernel(kernelName(in), d);
    }

    /**
     * A 128-bit move as one vector (x | x, as tier 1 does): moving two longs would make the next kernel's
     * 16-byte load miss store-to-load forwarding.
     */
    private void vCopy(int dst, int src) {
        if (dst == src) return;
        cb.aload(vSlot);
        cb.loadConstant(dst);
        cb.loadConstant(src);
        cb.loadConstant(src);
        invokeKernel("v128_or", K3);
    }

    private void vGlobal(String name, int reg, int x) {
        cb.aload(vSlot);
        cb.loadConstant(reg);
        cb.aload(instSlot);
        cb.loadConstant(x);
        rt(cb, name, CD_void, CD_LONGS, CD_int, CD_INST, CD_int);
    }

    /** Moves the scalar on top of the JVM stack into the file's scratch pair, in the register form. */
    private void toScratch(ValType t) {
        toBits(cb, t);
        int tmp = scratchSlot(ValType.I64, -3);
        cb.lstore(tmp);
        cb.aload(vSlot);
        cb.loadConstant(VSCRATCH);
        cb.lload(tmp);
        cb.lastore();
    }

    private void fromScratch(ValType t) {
        cb.aload(vSlot);
        cb.loadConstant(VSCRATCH);
        cb.laload();
        fromBits(cb, t);
        push(t);
    }

    /** Pops the i32 address and leaves its effective address (with the memarg offset) in a long local. */
    private int effectiveAddress() {
        r.u32();
        long offset = r.u32() & 0xFFFF_FFFFL;
        pop();
        cb.i2l();
        cb.loadConstant(0xFFFF_FFFFL);
        cb.land();
        if (offset != 0) {
            cb.loadConstant(offset);
            cb.ladd();
        }
        int ea = scratchSlot(ValType.I64, -4);
        cb.lstore(ea);
        return ea;
    }

    /** The scalar type of a splat's or replace_lane's operand and of an extract_lane's result. */
    private static ValType laneType(Instruction in) {
        return switch (in) {
            case I64X2_SPLAT, I64X2_EXTRACT_LANE, I64X2_REPLACE_LANE -> ValType.I64;
            case F32X4_SPLAT, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE -> ValType.F32;
            case F64X2_SPLAT, F64X2_EXTRACT_LANE, F64X2_REPLACE_LANE -> ValType.F64;
            default -> ValType.I32;
        };
    }

    private void simd(Instruction in) {
        int sub = in.code;
        final ValType V = ValType.V128;
        switch (in) {
            case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U, V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT, V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                int ea = effectiveAddress();
                push(V);
                cb.aload(vSlot);
                cb.loadConstant(vTop(0));
                cb.aload(memSlot);
                cb.lload(ea);
                invokeKernel(kernelName(in), KMEM);
            }
            case V128_STORE -> {
                int v = vIn(0);
                pop();
                int ea = effectiveAddress();
                cb.aload(vSlot);
                cb.loadConstant(v);
                cb.aload(memSlot);
                cb.lload(ea);
                invokeKernel("v128_store", KMEM);
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                int v = vIn(0);
                pop();
                int ea = effectiveAddress();
                int lane = r.u8();
                push(V);
                cb.aload(vSlot);
                cb.loadConstant(vTop(0));
                cb.loadConstant(v);
                cb.aload(memSlot);
                cb.lload(ea);
                cb.loadConstant(lane);
                invokeKernel(kernelName(in), KLOAD_LANE);
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                int v = vIn(0);
                pop();
                int ea = effectiveAddress();
                int lane = r.u8();
                cb.aload(vSlot);
                cb.loadConstant(v);
                cb.aload(memSlot);
                cb.lload(ea);
                cb.loadConstant(lane);
                invokeKernel(kernelName(in), KSTORE_LANE);
            }
            case V128_CONST -> {
                pushFrom(vConsts.get(List.of(r.f64bits(), r.f64bits())));
            }
            case I8X16_SHUFFLE -> {
                long lo = r.f64bits(), hi = r.f64bits();
                int b = vIn(0), a = vIn(1);
                pop();
                pop();
                push(V);
                cb.aload(vSlot);
                cb.loadConstant(vTop(0));
                cb.loadConstant(a);
                cb.loadConstant(b);
                cb.loadConstant(java.lang.constant.DynamicConstantDesc.ofNamed(PLAN, "plan", CD_PLAN, lo, hi));
                invokeKernel("i8x16_shuffle", KSHUFFLE);
            }
            case I8X16_SPLAT, I16X8_SPLAT, I32X4_SPLAT, I64X2_SPLAT, F32X4_SPLAT, F64X2_SPLAT -> {
                toScratch(laneType(in));
                pop();
                push(V);
                kernel(in, K2, vTop(0), VSCRATCH);
            }
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U, I32X4_EXTRACT_LANE, I64X2_EXTRACT_LANE, F32X4_EXTRACT_LANE, F64X2_EXTRACT_LANE -> {
                int lane = r.u8();
                int a = vIn(0);
                pop();
                kernel(in, K3, VSCRATCH, a, lane);
                fromScratch(laneType(in));
            }
            case I8X16_REPLACE_LANE, I16X8_REPLACE_LANE, I32X4_REPLACE_LANE, I64X2_REPLACE_LANE, F32X4_REPLACE_LANE, F64X2_REPLACE_LANE -> {
                int lane = r.u8();
                toScratch(laneType(in));
                pop();
                int a = vIn(0);
                pop();
                push(V);
                kernel(in, K4, vTop(0), a, VSCRATCH, lane);
            }
            case V128_ANY_TRUE, I8X16_ALL_TRUE, I8X16_BITMASK, I16X8_ALL_TRUE, I16X8_BITMASK, I32X4_ALL_TRUE, I32X4_BITMASK, I64X2_ALL_TRUE, I64X2_BITMASK -> {
                int a = vIn(0);
                pop();
                kernel(in, K2, VSCRATCH, a);
                fromScratch(ValType.I32);
            }
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U, I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U, I32X4_SHL, I32X4_SHR_S, I32X4_SHR_U, I64X2_SHL, I64X2_SHR_S, I64X2_SHR_U -> {
                toScratch(ValType.I32);
                pop();
                int a = vIn(0);
                pop();
                push(V);
                kernel(in, K3, vTop(0), a, VSCRATCH);
            }
            case V128_BITSELECT -> {
                int c = vIn(0), b = vIn(1), a = vIn(2);
                pop();
                pop();
                pop();
                push(V);
                kernel(in, K4, vTop(0), a, b, c);
            }
            default -> {
                if (SimdTranslator.binary(sub)) {
                    int b = vIn(0), a = vIn(1);
                    pop();
                    pop();
                    push(V);
                    kernel(in, K3, vTop(0), a, b);
                } else {
                    int a = vIn(0);
                    pop();
                    push(V);
                    kernel(in, K2, vTop(0), a);
                }
            }
        }
    }

    private static String suffix(ValType t) {
        return switch (t) {
            case I32 -> "I32";
            case I64 -> "I64";
            case F32 -> "F32";
            case F64 -> "F64";
            default -> "Ref";
        };
    }

    private void memory(Instruction in) {
        int op = in.code;
        r.u32();
        long offset = r.u32() & 0xFFFF_FFFFL;
        boolean store = op >= Instruction.I32_STORE.code;
        if (store) {
            pop();
            pop();
        } else {
            pop();
        }
        cb.loadConstant(offset);
        cb.aload(memSlot);
        String name;
        ClassDesc value;
        ValType result = null;
        boolean widen = false, widenU = false, narrow = false;
        switch (in) {
            case I32_LOAD -> { name = "ldI32"; value = CD_int; result = ValType.I32; }
            case I64_LOAD -> { name = "ldI64"; value = CD_long; result = ValType.I64; }
            case F32_LOAD -> { name = "ldF32"; value = CD_float; result = ValType.F32; }
            case F64_LOAD -> { name = "ldF64"; value = CD_double; result = ValType.F64; }
            case I32_LOAD8_S -> { name = "ld8S"; value = CD_int; result = ValType.I32; }
            case I32_LOAD8_U -> { name = "ld8U"; value = CD_int; result = ValType.I32; }
            case I32_LOAD16_S -> { name = "ld16S"; value = CD_int; result = ValType.I32; }
            case I32_LOAD16_U -> { name = "ld16U"; value = CD_int; result = ValType.I32; }
            case I64_LOAD8_S -> { name = "ld8S"; value = CD_int; result = ValType.I64; widen = true; }
            case I64_LOAD8_U -> { name = "ld8U"; value = CD_int; result = ValType.I64; widen = true; }
            case I64_LOAD16_S -> { name = "ld16S"; value = CD_int; result = ValType.I64; widen = true; }
            case I64_LOAD16_U -> { name = "ld16U"; value = CD_int; result = ValType.I64; widen = true; }
            case I64_LOAD32_S -> { name = "ldI32"; value = CD_int; result = ValType.I64; widen = true; }
            case I64_LOAD32_U -> { name = "ldI32"; value = CD_int; result = ValType.I64; widenU = true; }
            case I32_STORE -> { name = "stI32"; value = CD_int; }
            case I64_STORE -> { name = "stI64"; value = CD_long; }
            case F32_STORE -> { name = "stF32"; value = CD_float; }
            case F64_STORE -> { name = "stF64"; value = CD_double; }
            case I32_STORE8 -> { name = "st8"; value = CD_int; }
            case I32_STORE16 -> { name = "st16"; value = CD_int; }
            case I64_STORE8 -> { name = "st8"; value = CD_int; narrow = true; }
            case I64_STORE16 -> { name = "st16"; value = CD_int; narrow = true; }
            default -> { name = "stI32"; value = CD_int; narrow = true; }
        }
        if (store) {
            if (narrow) {
                // The value is below offset and memory: bring it up, narrow it, put it back.
                int off = scratchSlot(ValType.I64, -2);
                int seg = scratchSlot(ValType.EXTERNREF, -2);
                cb.astore(seg);
                cb.lstore(off);
                cb.l2i();
                cb.lload(off);
                cb.aload(seg);
            }
            rt(cb, name, CD_void, CD_int, value, CD_long, CD_SEG);
        } else {
            rt(cb, name, value, CD_int, CD_long, CD_SEG);
            if (widen) cb.i2l();
            if (widenU) {
                cb.i2l();
                cb.loadConstant(0xFFFF_FFFFL);
                cb.land();
            }
            push(result);
        }
    }

    private void unary(ValType in, ValType out) {
        pop();
        push(out);
    }

    private void binary(ValType t) {
        pop();
        pop();
        push(t);
    }

    private void call(ClassDesc owner, String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(owner, name, MethodTypeDesc.of(ret, params));
    }

    private void numeric(Instruction in) {
        int op = in.code;
        final ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;
        switch (in) {
            case I32_EQZ -> { pop(); push(I32); pending = Opcode.IFEQ; }
            case I32_EQ -> compare(Opcode.IF_ICMPEQ);
            case I32_NE -> compare(Opcode.IF_ICMPNE);
            case I32_LT_S -> compare(Opcode.IF_ICMPLT);
            case I32_LT_U -> { call(CD_INTEGER, "compareUnsigned", CD_int, CD_int, CD_int); compare(Opcode.IFLT); }
            case I32_GT_S -> compare(Opcode.IF_ICMPGT);
            case I32_GT_U -> { call(CD_INTEGER, "compareUnsigned", CD_int, CD_int, CD_int); compare(Opcode.IFGT); }
            case I32_LE_S -> compare(Opcode.IF_ICMPLE);
            case I32_LE_U -> { call(CD_INTEGER, "compareUnsigned", CD_int, CD_int, CD_int); compare(Opcode.IFLE); }
            case I32_GE_S -> compare(Opcode.IF_ICMPGE);
            case I32_GE_U -> { call(CD_INTEGER, "compareUnsigned", CD_int, CD_int, CD_int); compare(Opcode.IFGE); }
            case I64_EQZ -> { cb.lconst_0(); cb.lcmp(); pop(); push(I32); pending = Opcode.IFEQ; }
            case I64_EQ -> { cb.lcmp(); compare(Opcode.IFEQ); }
            case I64_NE -> { cb.lcmp(); compare(Opcode.IFNE); }
            case I64_LT_S -> { cb.lcmp(); compare(Opcode.IFLT); }
            case I64_LT_U -> { call(CD_LONG, "compareUnsigned", CD_int, CD_long, CD_long); compare(Opcode.IFLT); }
            case I64_GT_S -> { cb.lcmp(); compare(Opcode.IFGT); }
            case I64_GT_U -> { call(CD_LONG, "compareUnsigned", CD_int, CD_long, CD_long); compare(Opcode.IFGT); }
            case I64_LE_S -> { cb.lcmp(); compare(Opcode.IFLE); }
            case I64_LE_U -> { call(CD_LONG, "compareUnsigned", CD_int, CD_long, CD_long); compare(Opcode.IFLE); }
            case I64_GE_S -> { cb.lcmp(); compare(Opcode.IFGE); }
            case I64_GE_U -> { call(CD_LONG, "compareUnsigned", CD_int, CD_long, CD_long); compare(Opcode.IFGE); }
            // NaN: fcmpl gives -1 and fcmpg 1, chosen so the comparison is false (true for ne).
            case F32_EQ -> { cb.fcmpl(); compare(Opcode.IFEQ); }
            case F32_NE -> { cb.fcmpl(); compare(Opcode.IFNE); }
            case F32_LT -> { cb.fcmpg(); compare(Opcode.IFLT); }
            case F32_GT -> { cb.fcmpl(); compare(Opcode.IFGT); }
            case F32_LE -> { cb.fcmpg(); compare(Opcode.IFLE); }
            case F32_GE -> { cb.fcmpl(); compare(Opcode.IFGE); }
            case F64_EQ -> { cb.dcmpl(); compare(Opcode.IFEQ); }
            case F64_NE -> { cb.dcmpl(); compare(Opcode.IFNE); }
            case F64_LT -> { cb.dcmpg(); compare(Opcode.IFLT); }
            case F64_GT -> { cb.dcmpl(); compare(Opcode.IFGT); }
            case F64_LE -> { cb.dcmpg(); compare(Opcode.IFLE); }
            case F64_GE -> { cb.dcmpl(); compare(Opcode.IFGE); }
            case I32_CLZ -> { call(CD_INTEGER, "numberOfLeadingZeros", CD_int, CD_int); unary(I32, I32); }
            case I32_CTZ -> { call(CD_INTEGER, "numberOfTrailingZeros", CD_int, CD_int); unary(I32, I32); }
            case I32_POPCNT -> { call(CD_INTEGER, "bitCount", CD_int, CD_int); unary(I32, I32); }
            case I32_ADD -> { cb.iadd(); binary(I32); }
            case I32_SUB -> { cb.isub(); binary(I32); }
            case I32_MUL -> { cb.imul(); binary(I32); }
            case I32_DIV_S -> { call(CD_NUMERICS, "divS", CD_int, CD_int, CD_int); binary(I32); }
            case I32_DIV_U -> { call(CD_NUMERICS, "divU", CD_int, CD_int, CD_int); binary(I32); }
            case I32_REM_S -> { call(CD_NUMERICS, "remS", CD_int, CD_int, CD_int); binary(I32); }
            case I32_REM_U -> { call(CD_NUMERICS, "remU", CD_int, CD_int, CD_int); binary(I32); }
            case I32_AND -> { cb.iand(); binary(I32); }
            case I32_OR -> { cb.ior(); binary(I32); }
            case I32_XOR -> { cb.ixor(); binary(I32); }
            case I32_SHL -> { cb.ishl(); binary(I32); }
            case I32_SHR_S -> { cb.ishr(); binary(I32); }
            case I32_SHR_U -> { cb.iushr(); binary(I32); }
            case I32_ROTL -> { call(CD_INTEGER, "rotateLeft", CD_int, CD_int, CD_int); binary(I32); }
            case I32_ROTR -> { call(CD_INTEGER, "rotateRight", CD_int, CD_int, CD_int); binary(I32); }
            case I64_CLZ -> { call(CD_LONG, "numberOfLeadingZeros", CD_int, CD_long); cb.i2l(); unary(I64, I64); }
            case I64_CTZ -> { call(CD_LONG, "numberOfTrailingZeros", CD_int, CD_long); cb.i2l(); unary(I64, I64); }
            case I64_POPCNT -> { call(CD_LONG, "bitCount", CD_int, CD_long); cb.i2l(); unary(I64, I64); }
            case I64_ADD -> { cb.ladd(); binary(I64); }
            case I64_SUB -> { cb.lsub(); binary(I64); }
            case I64_MUL -> { cb.lmul(); binary(I64); }
            case I64_DIV_S -> { call(CD_NUMERICS, "divS", CD_long, CD_long, CD_long); binary(I64); }
            case I64_DIV_U -> { call(CD_NUMERICS, "divU", CD_long, CD_long, CD_long); binary(I64); }
            case I64_REM_S -> { call(CD_NUMERICS, "remS", CD_long, CD_long, CD_long); binary(I64); }
            case I64_REM_U -> { call(CD_NUMERICS, "remU", CD_long, CD_long, CD_long); binary(I64); }
            case I64_AND -> { cb.land(); binary(I64); }
            case I64_OR -> { cb.lor(); binary(I64); }
            case I64_XOR -> { cb.lxor(); binary(I64); }
            case I64_SHL -> { cb.l2i(); cb.lshl(); binary(I64); }
            case I64_SHR_S -> { cb.l2i(); cb.lshr(); binary(I64); }
            case I64_SHR_U -> { cb.l2i(); cb.lushr(); binary(I64); }
            case I64_ROTL -> { cb.l2i(); call(CD_LONG, "rotateLeft", CD_long, CD_long, CD_int); binary(I64); }
            case I64_ROTR -> { cb.l2i(); call(CD_LONG, "rotateRight", CD_long, CD_long, CD_int); binary(I64); }
            case F32_ABS -> { rt(cb, "fabs", CD_float, CD_float); unary(F32, F32); }
            case F32_NEG -> { rt(cb, "fneg", CD_float, CD_float); unary(F32, F32); }
            case F32_CEIL -> { rt(cb, "fceil", CD_float, CD_float); unary(F32, F32); }
            case F32_FLOOR -> { rt(cb, "ffloor", CD_float, CD_float); unary(F32, F32); }
            case F32_TRUNC -> { rt(cb, "ftrunc", CD_float, CD_float); unary(F32, F32); }
            case F32_NEAREST -> { rt(cb, "fnearest", CD_float, CD_float); unary(F32, F32); }
            case F32_SQRT -> { rt(cb, "fsqrt", CD_float, CD_float); unary(F32, F32); }
            case F32_ADD -> { cb.fadd(); binary(F32); }
            case F32_SUB -> { cb.fsub(); binary(F32); }
            case F32_MUL -> { cb.fmul(); binary(F32); }
            case F32_DIV -> { cb.fdiv(); binary(F32); }
            case F32_MIN -> { call(CD_NUMERICS, "fmin", CD_float, CD_float, CD_float); binary(F32); }
            case F32_MAX -> { call(CD_NUMERICS, "fmax", CD_float, CD_float, CD_float); binary(F32); }
            case F32_COPYSIGN -> { rt(cb, "fcopysign", CD_float, CD_float, CD_float); binary(F32); }
            case F64_ABS -> { rt(cb, "dabs", CD_double, CD_double); unary(F64, F64); }
            case F64_NEG -> { rt(cb, "dneg", CD_double, CD_double); unary(F64, F64); }
            case F64_CEIL -> { rt(cb, "dceil", CD_double, CD_double); unary(F64, F64); }
            case F64_FLOOR -> { rt(cb, "dfloor", CD_double, CD_double); unary(F64, F64); }
            case F64_TRUNC -> { rt(cb, "dtrunc", CD_double, CD_double); unary(F64, F64); }
            case F64_NEAREST -> { rt(cb, "dnearest", CD_double, CD_double); unary(F64, F64); }
            case F64_SQRT -> { call(CD_MATH, "sqrt", CD_double, CD_double); unary(F64, F64); }
            case F64_ADD -> { cb.dadd(); binary(F64); }
            case F64_SUB -> { cb.dsub(); binary(F64); }
            case F64_MUL -> { cb.dmul(); binary(F64); }
            case F64_DIV -> { cb.ddiv(); binary(F64); }
            case F64_MIN -> { call(CD_NUMERICS, "dmin", CD_double, CD_double, CD_double); binary(F64); }
            case F64_MAX -> { call(CD_NUMERICS, "dmax", CD_double, CD_double, CD_double); binary(F64); }
            case F64_COPYSIGN -> { rt(cb, "dcopysign", CD_double, CD_double, CD_double); binary(F64); }
            case I32_WRAP_I64 -> { cb.l2i(); unary(I64, I32); }
            case I32_TRUNC_F32_S -> { rt(cb, "i32TruncF32S", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_F32_U -> { rt(cb, "i32TruncF32U", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_F64_S -> { rt(cb, "i32TruncF64S", CD_int, CD_double); unary(F64, I32); }
            case I32_TRUNC_F64_U -> { rt(cb, "i32TruncF64U", CD_int, CD_double); unary(F64, I32); }
            case I64_EXTEND_I32_S -> { cb.i2l(); unary(I32, I64); }
            case I64_EXTEND_I32_U -> { cb.i2l(); cb.loadConstant(0xFFFF_FFFFL); cb.land(); unary(I32, I64); }
            case I64_TRUNC_F32_S -> { rt(cb, "i64TruncF32S", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_F32_U -> { rt(cb, "i64TruncF32U", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_F64_S -> { rt(cb, "i64TruncF64S", CD_long, CD_double); unary(F64, I64); }
            case I64_TRUNC_F64_U -> { rt(cb, "i64TruncF64U", CD_long, CD_double); unary(F64, I64); }
            case F32_CONVERT_I32_S -> { cb.i2f(); unary(I32, F32); }
            case F32_CONVERT_I32_U -> { rt(cb, "f32ConvertI32U", CD_float, CD_int); unary(I32, F32); }
            case F32_CONVERT_I64_S -> { cb.l2f(); unary(I64, F32); }
            case F32_CONVERT_I64_U -> { call(CD_NUMERICS, "u64ToF32", CD_float, CD_long); unary(I64, F32); }
            case F32_DEMOTE_F64 -> { cb.d2f(); unary(F64, F32); }
            case F64_CONVERT_I32_S -> { cb.i2d(); unary(I32, F64); }
            case F64_CONVERT_I32_U -> { rt(cb, "f64ConvertI32U", CD_double, CD_int); unary(I32, F64); }
            case F64_CONVERT_I64_S -> { cb.l2d(); unary(I64, F64); }
            case F64_CONVERT_I64_U -> { call(CD_NUMERICS, "u64ToF64", CD_double, CD_long); unary(I64, F64); }
            case F64_PROMOTE_F32 -> { cb.f2d(); unary(F32, F64); }
            case I32_REINTERPRET_F32 -> { call(CD_FLOAT, "floatToRawIntBits", CD_int, CD_float); unary(F32, I32); }
            case I64_REINTERPRET_F64 -> { call(CD_DOUBLE, "doubleToRawLongBits", CD_long, CD_double); unary(F64, I64); }
            case F32_REINTERPRET_I32 -> { call(CD_FLOAT, "intBitsToFloat", CD_float, CD_int); unary(I32, F32); }
            case F64_REINTERPRET_I64 -> { call(CD_DOUBLE, "longBitsToDouble", CD_double, CD_long); unary(I64, F64); }
            case I32_EXTEND8_S -> { cb.i2b(); unary(I32, I32); }
            case I32_EXTEND16_S -> { cb.i2s(); unary(I32, I32); }
            case I64_EXTEND8_S -> { cb.l2i(); cb.i2b(); cb.i2l(); unary(I64, I64); }
            case I64_EXTEND16_S -> { cb.l2i(); cb.i2s(); cb.i2l(); unary(I64, I64); }
            case I64_EXTEND32_S -> { cb.l2i(); cb.i2l(); unary(I64, I64); }
            default -> throw new IllegalStateException("opcode 0x" + Integer.toHexString(op) + " in a validated body");
        }
    }

    private void prefixed(Instruction in) {
        int sub = in.code;
        final ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;
        switch (in) {
            case I32_TRUNC_SAT_F32_S -> { cb.f2i(); unary(F32, I32); }
            case I32_TRUNC_SAT_F32_U -> { rt(cb, "i32TruncSatF32U", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_SAT_F64_S -> { cb.d2i(); unary(F64, I32); }
            case I32_TRUNC_SAT_F64_U -> { rt(cb, "i32TruncSatF64U", CD_int, CD_double); unary(F64, I32); }
            case I64_TRUNC_SAT_F32_S -> { cb.f2l(); unary(F32, I64); }
            case I64_TRUNC_SAT_F32_U -> { rt(cb, "i64TruncSatF32U", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_SAT_F64_S -> { cb.d2l(); unary(F64, I64); }
            case I64_TRUNC_SAT_F64_U -> { rt(cb, "i64TruncSatF64U", CD_long, CD_double); unary(F64, I64); }
            case MEMORY_INIT -> {
                int seg = r.u32();
                r.u8();
                sp -= 3;
                cb.aload(instSlot);
                cb.loadConstant(seg);
                rt(cb, "memoryInit", CD_void, CD_int, CD_int, CD_int, CD_INST, CD_int);
            }
            case DATA_DROP -> {
                cb.aload(instSlot);
                cb.loadConstant(r.u32());
                rt(cb, "dataDrop", CD_void, CD_INST, CD_int);
            }
            case MEMORY_COPY -> {
                r.u8();
                r.u8();
                sp -= 3;
                cb.aload(instSlot);
                rt(cb, "memoryCopy", CD_void, CD_int, CD_int, CD_int, CD_INST);
            }
            case MEMORY_FILL -> {
                r.u8();
                sp -= 3;
                cb.aload(instSlot);
                rt(cb, "memoryFill", CD_void, CD_int, CD_int, CD_int, CD_INST);
            }
            case TABLE_INIT -> {
                int seg = r.u32();
                int t = r.u32();
                sp -= 3;
                cb.aload(instSlot);
                cb.loadConstant(seg);
                cb.loadConstant(t);
                rt(cb, "tableInit", CD_void, CD_int, CD_int, CD_int, CD_INST, CD_int, CD_int);
            }
            case ELEM_DROP -> {
                cb.aload(instSlot);
                cb.loadConstant(r.u32());
                rt(cb, "elemDrop", CD_void, CD_INST, CD_int);
            }
            case TABLE_COPY -> {
                int x = r.u32();
                int y = r.u32();
                sp -= 3;
                cb.aload(instSlot);
                cb.loadConstant(x);
                cb.loadConstant(y);
                rt(cb, "tableCopy", CD_void, CD_int, CD_int, CD_int, CD_INST, CD_int, CD_int);
            }
            case TABLE_GROW -> {
                int t = r.u32();
                sp -= 2;
                cb.aload(instSlot);
                cb.loadConstant(t);
                rt(cb, "tableGrow", CD_int, CD_Object, CD_int, CD_INST, CD_int);
                push(I32);
            }
            case TABLE_SIZE -> {
                int t = r.u32();
                cb.aload(instSlot);
                cb.loadConstant(t);
                rt(cb, "tableSize", CD_int, CD_INST, CD_int);
                push(I32);
            }
            case TABLE_FILL -> {
                int t = r.u32();
                sp -= 3;
                cb.aload(instSlot);
                cb.loadConstant(t);
                rt(cb, "tableFill", CD_void, CD_int, CD_Object, CD_int, CD_INST, CD_int);
            }
            default -> throw new IllegalStateException("0xFC " + sub + " in a validated body");
        }
    }
}
