package dev.gatun;

import dev.gatun.interpreter.CallStack;
import dev.gatun.interpreter.FuncInst;
import dev.gatun.runtime.WasmTrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Values between the API and the engine: a {@link Value} against raw register contents (bits, the high
 * half of a v128, and a reference), and the engine's traps as {@link RuntimeError}s.
 */
final class Marshalling {
    private Marshalling() {}

    /** A Value from register contents; hi is the high half of a v128 (ignored for other types). */
    static Value toValue(ValType t, long bits, long hi, Object ref) {
        return switch (t) {
            case I32 -> Value.i32((int) bits);
            case I64 -> Value.i64(bits);
            case F32 -> Value.f32Bits((int) bits);
            case F64 -> Value.f64Bits(bits);
            case V128 -> Value.v128(bits, hi);
            case FUNCREF -> Value.funcref(FunctionHandle.of((FuncInst) ref));
            case EXTERNREF -> Value.externref(ref);
            case ANYREF -> Value.anyref(ref);
            case EXNREF -> Value.exnref(ref);
        };
    }

    /** High half of a v128 value, 0 for the others. */
    static long hi(Value v) {
        return v instanceof Value.V128 x ? x.hi() : 0;
    }

    /** Raw bits of a numeric value. */
    static long bits(Value v) {
        return switch (v) {
            case Value.I32 x -> x.value();
            case Value.I64 x -> x.value();
            case Value.F32 x -> x.bits();
            case Value.F64 x -> x.bits();
            case Value.V128 x -> x.lo();
            default -> 0;
        };
    }

    /** The engine-side reference of a value. */
    static Object ref(Value v) {
        return switch (v) {
            case Value.FuncRef x -> FunctionHandle.inst(x.function());
            case Value.ExternRef x -> x.object();
            case Value.AnyRef x -> x.reference();
            case Value.ExnRef x -> x.exception();
            default -> null;
        };
    }

    /**
     * Whether a value is of kind {@code t}. A host value passes between externref and anyref as
     * {@code any.convert_extern} converts it (as the JS API converts a JS value to either).
     */
    static boolean matches(ValType t, Value v) {
        if (v == null) return false;
        if (v.type() == t) return true;
        return t == ValType.ANYREF && v instanceof Value.ExternRef || t == ValType.EXTERNREF && v instanceof Value.AnyRef;
    }

    /**
     * Whether a value has the full type {@code t}: its kind, and for typed references not null where t is
     * non-nullable, of the defined type or a subtype where t names one. What Java hands to a
     * parameter, table or global is checked here, so Wasm code can rely on its types.
     */
    static boolean matches(dev.gatun.model.ValueType t, Value v) {
        if (!matches(ApiTypes.api(t.kind()), v)) return false;
        // Only an exception Wasm caught is an exnref: Java passes back what it got, never a value of its own.
        if (v instanceof Value.ExnRef x && x.exception() != null && !(x.exception() instanceof dev.gatun.runtime.Exn)) return false;
        if (!t.isReference() || t.equals(dev.gatun.model.ValueType.of(t.kind()))) return true;
        Object ref = ref(v);
        if (ref == null) return t.nullable();
        // The same test as ref.test: a host value in the any hierarchy is of type any alone.
        return dev.gatun.runtime.GcOps.test(ref, dev.gatun.runtime.GcOps.target(t));
    }

    /** Stores a value at register r (both halves of a v128); returns the next register. */
    static int store(CallStack m, int r, Value v) {
        m.regs[r] = bits(v);
        m.refs[r] = ref(v);
        if (v instanceof Value.V128 x) {
            m.regs[r + 1] = x.hi();
            m.refs[r + 1] = null;
            return r + 2;
        }
        return r + 1;
    }

    /** Values of the given types from registers starting at r, packed by width (a v128 takes two). */
    static Value[] load(CallStack m, int r, List<ValType> types) {
        Value[] out = new Value[types.size()];
        for (int i = 0; i < out.length; i++) {
            ValType t = types.get(i);
            out[i] = toValue(t, m.regs[r], t == ValType.V128 ? m.regs[r + 1] : 0, m.refs[r]);
            r += t == ValType.V128 ? 2 : 1;
        }
        return out;
    }

    /** The public form of a trap: same kind (by name), detail, frames and cause; an API error as it was. */
    static RuntimeException error(WasmTrap t) {
        if (t.passThrough != null) return t.passThrough;
        List<WasmTrap.Frame> frames = t.frames();
        List<RuntimeError.Frame> stack = new ArrayList<>(frames.size());
        for (WasmTrap.Frame f : frames) stack.add(new RuntimeError.Frame(f.funcidx(), f.name(), f.offset()));
        return new RuntimeError(RuntimeError.Trap.valueOf(t.kind.name()), t.getMessage(), stack, t.getCause());
    }
}
