package dev.gatun.conformance.fuzz;

import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.HostFunction;
import dev.gatun.ImportDescriptor;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.WasmException;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a binaryen translate-to-fuzz module does when run as binaryen's fuzz shell runs it: every exported
 * function called in order (after the hang-limit reset binaryen's modules expect) with fixed arguments, the
 * fuzzing-support log calls, results, trap categories and a hash of the exported memory, one line each, in
 * the format of {@code trace.mjs} (the Node side). Exports with a v128 in their signature are skipped because
 * JavaScript cannot call them, and {@code log-v128} fails as it does in V8.
 */
public final class Trace {
    private Trace() {}

    /** A call that did not return within this is reported (as a "timeout" line) rather than hanging the fuzzer. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** Thrown by log-v128: V8 cannot pass a v128 to JavaScript either. */
    static final class V128ToJs extends RuntimeException {
        V128ToJs() { super("v128 cannot cross into JavaScript", null, false, false); }
    }

    /** The exported functions JavaScript can call: name, params and results as wasm type names. */
    public static List<String[]> callable(Module m) {
        List<String[]> out = new ArrayList<>();
        for (ExportDescriptor e : m.exports()) {
            if (!(e.type() instanceof FunctionType ft)) continue;
            if (ft.params().contains(ValType.V128) || ft.results().contains(ValType.V128)) continue;
            if (ft.params().contains(ValType.EXNREF) || ft.results().contains(ValType.EXNREF)) continue;
            out.add(new String[] {e.name(), names(ft.params()), names(ft.results())});
        }
        return out;
    }

    private static String names(List<ValType> ts) {
        StringBuilder b = new StringBuilder();
        for (ValType t : ts) b.append(b.isEmpty() ? "" : ",").append(wasmName(t));
        return b.toString();
    }

    private static String wasmName(ValType t) {
        return switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            case V128 -> "v128";
            case FUNCREF -> "funcref";
            case EXTERNREF -> "externref";
            case EXNREF -> "exnref";
            case ANYREF -> "anyref";
        };
    }

    /** Runs the module once. */
    public static List<String> run(Module module) {
        List<String> out = new ArrayList<>();
        Imports.Builder imports = Imports.builder();
        for (ImportDescriptor d : module.imports()) {
            if (!(d.type() instanceof FunctionType ft) || ft.params().size() != 1 || !ft.results().isEmpty()) {
                out.add("instantiate trap link");
                return out;
            }
            ValType t = ft.params().getFirst();
            HostFunction log = t == ValType.V128
                    ? args -> { throw new V128ToJs(); }
                    : args -> { out.add("log " + show(args[0])); return new Value[0]; };
            imports.function(d.module(), d.name(), ft, log);
        }
        Instance instance;
        try {
            instance = WebAssembly.instantiate(module, imports.build());
        } catch (RuntimeError e) {
            out.add("instantiate trap " + category(e));
            return out;
        } catch (LinkError e) {
            out.add("instantiate trap link");
            return out;
        }
        try (instance) {
            var ex = instance.exports();
            for (String[] sig : callable(module)) {
                String name = sig[0];
                FunctionType ft = (FunctionType) module.exports().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().type();
                if (ex.has("hangLimitInitializer")) ex.function("hangLimitInitializer").call();
                Value[] args = new Value[ft.params().size()];
                for (int i = 0; i < args.length; i++) args[i] = arg(ft.params().get(i), i);
                instance.setTimeout(CALL_TIMEOUT);
                try {
                    Value[] r = ex.function(name).call(args);
                    StringBuilder b = new StringBuilder(name).append(" -> (");
                    for (int i = 0; i < r.length; i++) b.append(i > 0 ? ", " : "").append(show(r[i]));
                    out.add(b.append(')').toString());
                } catch (WasmException e) {
                    out.add(name + " exception");   // an uncaught Wasm exception: no trap category
                } catch (RuntimeError e) {
                    String c = category(e);
                    out.add(name + " trap " + c);
                    if (c.equals("stack")) return out;   // as trace.mjs: the rest depends on where the stack ran out
                } finally {
                    instance.setDeadline(null);
                }
            }
            if (ex.has("memory") && ex.get("memory") instanceof Memory m) {
                byte[] b = m.segment().toArray(ValueLayout.JAVA_BYTE);
                int h = 0x811c9dc5;
                for (byte x : b) h = (h ^ (x & 0xFF)) * 16777619;
                out.add("memory " + b.length + " " + Integer.toHexString(h));
            }
        }
        return out;
    }

    /** The trap categories of trace.mjs. */
    static String category(RuntimeError e) {
        return switch (e.trap()) {
            case UNREACHABLE -> "unreachable";
            case INTEGER_DIVIDE_BY_ZERO -> "div0";
            // V8 does not tell a NaN truncation from an out-of-range one (see trace.mjs).
            case INTEGER_OVERFLOW, INVALID_CONVERSION -> "int-range";
            case OUT_OF_BOUNDS_MEMORY -> "memory";
            case OUT_OF_BOUNDS_TABLE, UNDEFINED_ELEMENT -> "table";
            case UNINITIALIZED_ELEMENT, INDIRECT_CALL_TYPE_MISMATCH -> "indirect";
            case CALL_STACK_EXHAUSTED -> "stack";
            case INTERRUPTED -> "timeout";
            case HOST -> e.getCause() instanceof V128ToJs ? "host" : "other HOST: " + e.getMessage();
            default -> "other " + e.trap() + ": " + e.getMessage();
        };
    }

    static Value arg(ValType t, int i) {
        return switch (t) {
            case I32 -> Value.i32(i * 7 - 3);
            case I64 -> Value.i64(-(1L << (i + 20)));
            case F32 -> Value.f32(1.5f * i - 0.25f);
            case F64 -> Value.f64(-2.5 * i + 1e-3);
            case V128 -> new Value.V128(0, 0);
            case FUNCREF -> new Value.FuncRef(null);
            case EXTERNREF -> new Value.ExternRef(null);
            case ANYREF -> new Value.AnyRef(null);
            case EXNREF -> throw new IllegalArgumentException("JavaScript, the reference, can pass no exnref");
        };
    }

    static String show(Value v) {
        return switch (v) {
            case Value.I32 x -> "i32 " + x.value();
            case Value.I64 x -> "i64 " + x.value();
            // NaN payloads are nondeterministic in Wasm: only their being NaN must agree.
            case Value.F32 x -> Float.isNaN(x.value()) ? "f32 nan" : "f32 " + Integer.toHexString(x.bits());
            case Value.F64 x -> Double.isNaN(x.value()) ? "f64 nan" : "f64 " + Long.toHexString(x.bits());
            case Value.FuncRef f -> f.isNull() ? "null" : "ref";
            case Value.ExternRef r -> r.isNull() ? "null" : "ref";
            default -> v.toString();
        };
    }
}
