package dev.gatun;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plain Java object's public methods into host functions (see {@link Imports.Builder#bind}).
 * The Wasm type comes from the Java signature: {@code int, long, float, double} are themselves,
 * {@code boolean} an i32 (0 or 1); a {@link String} or {@link MemorySegment} parameter takes two i32s,
 * pointer and byte length in the caller's memory (the string is UTF-8); a {@link Caller} parameter takes
 * none and receives the importing instance.
 */
final class HostBinder {
    private HostBinder() {}

    /** How one Java parameter is filled from the Wasm arguments. */
    private enum Param { I32, I64, F32, F64, BOOL, STRING, SEGMENT, CALLER }

    static Map<String, Function> functions(Object host, MethodHandles.Lookup lookup) {
        Map<String, Function> out = new LinkedHashMap<>();
        Map<String, Method> seen = new LinkedHashMap<>();
        for (Method m : host.getClass().getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isSynthetic() || m.isBridge() || overridesObject(m)) continue;
            Imports.Name n = m.getAnnotation(Imports.Name.class);
            String name = n != null ? n.value() : m.getName();
            Method other = seen.put(name, m);
            if (other != null) {
                throw new IllegalArgumentException("two methods of " + host.getClass().getName() + " import as \"" + name
                        + "\": " + other + " and " + m + " (rename one with @Imports.Name)");
            }
            out.put(name, function(host, m, lookup));
        }
        if (out.isEmpty()) throw new IllegalArgumentException(host.getClass().getName() + " has no public method to import");
        return out;
    }

    private static boolean overridesObject(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Function function(Object host, Method m, MethodHandles.Lookup lookup) {
        Class<?>[] pts = m.getParameterTypes();
        Param[] kinds = new Param[pts.length];
        List<ValType> params = new ArrayList<>();
        boolean needsCaller = false;
        for (int i = 0; i < pts.length; i++) {
            Class<?> p = pts[i];
            kinds[i] = p == int.class ? Param.I32 : p == long.class ? Param.I64 : p == float.class ? Param.F32
                    : p == double.class ? Param.F64 : p == boolean.class ? Param.BOOL : p == String.class ? Param.STRING
                    : p == MemorySegment.class ? Param.SEGMENT : p == Caller.class ? Param.CALLER : null;
            if (kinds[i] == null) throw unsupported(m, "parameter type " + p.getName());
            switch (kinds[i]) {
                case I32, BOOL -> params.add(ValType.I32);
                case I64 -> params.add(ValType.I64);
                case F32 -> params.add(ValType.F32);
                case F64 -> params.add(ValType.F64);
                case STRING, SEGMENT -> {
                    params.add(ValType.I32);
                    params.add(ValType.I32);
                    needsCaller = true;
                }
                case CALLER -> needsCaller = true;
            }
        }
        Class<?> rt = m.getReturnType();
        ValType result = rt == void.class ? null : rt == int.class || rt == boolean.class ? ValType.I32
                : rt == long.class ? ValType.I64 : rt == float.class ? ValType.F32 : rt == double.class ? ValType.F64 : null;
        if (result == null && rt != void.class) throw unsupported(m, "return type " + rt.getName());
        FunctionType type = FunctionType.of(params, result == null ? List.of() : List.of(result));
        MethodHandle h = handle(host, m, lookup).asSpreader(Object[].class, pts.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        HostFunction.WithCaller impl = (caller, args) -> {
            Object[] java = new Object[kinds.length];
            for (int i = 0, w = 0; i < kinds.length; i++) {
                java[i] = switch (kinds[i]) {
                    case I32 -> ((Value.I32) args[w++]).value();
                    case I64 -> ((Value.I64) args[w++]).value();
                    case F32 -> ((Value.F32) args[w++]).value();
                    case F64 -> ((Value.F64) args[w++]).value();
                    case BOOL -> ((Value.I32) args[w++]).value() != 0;
                    case STRING -> {
                        long ptr = Integer.toUnsignedLong(((Value.I32) args[w++]).value());
                        int len = ((Value.I32) args[w++]).value();
                        yield new String(caller.memory().read(ptr, len), StandardCharsets.UTF_8);
                    }
                    case SEGMENT -> {
                        long ptr = Integer.toUnsignedLong(((Value.I32) args[w++]).value());
                        long len = Integer.toUnsignedLong(((Value.I32) args[w++]).value());
                        yield caller.memory().slice(ptr, len);
                    }
                    case CALLER -> caller;
                };
            }
            Object r;
            try {
                r = (Object) h.invokeExact(java);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new RuntimeError(RuntimeError.Trap.HOST, String.valueOf(t), List.of(), t);
            }
            if (result == null) return new Value[0];
            return new Value[] {switch (result) {
                case I32 -> Value.i32(r instanceof Boolean b ? (b ? 1 : 0) : (Integer) r);
                case I64 -> Value.i64((Long) r);
                case F32 -> Value.f32((Float) r);
                case F64 -> Value.f64((Double) r);
                default -> throw new AssertionError(result);
            }};
        };
        if (needsCaller) return Function.host(type, impl);
        return Function.host(type, args -> impl.call(null, args));
    }

    private static MethodHandle handle(Object host, Method m, MethodHandles.Lookup lookup) {
        try {
            if (lookup == null) {
                if (!m.trySetAccessible()) {
                    throw new IllegalArgumentException("cannot call " + m + " from dev.gatun: pass MethodHandles.lookup() "
                            + "as bind's third argument (or make the class public, in a package exported to dev.gatun)");
                }
                lookup = MethodHandles.lookup();
            }
            MethodHandle h = lookup.unreflect(m);
            return Modifier.isStatic(m.getModifiers()) ? h : h.bindTo(host);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot call " + m + " with the given lookup: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException unsupported(Method m, String what) {
        return new IllegalArgumentException("cannot import " + m + ": " + what + " has no Wasm mapping (use int, long, "
                + "float, double, boolean, String, MemorySegment or Caller)");
    }
}
