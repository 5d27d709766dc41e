package dev.gatun;

import dev.gatun.interpreter.CallStack;
import dev.gatun.interpreter.FuncInst;
import dev.gatun.interpreter.HostCode;
import dev.gatun.interpreter.Interpreter;
import dev.gatun.runtime.TrapKind;
import dev.gatun.runtime.Exn;
import dev.gatun.runtime.WasmTrap;

import java.util.List;
import java.util.Objects;

/**
 * The one implementation of {@link Function}: the API's face of an engine function instance, made once
 * per instance (so a function keeps its identity through exports, tables and globals). Calls marshal
 * {@link Value}s into the calling thread's registers and turn traps into {@link RuntimeError}s.
 */
final class FunctionHandle implements Function {
    final FuncInst inst;
    private final FunctionType type;
    /** The Java implementation of a host function, called directly from Java; null for Wasm functions. */
    private final HostFunction host;
    /**
     * A host function that takes a {@link Caller}: a recipe, not callable itself, that instantiation
     * turns into one host function per importing instance ({@link #bind}); null for the others.
     */
    final HostFunction.WithCaller withCaller;

    private FunctionHandle(FuncInst inst, FunctionType type, HostFunction host) {
        this(inst, type, host, null);
    }

    private FunctionHandle(FuncInst inst, FunctionType type, HostFunction host, HostFunction.WithCaller withCaller) {
        this.inst = inst;
        this.type = type;
        this.host = host;
        this.withCaller = withCaller;
    }

    /** The handle of an engine function (null for the null reference). */
    static Function of(FuncInst f) {
        if (f == null) return null;
        Object a = f.api;
        if (a != null) return (Function) a;
        synchronized (f) {
            if (f.api == null) f.api = new FunctionHandle(f, ApiTypes.api(f.type), null);
            return (Function) f.api;
        }
    }

    /** The engine function behind a Function (null for the null reference). */
    static FuncInst inst(Function f) {
        return f == null ? null : ((FunctionHandle) f).inst;
    }

    /** A host function: the engine calls it through an adapter that marshals its registers. */
    static Function host(FunctionType type, HostFunction impl) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(impl, "host");
        FuncInst f = new FuncInst(ApiTypes.model(type), new HostAdapter(type, impl));
        FunctionHandle h = new FunctionHandle(f, type, impl);
        f.api = h;
        return h;
    }

    /** A host function that receives the importing instance: its engine function only says it is unbound. */
    static Function hostWithCaller(FunctionType type, HostFunction.WithCaller impl) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(impl, "host");
        // Never reached through the engine: instantiation imports a bound copy instead (and call() refuses).
        HostFunction unbound = args -> {
            throw new IllegalStateException("a host function with a Caller runs only when imported by an instance");
        };
        FuncInst f = new FuncInst(ApiTypes.model(type), new HostAdapter(type, unbound));
        FunctionHandle h = new FunctionHandle(f, type, unbound, impl);
        f.api = h;
        return h;
    }

    /** This caller-taking host function as {@code caller}'s instance imports it. */
    Function bind(Caller caller) {
        HostFunction.WithCaller impl = withCaller;
        return host(type, args -> impl.call(caller, args));
    }

    @Override
    public FunctionType type() { return type; }

    @Override
    public Value[] call(Value... args) {
        List<ValType> ps = type.params(), rs = type.results();
        if (args == null) args = new Value[0];
        if (args.length != ps.size()) {
            throw new IllegalArgumentException("function " + type + " takes " + ps.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            // As the JS API's TypeError: a typed reference parameter takes only what its full type allows.
            if (!Marshalling.matches(inst.type.paramTypes().get(i), args[i])) {
                throw new IllegalArgumentException("argument " + i + " must be " + inst.type.paramTypes().get(i) + ", got " + args[i]);
            }
        }
        if (withCaller != null) {
            throw new IllegalStateException("a host function with a Caller runs only when imported by an instance");
        }
        if (host != null) {
            try {
                Value[] res = host.call(args);
                return res == null ? new Value[0] : res;
            } catch (RuntimeError | WasmException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RuntimeError(RuntimeError.Trap.HOST, String.valueOf(e), List.of(), e);
            }
        }
        CallStack m = CallStack.current();
        int fp = m.top;
        try {
            m.ensure(fp + Math.max(slots(ps), slots(rs)));
            for (int i = 0, r = fp; i < args.length; i++) r = Marshalling.store(m, r, args[i]);
            Interpreter.enter(inst, m, fp);
            return Marshalling.load(m, fp, rs);
        } catch (WasmTrap t) {
            throw Marshalling.error(t);
        } catch (Exn x) {
            throw WasmException.of(x);
        }
    }

    /** Registers a list of values takes (a v128 takes two). */
    static int slots(List<ValType> ts) {
        int n = 0;
        for (ValType t : ts) n += t == ValType.V128 ? 2 : 1;
        return n;
    }

    @Override
    public String toString() {
        return inst.toString();
    }

    /** A Java host function as the engine calls it: Values from the registers, the results back into them. */
    private record HostAdapter(FunctionType type, HostFunction impl) implements HostCode {
        @Override
        public void call(CallStack m, int fp) {
            List<ValType> rs = type.results();
            Value[] res;
            try {
                res = impl.call(Marshalling.load(m, fp, type.params()));
            } catch (WasmException e) {
                throw e.exn();   // a Wasm exception thrown from Java: Wasm handlers can catch it
            } catch (RuntimeError e) {
                throw WasmTrap.passThrough(e);
            }
            if (res == null) res = new Value[0];
            if (res.length != rs.size()) {
                throw new WasmTrap(TrapKind.HOST, "host function returned " + res.length + " values, its type has " + rs.size());
            }
            m.ensure(fp + slots(rs));
            for (int i = 0, r = fp; i < res.length; i++) {
                if (!Marshalling.matches(rs.get(i), res[i])) throw new WasmTrap(TrapKind.HOST, "host function result " + i + " is not " + rs.get(i));
                r = Marshalling.store(m, r, res[i]);
            }
        }
    }
}
