package dev.gatun.compiler;

import dev.gatun.model.FunctionType;
import dev.gatun.model.Instruction;
import dev.gatun.model.ValType;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * A function too big for one JVM method, as several: the blocks, loops and ifs its {@link RegionPlan} picks
 * are each a static method {@code r<funcidx>_<id>(entry values..., long[] frame, Object[] refs, [long[]
 * vector file], inst, depth) -> int}, called where the construct stands (recursively: a region's method
 * calls the regions inside it).
 *
 * <p>The function's own method allocates the frame arrays once per call: {@code frame} holds each scalar
 * local's bits by local index, then a transfer area for the values a region hands back, then the offset
 * of the instruction that trapped in a region (plus one, zero while none did); {@code refs} holds the
 * references likewise. v128 locals and stack values already live in the vector file, which every method
 * of the function shares, at the same pairs (a region's method sees the caller's type stack below it).
 * A call stores the locals the region uses into the frame and passes the construct's scalar params (and an
 * if's condition) as arguments; the region loads those locals, and stores back the ones it writes on the
 * way out. It returns how control left it: 0 falling out of its end (its results in the transfer area),
 * or {@code k + 1} branching to the caller's control frame k with that label's values there (a return is
 * a branch to the function's frame, 0). The caller takes those values and branches on, as if the branch
 * had been its own.
 *
 * <p>A trap in a region's method is rethrown after noting its offset in the frame, so the function's own
 * handler reports one frame, at the right instruction. Split functions have no on-stack replacement entry
 * (its prologue would have to rebuild the frame arrays too); fuel passes to a region as to a callee.
 */
final class BodySplitter {
    /** The most JVM parameter slots a region's entry values may take (a method has 255, five are ours). */
    static final int MAX_ENTRY_SLOTS = 200;

    final RegionPlan plan;
    private final int transferBase, atIndex;
    /** The most v128 stack pairs any method of the function uses: the vector file the function allocates. */
    int vMax;
    /**
     * The regions whose methods are in the class already: the class builder may run a method's code
     * handler twice (again with long jumps when a short one overflows), which reaches each region again.
     */
    private final java.util.BitSet emitted = new java.util.BitSet();

    BodySplitter(RegionPlan plan, int locals) {
        this.plan = plan;
        this.transferBase = locals;
        this.atIndex = locals + plan.transfer;
    }

    /**
     * A region's method being emitted: its region, the caller's type stack at the region's entry (through
     * its entry values), the height below those, the caller's control frames, and the construct's results.
     */
    record Entry(RegionPlan.Region region, ValType[] stack, int height, List<FunctionState.Ctl> outside,
                 ValType[] results, Label[] exit) {
        /** JVM slots of the entry values passed as arguments (v128 ones are in the vector file). */
        int entrySlots() {
            int n = 0;
            for (int i = height; i < stack.length; i++) n += stack[i] == ValType.V128 ? 0 : wide(stack[i]) ? 2 : 1;
            return n;
        }

        MethodTypeDesc desc(boolean simd) {
            List<ClassDesc> ps = new ArrayList<>();
            for (int i = height; i < stack.length; i++) if (stack[i] != ValType.V128) ps.add(Compiler.desc(stack[i]));
            ps.add(CD_LONGS);
            ps.add(CD_OBJS);
            if (simd) ps.add(CD_LONGS);
            ps.add(CD_INST);
            ps.add(CD_int);
            return MethodTypeDesc.of(CD_int, ps);
        }
    }

    // ---- the caller's side ----

    /** In the function's own method, before its body: the frame arrays. */
    void allocate(FunctionState fc) {
        CodeBuilder cb = fc.cb;
        cb.loadConstant(atIndex + 1);
        cb.newarray(TypeKind.LONG);
        cb.astore(fc.frameSlot);
        cb.loadConstant(atIndex);
        cb.anewarray(CD_Object);
        cb.astore(fc.refsSlot);
    }

    /** In the function's own trap handlers: pushes the offset of the instruction that trapped, a region's if one did. */
    void trapAt(FunctionState fc) {
        CodeBuilder cb = fc.cb;
        Label own = cb.newLabel(), done = cb.newLabel();
        cb.aload(fc.frameSlot);
        cb.loadConstant(atIndex);
        cb.laload();
        cb.l2i();
        cb.dup();
        cb.ifeq(own);
        cb.iconst_m1();
        cb.iadd();
        cb.goto_(done);
        cb.labelBinding(own);
        cb.pop();
        cb.iload(fc.atSlot);
        cb.labelBinding(done);
    }

    /**
     * At a block, loop or if (its opcode read): when the plan outlines it, emits its method and the call to
     * it in place of its body, moves the reader past its end, and returns true.
     */
    boolean outline(FunctionCompiler fc, Instruction in) {
        RegionPlan.Region rg = plan.regions.get(fc.r.pos());
        if (rg == null || fc.entry != null && fc.entry.region() == rg) return false;
        FunctionType bt = fc.blockType();
        if (in == Instruction.IF) fc.flush();
        int height = fc.sp - bt.params().size() - (in == Instruction.IF ? 1 : 0);
        Entry e = new Entry(rg, Arrays.copyOf(fc.stack, fc.sp), height, List.copyOf(fc.ctrls),
                bt.results().toArray(new ValType[0]), new Label[1]);
        String name = "r" + fc.funcidx + "_" + rg.id;
        MethodTypeDesc desc = e.desc(fc.vSlot >= 0);
        if (!emitted.get(rg.id)) {
            emitted.set(rg.id);
            fc.g.clb.withMethodBody(name, desc, ClassFile.ACC_STATIC, rcb -> new FunctionCompiler(fc.g, rcb, fc.funcidx, fc.scan, this, e).emit());
        }
        CodeBuilder cb = fc.cb;
        rg.used.stream().forEach(x -> toFrame(fc, x));
        fc.fuelToCallee();
        cb.aload(fc.frameSlot);
        cb.aload(fc.refsSlot);
        if (fc.vSlot >= 0) cb.aload(fc.vSlot);
        cb.aload(fc.instSlot);
        cb.iload(fc.depthSlot);
        cb.invokestatic(fc.g.self, name, desc);
        fc.sp = height;
        rg.written.stream().forEach(x -> fromFrame(fc, x));
        fc.fuelFromCallee();
        if (fc.scan.memory()) fc.reloadMem();   // the region may have grown it
        if (rg.exits.isEmpty()) {
            cb.pop();
        } else {
            Label fallOut = cb.newLabel();
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> labels = new ArrayList<>();
            for (int k : rg.exits) {
                Label l = cb.newLabel();
                labels.add(l);
                cases.add(SwitchCase.of(k + 1, l));
            }
            cb.lookupswitch(fallOut, cases);
            int i = 0;
            for (int k : rg.exits) {
                cb.labelBinding(labels.get(i++));
                FunctionState.Ctl target = fc.ctrls.get(k);
                fc.sp = height;
                fromTransfer(fc, target.labelTypes());
                fc.jump(target);
            }
            cb.labelBinding(fallOut);
        }
        fc.sp = height;
        fromTransfer(fc, e.results());
        fc.r.pos(rg.end);
        return true;
    }

    /** Pushes values the region left in the transfer area (a v128 is in its pair already). */
    private void fromTransfer(FunctionState fc, ValType[] types) {
        CodeBuilder cb = fc.cb;
        for (int i = 0; i < types.length; i++) {
            ValType t = types[i];
            if (t.isReference()) {
                cb.aload(fc.refsSlot);
                cb.loadConstant(transferBase + i);
                cb.aaload();
            } else if (t != ValType.V128) {
                cb.aload(fc.frameSlot);
                cb.loadConstant(transferBase + i);
                cb.laload();
                fromBits(cb, t);
            }
            fc.push(t);
        }
    }

    private static void toFrame(FunctionState fc, int x) {
        ValType t = fc.localType[x];
        if (t == ValType.V128) return;
        CodeBuilder cb = fc.cb;
        cb.aload(t.isReference() ? fc.refsSlot : fc.frameSlot);
        cb.loadConstant(x);
        cb.loadLocal(kind(t), fc.localSlot[x]);
        if (t.isReference()) {
            cb.aastore();
        } else {
            toBits(cb, t);
            cb.lastore();
        }
    }

    private static void fromFrame(FunctionState fc, int x) {
        ValType t = fc.localType[x];
        if (t == ValType.V128) return;
        CodeBuilder cb = fc.cb;
        cb.aload(t.isReference() ? fc.refsSlot : fc.frameSlot);
        cb.loadConstant(x);
        if (t.isReference()) {
            cb.aaload();
        } else {
            cb.laload();
            fromBits(cb, t);
        }
        cb.storeLocal(kind(t), fc.localSlot[x]);
    }

    // ---- the region's side ----

    /**
     * A region's method, before its body: loads the locals it uses, sets up what a function's entry would
     * (the memory, the poll budget, the fuel), rebuilds the caller's type and control stacks (its frames as
     * exits), pushes the entry values and puts the reader back at the construct's opcode. Returns the start
     * of the trap handler's range.
     */
    Label prologue(FunctionCompiler fc) {
        CodeBuilder cb = fc.cb;
        Entry e = fc.entry;
        e.exit()[0] = cb.newLabel();
        cb.iconst_0();
        cb.istore(fc.atSlot);
        if (fc.fuelLocal) fc.loadFuel();
        e.region().used.stream().forEach(x -> fromFrame(fc, x));
        if (fc.scan.memory()) fc.reloadMem();
        if (fc.scan.loops() && fc.fuel == null) {
            cb.loadConstant(dev.gatun.interpreter.Interpreter.BUDGET);
            cb.istore(fc.budgetSlot);
        }
        Label start = cb.newBoundLabel();
        for (FunctionState.Ctl o : e.outside()) {
            FunctionState.Ctl c = new FunctionState.Ctl();
            c.kind = o.kind;
            c.params = o.params;
            c.results = o.results;
            c.height = o.height;
            c.outside = true;
            fc.ctrls.add(c);
        }
        for (int i = 0; i < e.height(); i++) fc.push(e.stack()[i]);
        // Below the entry values the caller's stack stays in the caller (as if spilled, see jvmBase).
        fc.jvmBase = e.height();
        for (int i = e.height(), slot = 0; i < e.stack().length; i++) {
            ValType t = e.stack()[i];
            if (t != ValType.V128) {
                cb.loadLocal(kind(t), slot);
                slot += wide(t) ? 2 : 1;
            }
            fc.push(t);
        }
        fc.r.pos(e.region().at - 1);
        return start;
    }

    /**
     * Leaves a region's method with the top n values: scalars to the transfer area, v128 ones down to their
     * pairs in the caller's layout (ascending, so none is overwritten before it moves), then to the shared
     * way out with the code.
     */
    void exit(FunctionState fc, int code, int n) {
        CodeBuilder cb = fc.cb;
        int sp = fc.sp;
        for (int i = n - 1; i >= 0; i--) {
            ValType t = fc.stack[sp - n + i];
            if (t != ValType.V128) cb.storeLocal(kind(t), fc.scratchSlot(t, 5 << 20 | i));
        }
        for (int j = sp - n - 1; j >= fc.jvmBase; j--) fc.jvmPop(fc.stack[j]);
        int to = fc.vAt(fc.entry.height());
        for (int i = 0; i < n; i++) {
            ValType t = fc.stack[sp - n + i];
            if (t == ValType.V128) {
                int from = fc.vAt(sp - n + i);
                if (from != to) fc.vCopy(to, from);
                to += 2;
                continue;
            }
            cb.aload(t.isReference() ? fc.refsSlot : fc.frameSlot);
            cb.loadConstant(transferBase + i);
            cb.loadLocal(kind(t), fc.scratchSlot(t, 5 << 20 | i));
            if (t.isReference()) {
                cb.aastore();
            } else {
                toBits(cb, t);
                cb.lastore();
            }
        }
        cb.loadConstant(code);
        cb.goto_(fc.entry.exit()[0]);
    }

    /**
     * After a region's body (end bound): the handler that notes a trap's offset for the function's own
     * handler (an inner region's note stands) and rethrows, and the way out, which stores the written locals.
     */
    void epilogue(FunctionCompiler fc, Label start, Label end) {
        CodeBuilder cb = fc.cb;
        Label handler = cb.newBoundLabel();
        cb.exceptionCatchAll(start, end, handler);
        fc.writeBackFuelIfOwned();
        Label noted = cb.newLabel();
        cb.aload(fc.frameSlot);
        cb.loadConstant(atIndex);
        cb.laload();
        cb.lconst_0();
        cb.lcmp();
        cb.ifne(noted);
        cb.aload(fc.frameSlot);
        cb.loadConstant(atIndex);
        cb.iload(fc.atSlot);
        cb.iconst_1();
        cb.iadd();
        cb.i2l();
        cb.lastore();
        cb.labelBinding(noted);
        cb.athrow();
        cb.labelBinding(fc.entry.exit()[0]);
        fc.entry.region().written.stream().forEach(x -> toFrame(fc, x));
        fc.writeBackFuel();
        cb.ireturn();
        vMax = Math.max(vMax, fc.vMax);
    }
}
