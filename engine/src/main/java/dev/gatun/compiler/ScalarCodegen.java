package dev.gatun.compiler;

import dev.gatun.interpreter.Interpreter;
import dev.gatun.runtime.Atomics;
import dev.gatun.interpreter.SimdTranslator;
import dev.gatun.interpreter.Translator;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.MemArg;
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

/** Code generation of the scalar numeric instructions, the 0xFC conversions and bulk operations, and scalar loads and stores. */
abstract class ScalarCodegen extends FunctionState {
    ScalarCodegen(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        super(g, cb, funcidx, scan, split, entry);
    }

    void memory(Instruction in) {
        int op = in.code;
        MemArg ma = MemArg.read(r);
        long offset = ma.offset();
        boolean store = op >= Instruction.I32_STORE.code;
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
        if (!plainMemory(ma.memory())) {
            wideAccess(ma, store, name, value, narrow);
        } else if (store) {
            pop();
            pop();
            cb.loadConstant(offset);
            cb.aload(memSlot);
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
            support(cb, name, CD_void, CD_int, value, CD_long, CD_SEG);
        } else {
            pop();
            cb.loadConstant(offset);
            cb.aload(memSlot);
            support(cb, name, value, CD_int, CD_long, CD_SEG);
        }
        if (!store) {
            if (widen) cb.i2l();
            if (widenU) {
                cb.i2l();
                cb.loadConstant(0xFFFF_FFFFL);
                cb.land();
            }
            push(result);
        }
    }

    /**
     * A load or store of a memory other than a 32-bit memory 0 (multi-memory, memory64): the address
     * (widened to long) and offset become a checked effective address first, then the access goes to the
     * memory's segment (memory 0's is in its slot; others are fetched, as their grows do not reload it).
     * The value of a store waits in a scratch slot meanwhile.
     */
    private void wideAccess(MemArg ma, boolean store, String name, ClassDesc value, boolean narrow) {
        int k = ma.memory();
        int v = -1;
        ValType vt = null;
        if (store) {
            vt = pop();
            v = scratchSlot(vt, -6);
            cb.storeLocal(kind(vt), v);
        }
        if (pop() == ValType.I32) cb.i2l();
        cb.loadConstant(ma.offset());
        cb.aload(instSlot);
        cb.loadConstant(k);
        support(cb, "ea", CD_long, CD_long, CD_long, CD_INST, CD_int);
        if (store) {
            cb.loadLocal(kind(vt), v);
            if (narrow) cb.l2i();
            segment(k);
            support(cb, name, CD_void, CD_long, value, CD_SEG);
        } else {
            segment(k);
            support(cb, name, value, CD_long, CD_SEG);
        }
    }

    private static final ClassDesc CD_ATOMICS = ClassDesc.of(AtomicSupport.class.getName());

    /**
     * A 0xFE instruction: a call into {@link AtomicSupport}. Afterwards the memory view is reloaded, so the
     * plain accesses after a synchronising atomic see a {@code memory.grow} another thread made before it.
     */
    void atomic(Instruction in) {
        if (in == Instruction.ATOMIC_FENCE) {
            r.u8();
            cb.invokestatic(CD_ATOMICS, "fence", MethodTypeDesc.of(CD_void));
            return;
        }
        MemArg ma = MemArg.read(r);
        boolean plain = plainMemory(ma.memory());
        boolean wide = in.text.startsWith("i64");
        ClassDesc t = wide ? CD_long : CD_int;
        String w = wide ? "64" : "32";
        String name;
        ClassDesc result = CD_int;
        List<ClassDesc> operands;
        boolean width = true, kind = false;
        switch (in) {
            case MEMORY_ATOMIC_NOTIFY -> { name = "notify"; operands = List.of(CD_int); width = false; }
            case MEMORY_ATOMIC_WAIT32 -> { name = "wait32"; operands = List.of(CD_int, CD_long); width = false; }
            case MEMORY_ATOMIC_WAIT64 -> { name = "wait64"; operands = List.of(CD_long, CD_long); width = false; }
            default -> {
                result = t;
                if (in.text.contains(".load")) {
                    name = "load" + w;
                    operands = List.of();
                } else if (in.text.contains(".store")) {
                    name = "store" + w;
                    operands = List.of(t);
                    result = CD_void;
                } else if (Atomics.rmwKind(in) == Atomics.CMPXCHG) {
                    name = "cmpxchg" + w;
                    operands = List.of(t, t);
                } else {
                    name = "rmw" + w;
                    operands = List.of(t);
                    kind = true;
                }
            }
        }
        List<ClassDesc> params = new ArrayList<>();
        if (plain) {
            params.add(CD_int);
            params.addAll(operands);
            params.add(CD_long);
            for (int i = 0; i <= operands.size(); i++) pop();
            cb.loadConstant(ma.offset());
        } else {
            name += "At";
            params.add(CD_long);
            params.addAll(operands);
            effectiveAddress(ma, operands.size());
        }
        if (width) {
            params.add(CD_int);
            cb.loadConstant(in.accessBytes);
        }
        if (kind) {
            params.add(CD_int);
            cb.loadConstant(Atomics.rmwKind(in));
        }
        if (!plain) {
            params.add(CD_int);
            cb.loadConstant(ma.memory());
        }
        params.add(CD_INST);
        cb.aload(instSlot);
        cb.invokestatic(CD_ATOMICS, name, MethodTypeDesc.of(result, params));
        if (result != CD_void) push(result == CD_long ? ValType.I64 : ValType.I32);
        reloadMem();
    }

