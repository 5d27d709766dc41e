package dev.gatun.compiler;

import dev.gatun.interpreter.FuelCosts;
import dev.gatun.interpreter.Interpreter;
import dev.gatun.interpreter.SimdTranslator;
import dev.gatun.interpreter.Translator;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
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
 * The state of one function being compiled: its locals' JVM slots, the type stack that mirrors the JVM
 * operand stack, the v128 register file's layout, the pending comparison and the scratch slots. The code
 * generators of each concern extend it: {@link ScalarCodegen} (numerics, memory), {@link SimdCodegen} (v128),
 * {@link FunctionCompiler} (control flow, calls, the instruction dispatch).
 */
abstract class FunctionState {
    static final int BLOCK = 0, LOOP = 1, IF = 2, FUNC = 3, TRY_TABLE = 4, TRY = 5;
    static final MethodTypeDesc UNWIND = MethodTypeDesc.of(CD_RTE, CD_RTE, CD_INST, CD_int, CD_long);
    static final MethodTypeDesc OVERFLOW = MethodTypeDesc.of(CD_RTE, CD_SOE, CD_INST, CD_int, CD_long);
    /** The vector register file's pair where scalars cross into and out of kernels. */
    static final int VSCRATCH = 0;

    static final class Ctl {
        int kind;
        Label label;       // branch target: end of block/if/function, start of loop
        Label elseLabel;   // an if's false path until its else (or end) is seen
        int height;        // type-stack height below the frame's params
        int base;          // jvmBase at the frame's label
        int savedBase;     // a loop that spilled what was below it: the jvmBase to restore at its end
        ValType[] params, results;
        boolean endReachable;
        // Exception handling (try_table and the legacy try):
        /** This try's JVM exception handler: the code that matches a caught exception to a clause. */
        Label handler;
        /** The handler in effect around this frame (null: exceptions leave the function). */
        Label enclosing;
        /** Legacy try: past its body (in a catch clause), where its own handler no longer applies. */
        boolean inCatch;
        /** The try body's first instruction. */
        Label tryStart;
        /** The JVM local holding the caught exception (a legacy try's rethrow reads it). */
        int exnSlot = -1;
        /** Each clause's tag (-1: catch_all), and the out-of-line code that lands an exception in it. */
        List<Integer> clauseTags;
        List<Runnable> clauseLandings;
        /** A frame of the caller of an outlined region: a branch to it leaves the region's method. */
        boolean outside;

        ValType[] labelTypes() { return kind == LOOP ? params : results; }
    }

    final Compiler.GeneratedClass g;
    final CodeBuilder cb;
    final WasmModule mod;
    final int funcidx;
    final FunctionType type;
    final Compiler.BodySummary scan;
    final WasmReader r;
    final int[] localSlot;
    /** Each parameter's JVM slot (for a v128, localSlot is its pair in the file). */
    final int[] vParamSlot;
    final ValType[] localType;
    final int instSlot, depthSlot, memSlot, budgetSlot;
    /**
     * The body offset of the last instruction that can trap, stored before it: the exception handler
     * reports it as the frame's code offset. C2 keeps these constants in the throw paths' debug state,
     * so the normal path pays nothing for them beyond their bytecode.
     */
    final int atSlot;
    /** Module offset of the body's first byte. */
    final long codeOffset;
    /** The fuel costs when the module is metered, else null (no fuel code is generated). */
    final FuelCosts fuel;
    /**
     * Whether the function keeps the instance's fuel slice in {@link #fuelSlot} (metered, with loops), so a
     * back-edge charges a register. The local is -1 while a callee owns the slice, and otherwise the
     * instance's field is stale until the local is written back (before calls, returns and throws, and by
     * the exception handler).
     */
    final boolean fuelLocal;
    final int fuelSlot;
    /** The vector register file's JVM local (see {@link #vAt}), or -1 when the body has no v128. */
    final int vSlot;
    /** How the function is split into methods (null: it is one), and the region this method is (null: the function's own). */
    final BodySplitter split;
    final BodySplitter.Entry entry;
    /** A split function's per-call frame arrays ({@link BodySplitter}): longs (and the trap offset), references; else -1. */
    final int frameSlot, refsSlot;
    /** First file index of the operand-stack pairs (after the scratch pair and the v128 locals). */
    final int vBase;
    /** The file pair of each distinct v128.const, filled once at entry (key: its low and high halves). */
    final Map<List<Long>, Integer> vConsts = new LinkedHashMap<>();
    /** Most v128 values ever on the operand stack at once. */
    int vMax;
    int nextSlot;
    final Map<Long, Integer> scratch = new HashMap<>();

