package dev.gatun.compiler;

import dev.gatun.binary.InstructionReader;
import dev.gatun.model.ArrayType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.HeapType;
import dev.gatun.model.Instruction;
import dev.gatun.model.StructType;
import dev.gatun.model.ValType;
import dev.gatun.model.ValueType;
import dev.gatun.runtime.GcLayout;
import dev.gatun.runtime.GcOps;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

import static dev.gatun.compiler.Compiler.*;
import static java.lang.constant.ConstantDescs.*;

/**
 * Tier 2's GC instructions: struct fields read and written in place (a struct's numbers are raw bits in a
 * {@code long[]}, its references an {@code Object[]}, at slots fixed by the type), everything else through
 * {@link GcSupport}. Functions with v128 fields or elements stay in tier 1 ({@link Compiler.BodySummary}).
 */
abstract class GcCodegen extends CallCodegen {
    private static final ClassDesc CD_GC = desc(GcSupport.class), CD_DT = desc(DefinedType.class),
            CD_STRUCT = desc(dev.gatun.runtime.GcStruct.class);
    /** Scratch keys of struct.new and array.new_fixed operands. */
    private static final int OPERANDS = 4 << 20;

    GcCodegen(Compiler.GeneratedClass g, CodeBuilder cb, int funcidx, Compiler.BodySummary scan, BodySplitter split,
            BodySplitter.Entry entry) {
        super(g, cb, funcidx, scan, split, entry);
    }

    private void gc(String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(CD_GC, name, MethodTypeDesc.of(ret, params));
    }

