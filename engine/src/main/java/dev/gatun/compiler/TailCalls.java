package dev.gatun.compiler;

import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.MethodTypeDesc;
import java.util.List;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * Tail calls in tier 2. The JVM has none, so a tail call that is not a jump back to the function's own
 * start is a trampoline: the body (method {@code b<funcidx>}) stores the callee and its arguments in the
 * thread's {@link dev.gatun.interpreter.CallStack} ({@code tail}, registers at {@code tailFp}) through a
 * helper {@code tc<typeidx>} and returns a placeholder; the function's wrapper (method {@code f<funcidx>},
 * the one every caller calls) sees the pending call and runs {@link dev.gatun.interpreter.Interpreter#drain},
 * which calls each next callee by its body ({@code CompiledCode.invokeTail}) or in the interpreter, so a
 * chain of tail calls across functions and tiers takes constant Java stack. Functions without such tail
 * calls have no wrapper: the normal call path is unchanged.
 */
final class TailCalls {
    private TailCalls() {}

    /** {@code tc<typeidx>}: (params..., FuncInst callee, InstanceState inst) -> void. */
    static MethodTypeDesc helperDesc(FunctionType ft) {
        return mtd(ft, CD_FUNC, CD_INST).changeReturnType(CD_void);
    }

    /** Leaves a tail call to the callee with the parameters of this helper pending. */
    static void helper(CodeBuilder cb, FunctionType ft) {
        int pslots = 0;
        for (ValType t : ft.params()) pslots += slots(t);
        int fSlot = pslots, mSlot = pslots + 2, fpSlot = pslots + 3;
        support(cb, "callStack", CD_CALL_STACK);
        cb.astore(mSlot);
        cb.aload(mSlot);
        cb.loadConstant(Math.max(regs(ft.params()), regs(ft.results())));
        support(cb, "frame", CD_int, CD_CALL_STACK, CD_int);
        cb.istore(fpSlot);
        GeneratedClass.spillParams(cb, ft, mSlot, fpSlot);
        cb.aload(mSlot);
        cb.aload(fSlot);
        cb.putfield(CD_CALL_STACK, "tail", CD_FUNC);
        cb.aload(mSlot);
        cb.iload(fpSlot);
        cb.putfield(CD_CALL_STACK, "tailFp", CD_int);
        cb.return_();
    }

    /** {@code f<funcidx>} of a split function: calls the body, then runs the tail calls it left pending. */
    static void wrapper(GeneratedClass g, CodeBuilder cb, int funcidx) {
        FunctionType ft = g.mod.funcType(funcidx);
        int pslots = GeneratedClass.loadParams(cb, ft);
        int instSlot = pslots, depthSlot = pslots + 1, mSlot = pslots + 2, fpSlot = pslots + 3;
        cb.aload(instSlot);
        cb.iload(depthSlot);
        cb.invokestatic(g.self, "b" + funcidx, fnDesc(ft));
        support(cb, "callStack", CD_CALL_STACK);
        cb.astore(mSlot);
        cb.aload(mSlot);
        cb.getfield(CD_CALL_STACK, "tail", CD_FUNC);
        Label drive = cb.newLabel();
        cb.ifnonnull(drive);
        GeneratedClass.returnOf(cb, ft);
        cb.labelBinding(drive);
        popResult(cb, ft);
        cb.aload(mSlot);
        cb.iload(depthSlot);
        support(cb, "drainTail", CD_int, CD_CALL_STACK, CD_int);
        cb.istore(fpSlot);
        GeneratedClass.returnResults(cb, ft, mSlot, fpSlot, () -> {
            cb.aload(instSlot);
            cb.loadConstant(funcidx);
            support(cb, "typeOf", CD_FTYPE, CD_INST, CD_int);
        });
    }

    /** Drops what a method of type ft returned (the placeholder of a body that left a tail call pending). */
    static void popResult(CodeBuilder cb, FunctionType ft) {
        List<ValType> rs = ft.results();
        if (rs.isEmpty()) return;
        if (rs.size() == 1 && wide(rs.get(0))) cb.pop2();
        else cb.pop();
    }

    /** The placeholder a body returns after leaving a tail call pending: a zero of its result type. */
    static void placeholderReturn(CodeBuilder cb, FunctionType ft) {
        List<ValType> rs = ft.results();
        if (rs.size() == 1) {
            switch (rs.get(0)) {
                case I32 -> cb.iconst_0();
                case I64 -> cb.lconst_0();
                case F32 -> cb.fconst_0();
                case F64 -> cb.dconst_0();
                default -> cb.aconst_null();
            }
        } else if (rs.size() > 1) {
            cb.aconst_null();
        }
        GeneratedClass.returnOf(cb, ft);
    }
}