    /**
     * For an atomic on any memory but a 32-bit memory 0: replaces the address under the top {@code n}
     * operands with its checked effective address (a long), the operands waiting in scratch slots meanwhile.
     */
    private void effectiveAddress(MemArg ma, int n) {
        ValType[] types = new ValType[n];
        int[] slots = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            types[i] = pop();
            slots[i] = scratchSlot(types[i], -20 - i);
            cb.storeLocal(kind(types[i]), slots[i]);
        }
        if (pop() == ValType.I32) cb.i2l();
        cb.loadConstant(ma.offset());
        cb.aload(instSlot);
        cb.loadConstant(ma.memory());
        support(cb, "ea", CD_long, CD_long, CD_long, CD_INST, CD_int);
        for (int i = 0; i < n; i++) cb.loadLocal(kind(types[i]), slots[i]);
    }

    void numeric(Instruction in) {
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
            case F32_ABS -> { support(cb, "fabs", CD_float, CD_float); unary(F32, F32); }
            case F32_NEG -> { support(cb, "fneg", CD_float, CD_float); unary(F32, F32); }
            case F32_CEIL -> { support(cb, "fceil", CD_float, CD_float); unary(F32, F32); }
            case F32_FLOOR -> { support(cb, "ffloor", CD_float, CD_float); unary(F32, F32); }
            case F32_TRUNC -> { support(cb, "ftrunc", CD_float, CD_float); unary(F32, F32); }
            case F32_NEAREST -> { support(cb, "fnearest", CD_float, CD_float); unary(F32, F32); }
            case F32_SQRT -> { support(cb, "fsqrt", CD_float, CD_float); unary(F32, F32); }
            case F32_ADD -> { cb.fadd(); binary(F32); }
            case F32_SUB -> { cb.fsub(); binary(F32); }
            case F32_MUL -> { cb.fmul(); binary(F32); }
            case F32_DIV -> { cb.fdiv(); binary(F32); }
            case F32_MIN -> { call(CD_NUMERICS, "fmin", CD_float, CD_float, CD_float); binary(F32); }
            case F32_MAX -> { call(CD_NUMERICS, "fmax", CD_float, CD_float, CD_float); binary(F32); }
            case F32_COPYSIGN -> { support(cb, "fcopysign", CD_float, CD_float, CD_float); binary(F32); }
            case F64_ABS -> { support(cb, "dabs", CD_double, CD_double); unary(F64, F64); }
            case F64_NEG -> { support(cb, "dneg", CD_double, CD_double); unary(F64, F64); }
            case F64_CEIL -> { support(cb, "dceil", CD_double, CD_double); unary(F64, F64); }
            case F64_FLOOR -> { support(cb, "dfloor", CD_double, CD_double); unary(F64, F64); }
            case F64_TRUNC -> { support(cb, "dtrunc", CD_double, CD_double); unary(F64, F64); }
            case F64_NEAREST -> { support(cb, "dnearest", CD_double, CD_double); unary(F64, F64); }
            case F64_SQRT -> { call(CD_MATH, "sqrt", CD_double, CD_double); unary(F64, F64); }
            case F64_ADD -> { cb.dadd(); binary(F64); }
            case F64_SUB -> { cb.dsub(); binary(F64); }
            case F64_MUL -> { cb.dmul(); binary(F64); }
            case F64_DIV -> { cb.ddiv(); binary(F64); }
            case F64_MIN -> { call(CD_NUMERICS, "dmin", CD_double, CD_double, CD_double); binary(F64); }
            case F64_MAX -> { call(CD_NUMERICS, "dmax", CD_double, CD_double, CD_double); binary(F64); }
            case F64_COPYSIGN -> { support(cb, "dcopysign", CD_double, CD_double, CD_double); binary(F64); }
            case I32_WRAP_I64 -> { cb.l2i(); unary(I64, I32); }
            case I32_TRUNC_F32_S -> { support(cb, "i32TruncF32S", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_F32_U -> { support(cb, "i32TruncF32U", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_F64_S -> { support(cb, "i32TruncF64S", CD_int, CD_double); unary(F64, I32); }
            case I32_TRUNC_F64_U -> { support(cb, "i32TruncF64U", CD_int, CD_double); unary(F64, I32); }
            case I64_EXTEND_I32_S -> { cb.i2l(); unary(I32, I64); }
            case I64_EXTEND_I32_U -> { cb.i2l(); cb.loadConstant(0xFFFF_FFFFL); cb.land(); unary(I32, I64); }
            case I64_TRUNC_F32_S -> { support(cb, "i64TruncF32S", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_F32_U -> { support(cb, "i64TruncF32U", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_F64_S -> { support(cb, "i64TruncF64S", CD_long, CD_double); unary(F64, I64); }
            case I64_TRUNC_F64_U -> { support(cb, "i64TruncF64U", CD_long, CD_double); unary(F64, I64); }
            case F32_CONVERT_I32_S -> { cb.i2f(); unary(I32, F32); }
            case F32_CONVERT_I32_U -> { support(cb, "f32ConvertI32U", CD_float, CD_int); unary(I32, F32); }
            case F32_CONVERT_I64_S -> { cb.l2f(); unary(I64, F32); }
            case F32_CONVERT_I64_U -> { call(CD_NUMERICS, "u64ToF32", CD_float, CD_long); unary(I64, F32); }
            case F32_DEMOTE_F64 -> { cb.d2f(); unary(F64, F32); }
            case F64_CONVERT_I32_S -> { cb.i2d(); unary(I32, F64); }
            case F64_CONVERT_I32_U -> { support(cb, "f64ConvertI32U", CD_double, CD_int); unary(I32, F64); }
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

    void prefixed(Instruction in) {
        int sub = in.code;
        final ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;
        switch (in) {
            case I32_TRUNC_SAT_F32_S -> { cb.f2i(); unary(F32, I32); }
            case I32_TRUNC_SAT_F32_U -> { support(cb, "i32TruncSatF32U", CD_int, CD_float); unary(F32, I32); }
            case I32_TRUNC_SAT_F64_S -> { cb.d2i(); unary(F64, I32); }
            case I32_TRUNC_SAT_F64_U -> { support(cb, "i32TruncSatF64U", CD_int, CD_double); unary(F64, I32); }
            case I64_TRUNC_SAT_F32_S -> { cb.f2l(); unary(F32, I64); }
            case I64_TRUNC_SAT_F32_U -> { support(cb, "i64TruncSatF32U", CD_long, CD_float); unary(F32, I64); }
            case I64_TRUNC_SAT_F64_S -> { cb.d2l(); unary(F64, I64); }
            case I64_TRUNC_SAT_F64_U -> { support(cb, "i64TruncSatF64U", CD_long, CD_double); unary(F64, I64); }
            case MEMORY_INIT -> {
                int seg = r.u32();
                int k = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(seg);
                cb.loadConstant(k);
                support(cb, "memoryInit", CD_void, CD_long, CD_long, CD_long, CD_INST, CD_int, CD_int);
            }
            case DATA_DROP -> {
                cb.aload(instSlot);
                cb.loadConstant(r.u32());
                support(cb, "dataDrop", CD_void, CD_INST, CD_int);
            }
            case MEMORY_COPY -> {
                int x = r.u32();
                int y = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(x);
                cb.loadConstant(y);
                support(cb, "memoryCopy", CD_void, CD_long, CD_long, CD_long, CD_INST, CD_int, CD_int);
            }
            case MEMORY_FILL -> {
                int k = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(k);
                support(cb, "memoryFill", CD_void, CD_long, CD_long, CD_long, CD_INST, CD_int);
            }
            case TABLE_INIT -> {
                int seg = r.u32();
                int t = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(seg);
                cb.loadConstant(t);
                support(cb, "tableInit", CD_void, CD_long, CD_long, CD_long, CD_INST, CD_int, CD_int);
            }
            case ELEM_DROP -> {
                cb.aload(instSlot);
                cb.loadConstant(r.u32());
                support(cb, "elemDrop", CD_void, CD_INST, CD_int);
            }
            case TABLE_COPY -> {
                int x = r.u32();
                int y = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(x);
                cb.loadConstant(y);
                support(cb, "tableCopy", CD_void, CD_long, CD_long, CD_long, CD_INST, CD_int, CD_int);
            }
            case TABLE_GROW -> {
                int t = r.u32();
                operandsToRaw(2);
                cb.aload(instSlot);
                cb.loadConstant(t);
                support(cb, "tableGrow", CD_long, CD_Object, CD_long, CD_INST, CD_int);
                fromRaw(tableAddr(t));
            }
            case TABLE_SIZE -> {
                int t = r.u32();
                cb.aload(instSlot);
                cb.loadConstant(t);
                support(cb, "tableSize", CD_long, CD_INST, CD_int);
                fromRaw(tableAddr(t));
            }
            case TABLE_FILL -> {
                int t = r.u32();
                operandsToRaw(3);
                cb.aload(instSlot);
                cb.loadConstant(t);
                support(cb, "tableFill", CD_void, CD_long, CD_Object, CD_long, CD_INST, CD_int);
            }
            default -> throw new IllegalStateException("0xFC " + sub + " in a validated body");
        }
    }
}
