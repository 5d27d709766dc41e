package dev.gatun;

import dev.gatun.interpreter.FuncInst;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typed views of a {@link Function}: method handles and functional-interface instances.
 *
 * <p>A compiled (tier-2) function with numeric parameters and at most one numeric result is called
 * straight through its generated static method, with the instance and call depth bound as constants, so
 * the JIT inlines the whole call and nothing is boxed. Every other function (host functions, interpreted
 * code, reference or v128 values, several results) goes through {@link Function#call}, boxing as it does.
 * A function of a tiered module starts on that path and is relinked to the compiled method once it is
 * published, through a {@link MutableCallSite} whose target the JIT treats as a constant.
 */
final class TypedCalls {
    private TypedCalls() {}

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle GENERIC, CHECK_OPEN;

    static {
        try {
            GENERIC = LOOKUP.findVirtual(Generic.class, "invoke", MethodType.methodType(Object.class, Object[].class));
            CHECK_OPEN = LOOKUP.findStatic(TypedCalls.class, "checkOpen",
                    MethodType.methodType(void.class, dev.gatun.interpreter.InstanceState.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The Java type a Wasm value type maps to in a typed view. */
    static Class<?> javaType(ValType t) {
        return switch (t) {
            case I32 -> int.class;
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case V128 -> Value.V128.class;
            case FUNCREF -> Function.class;
            case EXTERNREF, ANYREF -> Object.class;
            case EXNREF -> Value.ExnRef.class;
        };
    }

    /** The natural Java type of a function type: results map to void, one value, or {@code Value[]}. */
    static MethodType naturalType(FunctionType ft) {
        List<Class<?>> ps = new ArrayList<>();
        for (ValType t : ft.params()) ps.add(javaType(t));
        Class<?> r = switch (ft.results().size()) {
            case 0 -> void.class;
            case 1 -> javaType(ft.results().get(0));
            default -> Value[].class;
        };
        return MethodType.methodType(r, ps);
    }

    static MethodHandle handle(Function f) {
        FunctionType ft = f.type();
        MethodType natural = naturalType(ft);
        FuncInst x = FunctionHandle.inst(f);
        FuncInst fi = x != null && x.inst != null && direct(ft) ? x : null;
        if (fi != null) {
            MethodHandle d = direct(fi, natural);
            if (d != null) return d;
        }
        Generic g = new Generic(f, fi);
        MethodHandle generic = GENERIC.bindTo(g).asCollector(Object[].class, ft.params().size()).asType(natural);
        if (fi == null) return generic;
        // Interpreted for now (tiered): relinked to the compiled method once there is one.
        g.site = new MutableCallSite(generic);
        g.natural = natural;
        return g.site.dynamicInvoker();
    }

    /** {@link #handle} adapted to {@code type}, as {@link MethodHandle#asType} converts. */
    static MethodHandle handle(Function f, MethodType type) {
        Objects.requireNonNull(type, "type");
        try {
            return handle(f).asType(type);
        } catch (WrongMethodTypeException e) {
            throw new IllegalArgumentException("cannot call function " + f.type() + " as " + type
                    + " (its Java type is " + naturalType(f.type()) + ")", e);
        }
    }

    /** Whether the compiled method's own signature is the natural type: numeric values, at most one result. */
    private static boolean direct(FunctionType ft) {
        for (ValType t : ft.params()) if (!t.isNumeric()) return false;
        return ft.results().isEmpty() || ft.results().size() == 1 && ft.results().get(0).isNumeric();
    }

    /** The compiled static method with instance and depth bound, its failures turned into public errors. */
    private static MethodHandle direct(FuncInst fi, MethodType natural) {
        MethodHandle e = fi.cm == null ? null : fi.inst.cache.entry(fi.funcidx);
        if (e == null) return null;
        // Depth 1: a typed call enters Wasm afresh. A host function that re-enters through a typed view
        // is bounded by the Java stack instead, which traps as call stack exhausted too.
        e = MethodHandles.insertArguments(e, natural.parameterCount(), fi.inst, 1);
        // As Interpreter.enter does for every other call: a closed instance traps CLOSED (one volatile read).
        e = MethodHandles.foldArguments(e, CHECK_OPEN.bindTo(fi.inst));
        MethodHandle handler = MethodHandles.dropArguments(MethodHandles.insertArguments(RETHROW_IN, 1, fi.inst)
                .asType(MethodType.methodType(natural.returnType(), Throwable.class)), 1, natural.parameterList());
        return MethodHandles.catchException(e.asType(natural), Throwable.class, handler);
    }

    private static void checkOpen(dev.gatun.interpreter.InstanceState st) {
        if (st.closed) throw new dev.gatun.runtime.WasmTrap(dev.gatun.runtime.TrapKind.CLOSED, "the instance was closed");
    }

    private static final MethodHandle RETHROW_IN;

    static {
        try {
            RETHROW_IN = LOOKUP.findStatic(TypedCalls.class, "rethrow", MethodType.methodType(Object.class, Throwable.class,
                    dev.gatun.interpreter.InstanceState.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Never returns: throws what {@link #publicError} makes of {@code t}, or the CLOSED trap for a failed
     * access to a memory closed under the call.
     */
    private static Object rethrow(Throwable t, dev.gatun.interpreter.InstanceState st) throws Throwable {
        if (t instanceof IllegalStateException && dev.gatun.interpreter.Interpreter.closedUnder(st)) {
            throw new RuntimeError(RuntimeError.Trap.CLOSED, "the instance or a memory it uses was closed", List.of(), null);
        }
        throw publicError(t);
    }

    /** What escapes a typed call: a trap becomes a RuntimeError with its Wasm stack, like {@link Function#call}. */
    static Throwable publicError(Throwable t) {
        return switch (t) {
            case WebAssemblyException e -> e;
            case dev.gatun.runtime.WasmTrap w -> Marshalling.error(w);
            case StackOverflowError e -> new RuntimeError(RuntimeError.Trap.CALL_STACK_EXHAUSTED, "Java stack overflow", List.of(), null);
            case dev.gatun.memory.OutOfBoundsException e -> new RuntimeError(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY);
            case ArrayIndexOutOfBoundsException e -> internal(e);
            case IndexOutOfBoundsException e -> new RuntimeError(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY);
            case RuntimeException e -> internal(e);
            default -> t;   // an Error (OutOfMemoryError, ...) is the JVM's, not the module's
        };
    }

    private static RuntimeError internal(RuntimeException e) {
        return new RuntimeError(RuntimeError.Trap.HOST, "internal error: " + e, List.of(), e);
    }

    /** The boxing path: arguments to Values, {@link Function#call}, the result back. */
    static final class Generic {
        private final Function f;
        private final FuncInst fi;          // set when the function may get compiled code later
        MutableCallSite site;
        MethodType natural;
        private boolean relinked;

        Generic(Function f, FuncInst fi) {
            this.f = f;
            this.fi = fi;
        }

        Object invoke(Object[] args) {
            FunctionType ft = f.type();
            Value[] vs = new Value[args.length];
            for (int i = 0; i < vs.length; i++) vs[i] = toValue(ft.params().get(i), args[i]);
            Value[] r = f.call(vs);
            if (site != null && !relinked && fi.cm != null) {
                relinked = true;
                MethodHandle d = direct(fi, natural);
                if (d != null) site.setTarget(d);
            }
            return switch (r.length) {
                case 0 -> null;
                case 1 -> fromValue(r[0]);
                default -> r;
            };
        }
    }

    static Value toValue(ValType t, Object o) {
        return switch (t) {
            case I32 -> Value.i32((Integer) o);
            case I64 -> Value.i64((Long) o);
            case F32 -> Value.f32((Float) o);
            case F64 -> Value.f64((Double) o);
            case V128 -> Objects.requireNonNull((Value.V128) o, "a v128 argument cannot be null");
            case FUNCREF -> Value.funcref((Function) o);
            case EXTERNREF -> Value.externref(o);
            case ANYREF -> Value.anyref(o);
            case EXNREF -> Objects.requireNonNull((Value.ExnRef) o, "an exnref argument is a Value.ExnRef");
        };
    }

    static Object fromValue(Value v) {
        return switch (v) {
            case Value.I32 x -> x.value();
            case Value.I64 x -> x.value();
            case Value.F32 x -> x.value();
            case Value.F64 x -> x.value();
            case Value.V128 x -> x;
            case Value.FuncRef x -> x.function();
            case Value.ExternRef x -> x.object();
            case Value.AnyRef x -> x.reference();
            case Value.ExnRef x -> x;
        };
    }

    // ---- functional-interface views ----

    static <F> F view(Function f, Class<F> iface) {
        Objects.requireNonNull(iface, "iface");
        Method sam = singleAbstractMethod(iface);
        MethodType mt = MethodType.methodType(sam.getReturnType(), sam.getParameterTypes());
        MethodHandle h = handle(f, mt);
        if (accessible(iface)) {
            try {
                return iface.cast(define(iface, sam, mt, h));
            } catch (Throwable e) {
                // Fall through (a LinkageError, in practice): the JDK's proxies reach what a class in this module cannot.
            }
        }
        return MethodHandleProxies.asInterfaceInstance(iface, h);
    }

    private static Method singleAbstractMethod(Class<?> iface) {
        if (!iface.isInterface()) throw new IllegalArgumentException(iface.getName() + " is not an interface");
        Method found = null;
        for (Method m : iface.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) continue;
            if (found != null && !(found.getName().equals(m.getName())
                    && java.util.Arrays.equals(found.getParameterTypes(), m.getParameterTypes()))) {
                throw new IllegalArgumentException(iface.getName() + " has more than one abstract method");
            }
            found = m;
        }
        if (found == null) throw new IllegalArgumentException(iface.getName() + " has no abstract method");
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Whether a class of this module can implement iface: public all the way out and exported to us. */
    private static boolean accessible(Class<?> iface) {
        for (Class<?> c = iface; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        java.lang.Module ours = TypedCalls.class.getModule(), theirs = iface.getModule();
        if (!theirs.isExported(iface.getPackageName(), ours)) return false;
        ours.addReads(theirs);
        return true;
    }

    /**
     * A hidden class implementing iface whose method invokes {@code h}, loaded as a constant from the
     * class data, so the JIT inlines through it (a proxy holds the handle in a field and cannot).
     */
    private static Object define(Class<?> iface, Method sam, MethodType mt, MethodHandle h) throws Throwable {
        ClassDesc self = ClassDesc.of(TypedCalls.class.getPackageName() + ".TypedView");
        MethodTypeDesc desc = mt.describeConstable().orElseThrow();
        var handle = DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA, ConstantDescs.DEFAULT_NAME,
                ConstantDescs.CD_MethodHandle);
        byte[] bytes = ClassFile.of().build(self, clb -> {
            clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            clb.withInterfaceSymbols(iface.describeConstable().orElseThrow());
            clb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, cb -> {
                cb.aload(0);
                cb.invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                cb.return_();
            });
            clb.withMethodBody(sam.getName(), desc, ClassFile.ACC_PUBLIC, cb -> {
                cb.ldc(handle);
                for (int i = 0; i < mt.parameterCount(); i++) cb.loadLocal(
                        java.lang.classfile.TypeKind.from(mt.parameterType(i)), cb.parameterSlot(i));
                cb.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", desc);
                cb.return_(java.lang.classfile.TypeKind.from(mt.returnType()));
            });
        });
        MethodHandles.Lookup l = LOOKUP.defineHiddenClassWithClassData(bytes, h, true);
        return l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
