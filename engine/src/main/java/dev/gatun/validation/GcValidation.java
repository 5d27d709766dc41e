package dev.gatun.validation;

import static dev.gatun.validation.ValueTypes.I32;
import static dev.gatun.validation.ValueTypes.V128;

import dev.gatun.binary.WasmReader;
import dev.gatun.model.ArrayType;
import dev.gatun.model.DefinedType;
import dev.gatun.model.FieldType;
import dev.gatun.model.Instruction;
import dev.gatun.model.StructType;
import dev.gatun.model.TypeCode;

/** The typing rules of the GC instructions (structs, arrays, i31, casts), over {@link FunctionValidator}'s stacks. */
final class GcValidation {
    private final FunctionValidator f;
    private final ValueTypes vt;

    GcValidation(FunctionValidator f, ValueTypes vt) {
        this.f = f;
        this.vt = vt;
    }

    /** Checks one GC instruction whose opcode {@code f.r} has just read. */
    void check(Instruction in, WasmReader r) {
        switch (in) {
            case STRUCT_NEW -> {
                int x = r.u32();
                StructType s = struct(x);
                for (int i = s.fields().size() - 1; i >= 0; i--) f.pop(unpacked(s.fields().get(i)));
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case STRUCT_NEW_DEFAULT -> {
                int x = r.u32();
                for (FieldType t : struct(x).fields()) defaultable(t);
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                int x = r.u32();
                FieldType t = field(struct(x), r.u32());
                if ((t.packed() != 0) != (in != Instruction.STRUCT_GET)) throw f.fail(t.packed() != 0 ? "field is packed" : "field is unpacked");
                f.pop(vt.defined(x));
                f.push(unpacked(t));
            }
            case STRUCT_SET -> {
                int x = r.u32();
                FieldType t = field(struct(x), r.u32());
                if (!t.mutable()) throw f.fail("field is immutable");
                f.pop(unpacked(t));
                f.pop(vt.defined(x));
            }
            case ARRAY_NEW -> {
                int x = r.u32();
                f.pop(I32);
                f.pop(unpacked(array(x).element()));
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case ARRAY_NEW_DEFAULT -> {
                int x = r.u32();
                defaultable(array(x).element());
                f.pop(I32);
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case ARRAY_NEW_FIXED -> {
                int x = r.u32();
                int n = r.u32();
                int t = unpacked(array(x).element());
                for (long i = 0; i < (n & 0xFFFF_FFFFL); i++) f.pop(t);
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case ARRAY_NEW_DATA -> {
                int x = r.u32();
                numeric(array(x).element());
                f.data(r.u32());
                f.pop(I32);
                f.pop(I32);
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case ARRAY_NEW_ELEM -> {
                int x = r.u32();
                elemInto(array(x).element(), r.u32());
                f.pop(I32);
                f.pop(I32);
                f.push(ValueTypes.nonNull(vt.defined(x)));
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                int x = r.u32();
                FieldType t = array(x).element();
                if ((t.packed() != 0) != (in != Instruction.ARRAY_GET)) throw f.fail(t.packed() != 0 ? "array is packed" : "array is unpacked");
                f.pop(I32);
                f.pop(vt.defined(x));
                f.push(unpacked(t));
            }
            case ARRAY_SET -> {
                int x = r.u32();
                FieldType t = mutable(array(x).element());
                f.pop(unpacked(t));
                f.pop(I32);
                f.pop(vt.defined(x));
            }
            case ARRAY_LEN -> {
                f.pop(ValueTypes.abstractRef(TypeCode.ARRAY));
                f.push(I32);
            }
            case ARRAY_FILL -> {
                int x = r.u32();
                FieldType t = mutable(array(x).element());
                f.pop(I32);
                f.pop(unpacked(t));
                f.pop(I32);
                f.pop(vt.defined(x));
            }
            case ARRAY_COPY -> {
                int x = r.u32(), y = r.u32();
                FieldType dst = mutable(array(x).element()), src = array(y).element();
                boolean ok = dst.packed() != 0 || src.packed() != 0 ? dst.packed() == src.packed()
                        : ValueTypes.subtype(vt.encode(src.type()), vt.encode(dst.type()));
                if (!ok) throw f.mismatch();
                f.pop(I32);
                f.pop(I32);
                f.pop(vt.defined(y));
                f.pop(I32);
                f.pop(vt.defined(x));
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                int x = r.u32();
                FieldType t = mutable(array(x).element());
                if (in == Instruction.ARRAY_INIT_DATA) {
                    numeric(t);
                    f.data(r.u32());
                } else {
                    elemInto(t, r.u32());
                }
                f.pop(I32);
                f.pop(I32);
                f.pop(I32);
                f.pop(vt.defined(x));
            }
            case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
                boolean nullable = in == Instruction.REF_TEST_NULL || in == Instruction.REF_CAST_NULL;
                int rt = f.heapRef(nullable);
                f.pop(ValueTypes.top(rt));
                f.push(in == Instruction.REF_TEST || in == Instruction.REF_TEST_NULL ? I32 : rt);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                int flags = r.u8();
                if ((flags & ~3) != 0) throw f.fail("malformed br_on_cast flags");
                int l = f.label(r.u32());
                int rt1 = f.heapRef((flags & 1) != 0), rt2 = f.heapRef((flags & 2) != 0);
                if (!ValueTypes.subtype(rt2, rt1)) throw f.fail("type mismatch");
                // What fails the cast: rt1 without null when the cast admits null.
                int diff = ValueTypes.nullable(rt2) ? ValueTypes.nonNull(rt1) : rt1;
                int taken = in == Instruction.BR_ON_CAST ? rt2 : diff, kept = in == Instruction.BR_ON_CAST ? diff : rt2;
                f.pop(rt1);
                int n = f.labelCount(l);
                if (n == 0 || !ValueTypes.subtype(taken, f.labelType(l, n - 1))) throw f.mismatch();
                for (int i = n - 2; i >= 0; i--) f.pop(f.labelType(l, i));
                for (int i = 0; i < n - 1; i++) f.push(f.labelType(l, i));
                f.push(kept);
            }
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                boolean toAny = in == Instruction.ANY_CONVERT_EXTERN;
                int t = f.pop(ValueTypes.abstractRef(toAny ? TypeCode.EXTERN : TypeCode.ANY));
                int out = ValueTypes.abstractRef(toAny ? TypeCode.ANY : TypeCode.EXTERN);
                f.push(ValueTypes.nullable(t) && t != ValueTypes.UNKNOWN ? out : ValueTypes.nonNull(out));
            }
            case REF_I31 -> {
                f.pop(I32);
                f.push(ValueTypes.nonNull(ValueTypes.abstractRef(TypeCode.I31)));
            }
            case I31_GET_S, I31_GET_U -> {
                f.pop(ValueTypes.abstractRef(TypeCode.I31));
                f.push(I32);
            }
            case REF_EQ -> {
                f.pop(ValueTypes.abstractRef(TypeCode.EQ));
                f.pop(ValueTypes.abstractRef(TypeCode.EQ));
                f.push(I32);
            }
            default -> throw f.fail("illegal opcode");
        }
    }

    private DefinedType type(int x) {
        if (x < 0 || x >= f.m.types().size()) throw f.fail("unknown type");
        return f.m.types().get(x);
    }

    private StructType struct(int x) {
        if (type(x).composite() instanceof StructType s) return s;
        throw f.fail("type mismatch");
    }

    private ArrayType array(int x) {
        if (type(x).composite() instanceof ArrayType a) return a;
        throw f.fail("type mismatch");
    }

    private FieldType field(StructType s, int i) {
        if (i < 0 || i >= s.fields().size()) throw f.fail("unknown field");
        return s.fields().get(i);
    }

    private FieldType mutable(FieldType t) {
        if (!t.mutable()) throw f.fail("array is immutable");
        return t;
    }

    private void defaultable(FieldType t) {
        if (!t.type().isDefaultable()) throw f.fail("field type is not defaultable");
    }

    private void numeric(FieldType t) {
        if (t.type().isReference()) throw f.fail("array type is not numeric or vector");
    }

    private void elemInto(FieldType t, int e) {
        f.elem(e);
        if (!ValueTypes.subtype(f.elemTypes[e], vt.encode(t.type()))) throw f.mismatch();
    }

    /** The operand type of a field: packed fields read and write as i32. */
    private int unpacked(FieldType t) {
        return t.packed() != 0 ? I32 : t.type().kind() == dev.gatun.model.ValType.V128 ? V128 : vt.encode(t.type());
    }
}
