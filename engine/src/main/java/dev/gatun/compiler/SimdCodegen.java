package dev.gatun.compiler;

import dev.gatun.interpreter.Interpreter;
import dev.gatun.interpreter.SimdTranslator;
import dev.gatun.interpreter.Translator;
import dev.gatun.model.FunctionType;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.binary.MemArg;
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

/** Code generation of the v128 instructions: calls of their kernels over the vector register file. */
abstract class SimdCodegen extends ScalarCodegen {
    SimdCodegen(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        super(g, cb, funcidx, scan, split, entry);
    }

    // ---- kernels of dev.gatun.vector over the vector register file ----

    static final ClassDesc CD_PLAN = Compiler.desc(dev.gatun.vector.ShufflePlan.class);
    static final MethodTypeDesc K2 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int);
    static final MethodTypeDesc K3 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int);
    static final MethodTypeDesc K4 = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int, CD_int);
    static final MethodTypeDesc KMEM = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_SEG, CD_long);
    static final MethodTypeDesc KLOAD_LANE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_SEG, CD_long, CD_int);
    static final MethodTypeDesc KSTORE_LANE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_SEG, CD_long, CD_int);
    static final MethodTypeDesc KSHUFFLE = MethodTypeDesc.of(CD_void, CD_LONGS, CD_int, CD_int, CD_int, CD_PLAN);
    static final java.lang.constant.DirectMethodHandleDesc PLAN = java.lang.constant.MethodHandleDesc.ofMethod(
            java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, CD_SUPPORT, "shufflePlan",
            MethodTypeDesc.of(CD_PLAN, CD_MethodHandles_Lookup, CD_String, CD_Class, CD_long, CD_long));

    static final java.lang.constant.DirectMethodHandleDesc KERNEL = java.lang.constant.MethodHandleDesc.ofMethod(
            java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, CD_SUPPORT, "kernel",
            MethodTypeDesc.of(CD_CallSite, CD_MethodHandles_Lookup, CD_String, CD_MethodType));

    /**
     * Calls a Simd kernel through invokedynamic (a constant call site) rather than invokestatic: C2 stops
     * inlining plain calls once a method's parse has made 18,000 nodes, which a loop of a dozen vector
     * kernels reaches, and past it the rest are real calls; a call from a method handle's lambda form
     * is inlined later instead, against the live node count after the graph is cleaned.
     */
    void invokeKernel(String name, MethodTypeDesc d) {
        cb.invokedynamic(java.lang.constant.DynamicCallSiteDesc.of(KERNEL, name, d));
    }

    /** The kernel of a SIMD instruction: its name with '.' as '_', in the class of its lane shape ({@link dev.gatun.vector.Kernels}). */
    static String kernelName(Instruction in) {
        return in.text.replace('.', '_');
    }

    /** Calls a kernel with the file and constant indexes as its leading arguments. */
    void kernel(Instruction in, MethodTypeDesc d, int... ints) {
        cb.aload(vSlot);
        for (int i : ints) cb.loadConstant(i);
        invokeKernel(kernelName(in), d);
    }

    void vGlobal(String name, int reg, int x) {
        cb.aload(vSlot);
        cb.loadConstant(reg);
        cb.aload(instSlot);
        cb.loadConstant(x);
        support(cb, name, CD_void, CD_LONGS, CD_int, CD_INST, CD_int);
    }

    /** Moves the scalar on top of the JVM stack into the file's scratch pair, in the register form. */
    void toScratch(ValType t) {
        toBits(cb, t);
        int tmp = scratchSlot(ValType.I64, -3);
        cb.lstore(tmp);
        cb.aload(vSlot);
        cb.loadConstant(VSCRATCH);
        cb.lload(tmp);
        cb.lastore();
    }

    void fromScratch(ValType t) {
        cb.aload(vSlot);
        cb.loadConstant(VSCRATCH);
        cb.laload();
        fromBits(cb, t);
        push(t);
    }

    /** The memory of the last {@link #effectiveAddress}, whose segment the kernel call then takes. */
    private int accessMemory;

    /**
     * Pops the address and leaves its effective address (with the memarg offset) in a long local: inline
     * for a 32-bit memory 0 (the sum cannot wrap), through the checked runtime helper for any other memory.
     */
    int effectiveAddress() {
        MemArg ma = MemArg.read(r);
        long offset = ma.offset();
        accessMemory = ma.memory();
        if (plainMemory(accessMemory)) {
            pop();
            cb.i2l();
            cb.loadConstant(0xFFFF_FFFFL);
            cb.land();
            if (offset != 0) {
                cb.loadConstant(offset);
                cb.ladd();
            }
        } else {
            toRaw(pop());
            cb.loadConstant(offset);
            cb.aload(instSlot);
            cb.loadConstant(accessMemory);
            support(cb, "ea", CD_long, CD_long, CD_long, CD_INST, CD_int);
        }
        int ea = scratchSlot(ValType.I64, -4);
        cb.lstore(ea);
        return ea;
    }

    /** The scalar type of a splat's or replace_lane's operand and of an extract_lane's result. */
    static ValType laneType(Instruction in) {
        return switch (in) {
            case I64X2_SPLAT, I64X2_EXTRACT_LANE, I64X2_REPLACE_LANE -> ValType.I64;
            case F32X4_SPLAT, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE -> ValType.F32;
            case F64X2_SPLAT, F64X2_EXTRACT_LANE, F64X2_REPLACE_LANE -> ValType.F64;
            default -> ValType.I32;
        };
    }

    void simd(Instruction in) {
        int sub = in.code;
        final ValType V = ValType.V128;
        switch (in) {
            case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U, V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT, V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                int ea = effectiveAddress();
                push(V);
                cb.aload(vSlot);
                cb.loadConstant(vTop(0));
                segment(accessMemory);
                cb.lload(ea);
                invokeKernel(kernelName(in), KMEM);
            }
            case V128_STORE -> {
                int v = vIn(0);
                pop();
                int ea = effectiveAddress();
                cb.aload(vSlot);
                cb.loadConstant(v);
                segment(accessMemory);
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
                segment(accessMemory);
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
                segment(accessMemory);
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
            case V128_BITSELECT, F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD, F64X2_RELAXED_MADD, F64X2_RELAXED_NMADD,
                 I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT, I64X2_RELAXED_LANESELECT,
                 I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> {
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

    /**
     * A 128-bit move as one vector (x | x, as tier 1 does): moving two longs would make the next kernel's
     * 16-byte load miss store-to-load forwarding.
     */
    @Override
    void vCopy(int dst, int src) {
        if (dst == src) return;
        cb.aload(vSlot);
        cb.loadConstant(dst);
        cb.loadConstant(src);
        cb.loadConstant(src);
        invokeKernel("v128_or", K3);
    }
}
