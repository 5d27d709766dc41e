package dev.gatun.compiler;

import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;
import dev.gatun.model.WasmModule;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * On-stack replacement entries (the interpreter's side is {@code interpreter.Osr}). Function funcidx's
 * entry is a second method {@code o<funcidx>}, with the same descriptor as its own: the same body, but its
 * prologue loads every local from the interpreter frame at {@code m.osrFp} (the register of local i is
 * i: the function has no v128) and jumps to the header of the loop at body position {@code m.osrLoop}.
 * The loops that can be entered are those with an empty operand stack and no params, where the interpreter
 * offers them ({@code IrFunction.loopHeads}); everything else at a loop header (the memory slot, the poll
 * budget, the fuel local) is set up as at the function's entry. Functions with v128 values, references, tail calls
 * to others or try blocks have no entry (their frames or handlers would need more than locals).
 *
 * <p>The generated class's {@code osr} method dispatches on funcidx to these entries and stores the results
 * in the frame, as {@code invoke} does.
 */
final class OsrCodegen {
    private final FunctionCompiler fc;
    private final CodeBuilder cb;
    /** By body position of each loop in the body: its entry label. */
    private final Map<Integer, Label> heads = new LinkedHashMap<>();
    private final List<Integer> bound = new ArrayList<>();
    /** Where a loop position with no case goes (none is ever asked for). */
    private Label none;

    OsrCodegen(FunctionCompiler fc) {
        this.fc = fc;
        this.cb = fc.cb;
        WasmModule.FunctionBody body = fc.mod.codes().get(fc.funcidx - fc.mod.importedFuncs());
        WasmReader s = new WasmReader(body.code(), 0, body.code().length, 0);
        while (!s.atEnd()) {
            Instruction in = InstructionReader.next(s);
            if (in == Instruction.LOOP) heads.put(s.pos(), cb.newLabel());
            InstructionReader.skipImmediates(in, s);
        }
    }

    boolean any() { return !bound.isEmpty(); }

    /** Loads the locals from the interpreter frame, sets up what the entry would, and jumps to the loop. */
    void prologue() {
        int mSlot = fc.scratchSlot(ValType.EXTERNREF, 3 << 20), fpSlot = fc.scratchSlot(ValType.I32, 3 << 20);
        support(cb, "callStack", CD_CALL_STACK);
        cb.astore(mSlot);
        cb.aload(mSlot);
        cb.getfield(CD_CALL_STACK, "osrFp", CD_int);
        cb.istore(fpSlot);
        for (int i = 0; i < fc.localType.length; i++) {
            ValType t = fc.localType[i];
            cb.aload(mSlot);
            cb.getfield(CD_CALL_STACK, "regs", CD_LONGS);
            cb.iload(fpSlot);
            cb.loadConstant(i);
            cb.iadd();
            cb.laload();
            fromBits(cb, t);
            cb.storeLocal(kind(t), fc.localSlot[i]);
        }
        if (fc.scan.memory()) fc.reloadMem();
        if (fc.fuel == null) {
            cb.loadConstant(dev.gatun.interpreter.Interpreter.BUDGET);
            cb.istore(fc.budgetSlot);
        }
        cb.aload(mSlot);
        cb.getfield(CD_CALL_STACK, "osrLoop", CD_int);
        none = cb.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        heads.forEach((at, l) -> cases.add(SwitchCase.of(at, l)));
        cb.lookupswitch(none, cases);
    }

    /** At the header of the loop at body position {@code at}, where it can be entered. */
    void header(int at) {
        cb.labelBinding(heads.get(at));
        bound.add(at);
    }

    /**
     * After the body: loops that could not be entered (a non-empty stack, params, dead code) are never
     * offered by the interpreter; their cases trap rather than run anything.
     */
    void epilogue() {
        heads.forEach((at, l) -> {
            if (!bound.contains(at)) cb.labelBinding(l);
        });
        cb.labelBinding(none);
        support(cb, "unreachable", CD_TRAP);
        cb.athrow();
    }

    /**
     * The class's {@code osr(funcidx, loop, m, fp, inst, depth)}: calls the entry of funcidx with zeros for
     * its params (the prologue reads them from the frame) and leaves its results at fp. Locals: this 0,
     * funcidx 1, loop 2, m 3, fp 4, inst 5, depth 6, result scratch 7.
     */
    static void dispatcher(Compiler.GeneratedClass g, CodeBuilder cb, List<Integer> funcs) {
        Label no = cb.newLabel();
        cb.iload(1);
        List<Label> labels = lookupswitch(cb, funcs, no);
        for (int k = 0; k < funcs.size(); k++) {
            int f = funcs.get(k);
            FunctionType ft = g.mod.funcType(f);
            cb.labelBinding(labels.get(k));
            cb.aload(3);
            cb.iload(4);
            cb.putfield(CD_CALL_STACK, "osrFp", CD_int);
            cb.aload(3);
            cb.iload(2);
            cb.putfield(CD_CALL_STACK, "osrLoop", CD_int);
            for (ValType t : ft.params()) {
                switch (t) {
                    case I32 -> cb.iconst_0();
                    case I64 -> cb.lconst_0();
                    case F32 -> cb.fconst_0();
                    default -> cb.dconst_0();
                }
            }
            cb.aload(5);
            cb.iload(6);
            cb.invokestatic(g.self, "o" + f, fnDesc(ft));
            List<ValType> rs = ft.results();
            if (rs.size() == 1) {
                ValType t = rs.get(0);
                toBits(cb, t);
                cb.lstore(7);
                cb.aload(3);
                cb.getfield(CD_CALL_STACK, "regs", CD_LONGS);
                cb.iload(4);
                cb.lload(7);
                cb.lastore();
            } else if (rs.size() > 1) {
                cb.aload(3);
                cb.iload(4);
                cb.aload(5);
                cb.loadConstant(f);
                support(cb, "spill", CD_void, CD_OBJS, CD_CALL_STACK, CD_int, CD_INST, CD_int);
            }
            cb.iconst_1();
            cb.ireturn();
        }
        cb.labelBinding(no);
        cb.iconst_0();
        cb.ireturn();
    }

    static final MethodTypeDesc DESC = MethodTypeDesc.of(CD_boolean, CD_int, CD_int, Compiler.CD_CALL_STACK, CD_int,
            Compiler.CD_INST, CD_int);
}