    ValType[] stack = new ValType[16];
    /** For each v128 on the type stack, the file pair that holds its value now (see {@link #pushFrom}). */
    int[] vSrc = new int[16];
    int sp;
    final List<Ctl> ctrls = new ArrayList<>();
    boolean unreachable;
    /**
     * Type-stack entries below this index are not on the JVM stack but in spill locals (one per index and
     * kind): a loop entered with values below it spills them, because HotSpot cannot OSR-compile a loop
     * whose header has a non-empty JVM stack, and a long single call (a whole-frame image filter) would
     * otherwise run in the bytecode interpreter. Wasm code inside the loop cannot touch those values.
     */
    int jvmBase;
    /** The branch opcode of a comparison whose 0/1 result is not materialised yet, or null. */
    Opcode pending;

    FunctionState(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        this.g = g;
        this.cb = cb;
        this.mod = g.mod;
        this.funcidx = funcidx;
        this.type = mod.funcType(funcidx);
        this.scan = scan;
        this.split = split;
        this.entry = entry;
        WasmModule.FunctionBody body = mod.codes().get(funcidx - mod.importedFuncs());
        this.r = new WasmReader(body.code(), 0, body.code().length, body.codeOffset());
        this.codeOffset = body.codeOffset();
        this.fuel = g.metered ? FuelCosts.of(body.code()) : null;
        this.fuelLocal = fuel != null && scan.loops();
        int np = type.params().size();
        int n = np + body.locals().length;
        localSlot = new int[n];
        localType = new ValType[n];
        // An outlined region's method takes (its entry values..., frame, refs, [vector file], inst, depth):
        // the function's parameters are locals there, loaded from the frame like the others.
        int slot = entry == null ? 0 : entry.entrySlots();
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
            if (entry == null) slot += slots(localType[i]);
        }
        int frame = -1, refs = -1, v = -1;
        if (entry != null) {
            frame = slot++;
            refs = slot++;
            v = scan.simd() ? slot++ : -1;
        }
        instSlot = slot++;
        depthSlot = slot++;
        for (int i = entry == null ? np : 0; i < n; i++) {
            if (i >= np) localType[i] = body.locals()[i - np];
            if (localType[i] == ValType.V128) {
                if (i < np) continue;
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
        atSlot = slot++;
        fuelSlot = slot++;
        if (entry == null) {
            v = scan.simd() ? slot++ : -1;
            frame = split != null ? slot++ : -1;
            refs = split != null ? slot++ : -1;
        }
        vSlot = v;
        frameSlot = frame;
        refsSlot = refs;
        nextSlot = slot;
    }

    /**
     * Gives each distinct v128.const of the body a file pair: compilers put constants inside loops, and
     * one filled at entry turns each use into a vector move instead of two long stores, which the next
     * kernel's 16-byte load could not forward from.
     */
    int collectConstants(WasmModule.FunctionBody body, int vreg) {
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


    // ---- stack bookkeeping ----

    void push(ValType t) {
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
    void pushFrom(int src) {
        push(ValType.V128);
        vSrc[sp - 1] = src;
    }

    /** Where the v128 k places below the top is now: its own pair, or the local or constant it came from. */
    int vIn(int k) { return vSrc[sp - 1 - k]; }

    /**
     * Copies pending v128 values (those still in another pair) to their own pairs, all of them or only
     * those in pair src: control flow joins must see one layout, and a local cannot change under them.
     */
    void materialize(int src) {
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
    int vAt(int i) {
        int n = 0;
        for (int j = 0; j < i; j++) if (stack[j] == ValType.V128) n++;
        return vBase + 2 * n;
    }

    /** The file index of the v128 k places below the top of the stack. */
    int vTop(int k) { return vAt(sp - 1 - k); }

    ValType pop() { return stack[--sp]; }

    ValType peek(int i) { return stack[sp - 1 - i]; }

    void jvmPop(ValType t) {
        if (t == ValType.V128) return;   // in the file
        if (wide(t)) cb.pop2();
        else cb.pop();
    }

    int scratchSlot(ValType t, int k) {
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
    void flush() {
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
    Opcode condition() {
        pop();
        if (pending != null) {
            Opcode op = pending;
            pending = null;
            return op;
        }
        return Opcode.IFNE;
    }

    void compare(Opcode op) {
        pop();
        pop();
        push(ValType.I32);
        pending = op;
    }

    void reloadMem() {
        cb.aload(instSlot);
        support(cb, "mem", CD_SEG, CD_INST);
        cb.astore(memSlot);
    }

    /** Whether memory k is memory 0 with 32-bit addresses, whose segment the memory slot caches. */
    boolean plainMemory(int k) { return k == 0 && !mod.memories().get(0).address64(); }

    /** The address type of memory k (i64 for memory64). */
    ValType memAddr(int k) { return mod.memories().get(k).address64() ? ValType.I64 : ValType.I32; }

    /** The index type of table t (i64 for table64). */
    ValType tableAddr(int t) { return mod.tables().get(t).address64() ? ValType.I64 : ValType.I32; }

    /** Pushes memory k's current segment: memory 0's from its slot, any other's from the instance. */
    void segment(int k) {
        if (k == 0) {
            cb.aload(memSlot);
        } else {
            cb.aload(instSlot);
            cb.loadConstant(k);
            support(cb, "memK", CD_SEG, CD_INST, CD_int);
        }
    }

    /**
     * Pops the top n operands off both stacks and pushes them back with every i32 and i64 widened to a
     * long (references stay): the table and bulk-memory helpers take raw 64-bit operands and read them by
     * address type, so one helper serves every mix of 32- and 64-bit tables and memories.
     */
    void operandsToRaw(int n) {
        ValType[] ts = new ValType[n];
        int[] slots = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            ts[i] = pop();
            slots[i] = scratchSlot(ts[i], -10 - i);
            cb.storeLocal(kind(ts[i]), slots[i]);
        }
        for (int i = 0; i < n; i++) {
            cb.loadLocal(kind(ts[i]), slots[i]);
            toRaw(ts[i]);
        }
    }

    /** Pushes a helper's long result as a value of type t (narrowed for i32). */
    void fromRaw(ValType t) {
        if (t == ValType.I32) cb.l2i();
        push(t);
    }

    /** Widens the i32 on top of the JVM stack to a long (an i64 stays): the runtime masks by address type. */
    void toRaw(ValType t) {
        if (t == ValType.I32) cb.i2l();
    }


    static String suffix(ValType t) {
        return switch (t) {
            case I32 -> "I32";
            case I64 -> "I64";
            case F32 -> "F32";
            case F64 -> "F64";
            default -> "Ref";
        };
    }


    void unary(ValType in, ValType out) {
        pop();
        push(out);
    }

    void binary(ValType t) {
        pop();
        pop();
        push(t);
    }

    void call(ClassDesc owner, String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(owner, name, MethodTypeDesc.of(ret, params));
    }

    /** A 128-bit move between pairs of the vector register file (emitted by {@link SimdCodegen}). */
    abstract void vCopy(int dst, int src);
}