    /** One GC instruction (not br_on_cast, which branches: see {@link #castTest}). */
    void gc(Instruction in) {
        switch (in) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                int x = r.u32();
                DefinedType d = mod.types().get(x);
                GcLayout l = GcLayout.of(d);
                var fs = ((StructType) d.composite()).fields();
                boolean given = in == Instruction.STRUCT_NEW;
                if (given) for (int i = fs.size() - 1; i >= 0; i--) cb.storeLocal(kind(pop()), scratchSlot(fs.get(i).type().kind(), OPERANDS | i));
                cb.aload(instSlot);
                cb.loadConstant(x);
                gc("type", CD_DT, CD_INST, CD_int);
                if (l.bits() == 0) cb.aconst_null();
                else {
                    cb.loadConstant(l.bits());
                    cb.newarray(java.lang.classfile.TypeKind.LONG);
                    if (given) for (int i = 0; i < fs.size(); i++) {
                        if (l.slot()[i] < 0) continue;
                        ValType t = fs.get(i).type().kind();
                        cb.dup();
                        cb.loadConstant(l.slot()[i]);
                        cb.loadLocal(kind(t), scratchSlot(t, OPERANDS | i));
                        toBits(t);
                        cb.lastore();
                    }
                }
                if (l.refs() == 0) cb.aconst_null();
                else {
                    cb.loadConstant(l.refs());
                    cb.anewarray(CD_Object);
                    if (given) for (int i = 0; i < fs.size(); i++) {
                        if (l.slot()[i] >= 0) continue;
                        cb.dup();
                        cb.loadConstant(~l.slot()[i]);
                        cb.aload(scratchSlot(fs.get(i).type().kind(), OPERANDS | i));
                        cb.aastore();
                    }
                }
                gc("newStruct", CD_Object, CD_DT, CD_LONGS, CD_OBJS);
                push(ValType.ANYREF);
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                DefinedType d = mod.types().get(r.u32());
                int f = r.u32();
                FieldType ft = ((StructType) d.composite()).fields().get(f);
                int slot = GcLayout.of(d).slot()[f];
                pop();
                gc("struct", CD_STRUCT, CD_Object);
                if (slot < 0) {
                    cb.getfield(CD_STRUCT, "refs", CD_OBJS);
                    cb.loadConstant(~slot);
                    cb.aaload();
                } else {
                    cb.getfield(CD_STRUCT, "bits", CD_LONGS);
                    cb.loadConstant(slot);
                    cb.laload();
                    fromBits(ft.type().kind());
                    if (in == Instruction.STRUCT_GET_S) {
                        if (ft.packed() == 8) cb.i2b();
                        else cb.i2s();
                    } else if (in == Instruction.STRUCT_GET_U) {
                        cb.loadConstant(ft.packed() == 8 ? 0xFF : 0xFFFF);
                        cb.iand();
                    }
                }
                push(ft.type().kind());
            }
            case STRUCT_SET -> {
                DefinedType d = mod.types().get(r.u32());
                int f = r.u32();
                ValType t = ((StructType) d.composite()).fields().get(f).type().kind();
                int slot = GcLayout.of(d).slot()[f];
                int v = scratchSlot(t, OPERANDS);
                cb.storeLocal(kind(pop()), v);
                pop();
                gc("struct", CD_STRUCT, CD_Object);
                cb.getfield(CD_STRUCT, slot < 0 ? "refs" : "bits", slot < 0 ? CD_OBJS : CD_LONGS);
                cb.loadConstant(slot < 0 ? ~slot : slot);
                cb.loadLocal(kind(t), v);
                if (slot < 0) cb.aastore();
                else {
                    toBits(t);
                    cb.lastore();
                }
            }
            case ARRAY_NEW -> {
                int x = r.u32();
                pop();
                ValType t = pop();
                withInst(x);
                gc("new" + letter(t), CD_Object, desc(t), CD_int, CD_INST, CD_int);
                push(ValType.ANYREF);
            }
            case ARRAY_NEW_DEFAULT -> {
                int x = r.u32();
                pop();
                withInst(x);
                gc("newDefault", CD_Object, CD_int, CD_INST, CD_int);
                push(ValType.ANYREF);
            }
            case ARRAY_NEW_FIXED -> {
                int x = r.u32();
                int n = r.u32();
                FieldType et = element(x);
                ValType t = et.type().kind();
                for (int i = n - 1; i >= 0; i--) cb.storeLocal(kind(pop()), scratchSlot(t, OPERANDS | i));
                cb.loadConstant(n);
                withInst(x);
                gc("newDefault", CD_Object, CD_int, CD_INST, CD_int);
                for (int i = 0; i < n; i++) {
                    cb.dup();
                    cb.loadConstant(i);
                    cb.loadLocal(kind(t), scratchSlot(t, OPERANDS | i));
                    gc("set" + storage(et), CD_void, CD_Object, CD_int, desc(t));
                }
                push(ValType.ANYREF);
            }
            case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
                int x = r.u32();
                int seg = r.u32();
                pop();
                pop();
                withInst(x);
                cb.loadConstant(seg);
                gc(in == Instruction.ARRAY_NEW_DATA ? "newData" : "newElem", CD_Object, CD_int, CD_int, CD_INST, CD_int, CD_int);
                push(ValType.ANYREF);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                FieldType et = element(r.u32());
                pop();
                pop();
                String s = storage(et) + (et.packed() == 0 ? "" : in == Instruction.ARRAY_GET_S ? "S" : "U");
                gc("get" + s, desc(et.type().kind()), CD_Object, CD_int);
                push(et.type().kind());
            }
            case ARRAY_SET -> {
                FieldType et = element(r.u32());
                pop();
                pop();
                pop();
                gc("set" + storage(et), CD_void, CD_Object, CD_int, desc(et.type().kind()));
            }
            case ARRAY_LEN -> {
                pop();
                gc("len", CD_int, CD_Object);
                push(ValType.I32);
            }
            case ARRAY_FILL -> {
                ValType t = element(r.u32()).type().kind();
                for (int i = 0; i < 4; i++) pop();
                gc("fill" + letter(t), CD_void, CD_Object, CD_int, desc(t), CD_int);
            }
            case ARRAY_COPY -> {
                r.u32();
                r.u32();
                for (int i = 0; i < 5; i++) pop();
                gc("copy", CD_void, CD_Object, CD_int, CD_Object, CD_int, CD_int);
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                r.u32();
                int seg = r.u32();
                for (int i = 0; i < 4; i++) pop();
                withInst(seg);
                gc(in == Instruction.ARRAY_INIT_DATA ? "initData" : "initElem", CD_void, CD_Object, CD_int, CD_int, CD_int, CD_INST, CD_int);
            }
            case REF_I31 -> {
                pop();
                gc("refI31", CD_Object, CD_int);
                push(ValType.ANYREF);
            }
            case I31_GET_S, I31_GET_U -> {
                pop();
                gc(in == Instruction.I31_GET_S ? "i31S" : "i31U", CD_int, CD_Object);
                push(ValType.I32);
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                boolean nullable = in == Instruction.REF_TEST_NULL || in == Instruction.REF_CAST_NULL;
                boolean test = in == Instruction.REF_TEST || in == Instruction.REF_TEST_NULL;
                HeapType h = InstructionReader.heapType(r, mod);
                pop();
                castTest(h, nullable, !test);
                push(test ? ValType.I32 : ValueType.ref(nullable, h).kind());
            }
            case REF_EQ -> {
                pop();
                pop();
                gc("eq", CD_int, CD_Object, CD_Object);
                push(ValType.I32);
            }
            case ANY_CONVERT_EXTERN -> {
                pop();
                push(ValType.ANYREF);
            }
            case EXTERN_CONVERT_ANY -> {
                pop();
                push(ValType.EXTERNREF);
            }
            default -> throw new IllegalStateException(in + " in a validated body");
        }
    }

    /**
     * Tests (or, with {@code cast}, casts) the reference on top of the JVM stack against {@code (ref null? h)}:
     * an abstract target by its constant encoding, a defined one by type index through the instance.
     */
    void castTest(HeapType h, boolean nullable, boolean cast) {
        if (h instanceof HeapType.Defined(DefinedType d)) {
            cb.loadConstant(nullable ? 1 : 0);
            withInst(mod.types().indexOf(d));
            gc(cast ? "castDefined" : "testDefined", cast ? CD_Object : CD_int, CD_Object, CD_int, CD_INST, CD_int);
        } else {
            cb.loadConstant(GcOps.target(ValueType.ref(nullable, h)));
            gc(cast ? "cast" : "test", cast ? CD_Object : CD_int, CD_Object, CD_int);
        }
    }

    private void withInst(int imm) {
        cb.aload(instSlot);
        cb.loadConstant(imm);
    }

    private FieldType element(int x) { return ((ArrayType) mod.types().get(x).composite()).element(); }

    /** The GcSupport suffix of an array's storage. */
    private static String storage(FieldType f) {
        return f.packed() == 8 ? "I8" : f.packed() == 16 ? "I16" : letter(f.type().kind());
    }

    private static String letter(ValType t) {
        return switch (t) {
            case I32 -> "I";
            case I64 -> "J";
            case F32 -> "F";
            case F64 -> "D";
            default -> "A";
        };
    }

    /** A value on the JVM stack as a struct slot's raw bits. */
    private void toBits(ValType t) {
        switch (t) {
            case I32 -> cb.i2l();
            case F32 -> {
                cb.invokestatic(CD_FLOAT, "floatToRawIntBits", MethodTypeDesc.of(CD_int, CD_float));
                cb.i2l();
            }
            case F64 -> cb.invokestatic(CD_DOUBLE, "doubleToRawLongBits", MethodTypeDesc.of(CD_long, CD_double));
            default -> { }
        }
    }

    private void fromBits(ValType t) {
        switch (t) {
            case I32 -> cb.l2i();
            case F32 -> {
                cb.l2i();
                cb.invokestatic(CD_FLOAT, "intBitsToFloat", MethodTypeDesc.of(CD_float, CD_int));
            }
            case F64 -> cb.invokestatic(CD_DOUBLE, "longBitsToDouble", MethodTypeDesc.of(CD_double, CD_long));
            default -> { }
        }
    }
}
