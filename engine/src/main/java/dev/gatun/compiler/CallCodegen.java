package dev.gatun.compiler;

import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.List;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * Calls in generated code: direct, indirect and tail calls, and moving arguments and results across the
 * JVM call (v128 values through the vector file). The control and instruction walk is {@link FunctionCompiler}'s.
 */
abstract class CallCodegen extends SimdCodegen {
    CallCodegen(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        super(g, cb, funcidx, scan, split, entry);
        again = cb.newLabel();
    }

    /** Where a self tail call jumps: after the parameters are in place, before the locals are zeroed. */
    final Label again;

    // ---- calls ----

    /** A v128 out of the file as compiled code passes results: {lo, hi}. */
    void vget(int reg) {
        cb.aload(vSlot);
        cb.loadConstant(reg);
        support(cb, "vget", CD_LONGS, CD_LONGS, CD_int);
    }

    /** Stores the {lo, hi} on top of the JVM stack into the file pair of the v128 on top of the type stack. */
    void vput() {
        cb.aload(vSlot);
        cb.loadConstant(vTop(0));
        support(cb, "vput", CD_void, CD_LONGS, CD_LONGS, CD_int);
    }

    /**
     * Pops a call's arguments from the type stack. The JVM stack holds only the scalar ones; with v128
     * arguments they are all reloaded in order, each v128 as its two longs from the file.
     */
    void args(FunctionType ft) {
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

    void call(int x) {
        FunctionType ft = mod.funcType(x);
        args(ft);
        if (g.compiled(x) || g.callsLate(x)) {
            cb.aload(instSlot);
            cb.iload(depthSlot);
            cb.iconst_1();
            cb.iadd();
            fuelToCallee();
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
            fuelToCallee();
            cb.invokestatic(g.self, "slow" + t, mtd(ft, CD_FUNC, CD_INST, CD_int));
        }
        results(ft);
    }

    void callIndirect(int typeidx, int table) {
        FunctionType ft = mod.functionType(typeidx);
        toRaw(pop());   // the index, as raw bits read by the table's address type
        argsUnder(ft, ValType.I64, -5);
        lookUp(table, typeidx);
        callThrough(typeidx, ft);
    }

    /** Pops a call's arguments from under the value on top of the JVM stack (an index or a reference), which stays on top. */
    private void argsUnder(FunctionType ft, ValType top, int scratchKey) {
        if (!ft.params().contains(ValType.V128)) {
            args(ft);
            return;
        }
        int s = scratchSlot(top, scratchKey);
        cb.storeLocal(kind(top), s);
        args(ft);
        cb.loadLocal(kind(top), s);
    }

    /** call_indirect's callee from the raw index on top: looked up in the table and checked against typeidx. */
    private void lookUp(int table, int typeidx) {
        cb.aload(instSlot);
        cb.loadConstant(table);
        cb.loadConstant(typeidx);
        support(cb, "indirect", CD_FUNC, CD_long, CD_INST, CD_int, CD_int);
    }

    /** Calls the callee on top of the arguments (a FuncInst of type typeidx) through the type's dispatcher. */
    private void callThrough(int typeidx, FunctionType ft) {
        cb.aload(instSlot);
        cb.iload(depthSlot);
        cb.iconst_1();
        cb.iadd();
        g.indirectTypes.add(typeidx);
        fuelToCallee();
        cb.invokestatic(g.self, "ci" + typeidx, mtd(ft, CD_FUNC, CD_INST, CD_int));
        results(ft);
    }

    /**
     * return_call: to this function itself (without v128 locals) a jump back to the start with the new
     * arguments, a loop in constant stack; to any other a pending call for the trampoline ({@link TailCalls}).
     */
    void returnCall(int x) {
        FunctionType ft = mod.funcType(x);
        if (x == funcidx && !scan.simd()) {
            args(ft);
            for (int i = ft.params().size() - 1; i >= 0; i--) cb.storeLocal(kind(localType[i]), localSlot[i]);
            // The start has an empty JVM stack: drop what lies under the arguments.
            for (int i = sp - 1; i >= jvmBase; i--) jvmPop(stack[i]);
            cb.goto_(again);
            unreachable = true;
            return;
        }
        args(ft);
        cb.aload(instSlot);
        cb.getfield(CD_INST, "funcs", CD_FUNC.arrayType());
        cb.loadConstant(x);
        cb.aaload();
        tailCall(mod.funcTypes()[x]);
    }

    void returnCallIndirect(int typeidx, int table) {
        FunctionType ft = mod.functionType(typeidx);
        toRaw(pop());   // the index, as raw bits read by the table's address type
        argsUnder(ft, ValType.I64, -5);
        lookUp(table, typeidx);
        tailCall(typeidx);
    }

    /** call_ref and return_call_ref: the reference on top, null-checked, is the callee (its type is typeidx exactly). */
    void callRef(int typeidx, boolean tail) {
        FunctionType ft = mod.functionType(typeidx);
        pop();
        argsUnder(ft, ValType.FUNCREF, -6);
        support(cb, "funcOfRef", CD_FUNC, CD_Object);
        if (tail) tailCall(typeidx);
        else callThrough(typeidx, ft);
    }

    /** Arguments and the callee on the stack: leaves the call pending and returns a placeholder. */
    void tailCall(int typeidx) {
        cb.aload(instSlot);
        g.tailTypes.add(typeidx);
        cb.invokestatic(g.self, "tc" + typeidx, TailCalls.helperDesc(mod.functionType(typeidx)));
        writeBackFuel();
        TailCalls.placeholderReturn(cb, type);
        unreachable = true;
    }

    /** After a call: takes the fuel back, unpacks several results, and reloads the memory (the callee may have grown it). */
    void results(FunctionType ft) {
        fuelFromCallee();
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

    // ---- fuel ----

    /**
     * Charges {@code cost} as the interpreter's FUEL op does. Past zero the slow path polls too, so metered
     * code has no other interrupt countdown: in a loop this is the same iinc and test the poll would be.
     */
    void chargeFuel(int cost) {
        if (cost == 0) return;   // a slice is never negative: nothing to charge or test
        Label go = cb.newLabel();
        if (fuelLocal) {
            if (cost <= Short.MAX_VALUE) {
                cb.iinc(fuelSlot, -cost);
                cb.iload(fuelSlot);
            } else {
                cb.iload(fuelSlot);
                cb.loadConstant(cost);
                cb.isub();
                cb.dup();
                cb.istore(fuelSlot);
            }
            cb.ifge(go);
            cb.aload(instSlot);
            cb.iload(fuelSlot);
            cb.loadConstant(cost);
            support(cb, "refuel", CD_int, CD_INST, CD_int, CD_int);
            cb.istore(fuelSlot);
        } else {
            // One field update per call, in place of the unmetered call countdown.
            cb.aload(instSlot);
            cb.dup();
            cb.getfield(CD_INST, "fuel", CD_int);
            cb.loadConstant(cost);
            cb.isub();
            cb.dup_x1();
            cb.putfield(CD_INST, "fuel", CD_int);
            cb.ifge(go);
            cb.aload(instSlot);
            cb.loadConstant(cost);
            support(cb, "refuelField", CD_void, CD_INST, CD_int);
        }
        cb.labelBinding(go);
    }

    /** Loads the slice into the local (at the entry, and after a callee had it). */
    void loadFuel() {
        cb.aload(instSlot);
        cb.getfield(CD_INST, "fuel", CD_int);
        cb.istore(fuelSlot);
    }

    /** Stores the local slice in the instance, where callers, callees and the API see it. */
    void writeBackFuel() {
        if (!fuelLocal) return;
        cb.aload(instSlot);
        cb.iload(fuelSlot);
        cb.putfield(CD_INST, "fuel", CD_int);
    }

    /** Just before a call: the callee owns the slice until it returns (-1 tells the handlers so). */
    void fuelToCallee() {
        if (!fuelLocal) return;
        writeBackFuel();
        cb.iconst_m1();
        cb.istore(fuelSlot);
    }

    void fuelFromCallee() {
        if (fuelLocal) loadFuel();
    }

    /** In a handler: writes the local back unless a callee owned the slice (then the instance has it). */
    void writeBackFuelIfOwned() {
        if (!fuelLocal) return;
        Label skip = cb.newLabel();
        cb.iload(fuelSlot);
        cb.iflt(skip);
        writeBackFuel();
        cb.labelBinding(skip);
    }

    /** Where a Wasm handler lands: takes the slice back if the exception came out of a callee. */
    void reloadFuelIfLent() {
        if (!fuelLocal) return;
        Label skip = cb.newLabel();
        cb.iload(fuelSlot);
        cb.ifge(skip);
        loadFuel();
        cb.labelBinding(skip);
    }
}
