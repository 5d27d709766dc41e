package dev.gatun.conformance.fuzz;

import dev.gatun.CompileOptions;
import dev.gatun.ExportDescriptor;
import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.Global;
import dev.gatun.ImportDescriptor;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Table;
import dev.gatun.Tier;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.util.ArrayList;
import java.util.List;

/** Binaryen's fuzz-exec trace, normalized, and the same trace of a Gatun run; see {@link GcDifferential}. */
public final class GcTrace {
    private GcTrace() {}

    /** What binaryen's fuzz harness throws as a JavaScript exception (an uncallable export, a bad table index...). */
    static final class JsError extends RuntimeException {
        JsError() { super("jserror", null, false, false); }
    }

    /** An externref binaryen's harness synthesizes for an imported global: a payload from the import's names. */
    record Payload(int n) {}

    /** binaryen's --fuzz-exec-before output as normalized lines. */
    public static List<String> normalize(List<String> raw) {
        List<String> out = new ArrayList<>();
        boolean inResult = false;
        for (String l : raw) {
            if (l.startsWith("[fuzz-exec] export ")) { out.add("export " + l.substring(19)); inResult = false; }
            else if (l.startsWith("[LoggingExternalInterface logging")) { out.add(("log" + l.substring(33, l.length() - 1)).strip()); inResult = false; }
            else if (l.startsWith("[fuzz-exec] note result: ")) {
                out.add("result " + l.substring(l.indexOf(" => ") + 4));
                inResult = true;
            }
            else if (l.startsWith("[trap ")) { out.add("trap"); inResult = false; }
            else if (l.startsWith("[host limit")) { out.add("hostlimit"); inResult = false; }
            else if (l.startsWith("[exception thrown: failed to instantiate")) { out.add("instantiate exception"); inResult = false; }
            else if (l.startsWith("[exception thrown: ")) { out.add("exception" + l.substring(l.indexOf(' ', 19), l.length() - 1)); inResult = false; }
            else if (inResult && !l.startsWith("[") && !l.isEmpty()) out.set(out.size() - 1, out.getLast() + " " + l);
            else inResult = false;
        }
        return out;
    }

    /** Runs every export as binaryen's fuzz-exec does, in one tier; strict: no function left to the interpreter. */
    public static List<String> run(byte[] bytes, Tier tier, boolean strict) {
        Module module = WebAssembly.compile(bytes, CompileOptions.defaults().withTier(tier).withStrictCompilation(strict));
        List<String> out = new ArrayList<>();
        Instance[] self = new Instance[1];
        Imports.Builder imports = Imports.builder();
        for (ImportDescriptor d : module.imports()) {
            if (d.type() instanceof FunctionType ft && d.module().equals("fuzzing-support")) {
                imports.function(d.module(), d.name(), ft, args -> host(d.name(), args, self[0], module, out));
            } else if (d.type() instanceof dev.gatun.GlobalType gt && gt.valType() == ValType.EXTERNREF) {
                int n = 0;
                for (String s : List.of(d.module(), d.name())) for (char c : s.toCharArray()) n = (n + c) % 251;
                imports.add(d.module(), d.name(), new Global(gt, Value.externref(new Payload(n))));
            }
        }
        Instance instance;
        try {
            instance = WebAssembly.instantiate(module, imports.build());
        } catch (RuntimeError e) {
            out.add(kind(e) == JsError.class ? "instantiate exception" : "trap");
            return out;
        } catch (LinkError e) {
            out.add("link error " + e.getMessage());
            return out;
        }
        self[0] = instance;
        try (instance) {
            for (int x = 0; x < module.exports().size(); x++) {
                ExportDescriptor e = module.exports().get(x);
                if (e.type() instanceof dev.gatun.GlobalType) {
                    out.add("export " + e.name());
                    out.add("log " + show(instance.exports().global(e.name()).get()));
                    continue;
                }
                if (!(e.type() instanceof FunctionType ft)) continue;
                out.add("export " + e.name());
                Value[] args = new Value[ft.params().size()];
                for (int i = 0; i < args.length; i++) args[i] = Value.zero(ft.params().get(i));
                instance.setTimeout(Trace.CALL_TIMEOUT);
                try {
                    Value[] r = instance.exports().function(e.name()).call(args);
                    if (r.length > 0) {
                        StringBuilder b = new StringBuilder("result");
                        for (Value v : r) b.append(' ').append(show(v));
                        out.add(b.toString());
                    }
                } catch (IllegalArgumentException err) {
                    out.add("trap");   // a non-nullable parameter: binaryen's harness refuses to call it too
                } catch (RuntimeError err) {
                    Class<?> k = kind(err);
                    if (k == JsError.class) out.add("exception jserror");
                    else if (err.trap() == RuntimeError.Trap.CALL_STACK_EXHAUSTED || k == StackOverflowError.class) { out.add("stack"); return out; }
                    else if (err.trap() == RuntimeError.Trap.INTERRUPTED) out.add("timeout");
                    else out.add("trap");
                } finally {
                    instance.setDeadline(null);
                }
            }
        }
        return out;
    }

    /** What a failure comes down to: JsError, StackOverflowError, or RuntimeError for a trap. */
    static Class<?> kind(RuntimeError e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuntimeError r && r.trap() != RuntimeError.Trap.HOST) return RuntimeError.class;
            if (t instanceof JsError || t instanceof StackOverflowError) return t.getClass();
        }
        return RuntimeError.class;
    }

    private static Value[] host(String name, Value[] args, Instance inst, Module module, List<String> out) {
        if (name.startsWith("log")) {
            StringBuilder b = new StringBuilder("log");
            for (Value v : args) {
                // binaryen logs an i64 as its two i32 halves, low first, as JS legalization would.
                if (v instanceof Value.I64 x) b.append(' ').append((int) x.value()).append(' ').append((int) (x.value() >> 32));
                else b.append(' ').append(show(v));
            }
            out.add(b.toString());
            return name.equals("log-branch") ? new Value[] {args[0]} : new Value[0];
        }
        switch (name) {
            case "sleep": return new Value[] {args[1]};
            case "call-export": callExport(inst, module, ((Value.I32) args[0]).value()); return new Value[0];
            case "call-export-catch": return new Value[] {Value.i32(catching(() -> callExport(inst, module, ((Value.I32) args[0]).value())))};
            case "call-ref": callRef(args[0]); return new Value[0];
            case "call-ref-catch": return new Value[] {Value.i32(catching(() -> callRef(args[0])))};
            case "table-get", "table-set": {
                if (inst == null || !inst.exports().has("table") || !(inst.exports().get("table") instanceof Table t)) throw new JsError();
                long i = Integer.toUnsignedLong(((Value.I32) args[0]).value());
                if (i >= t.size()) throw new JsError();
                if (name.equals("table-get")) return new Value[] {t.get(i)};
                t.set(i, args[1]);
                return new Value[0];
            }
            default: throw new IllegalStateException("unknown fuzzing-support import " + name);
        }
    }

    /** 1 when the call threw a JavaScript or Wasm exception, 0 when it returned; a trap goes on up. */
    private static int catching(Runnable r) {
        try {
            r.run();
            return 0;
        } catch (JsError e) {
            return 1;
        } catch (RuntimeError e) {
            if (kind(e) == JsError.class) return 1;
            throw e;
        }
    }

    private static void callExport(Instance inst, Module module, int index) {
        // During the start function no export exists yet, as in JS.
        if (inst == null || index < 0 || index >= module.exports().size()) throw new JsError();
        ExportDescriptor e = module.exports().get(index);
        if (!(e.type() instanceof FunctionType)) throw new JsError();
        callAsJs(inst.exports().function(e.name()));
    }

    private static void callRef(Value v) {
        if (!(v instanceof Value.FuncRef f) || f.isNull()) throw new JsError();
        callAsJs(f.function());
    }

    /** A call as JS makes it: zero arguments, and a TypeError (here JsError) for an i64 or a non-nullable parameter. */
    private static void callAsJs(Function f) {
        List<ValType> ps = f.type().params();
        if (ps.contains(ValType.I64) || ps.contains(ValType.V128) || f.type().results().contains(ValType.V128)
                || ps.contains(ValType.EXNREF) || f.type().results().contains(ValType.EXNREF)) throw new JsError();
        Value[] args = new Value[ps.size()];
        for (int i = 0; i < args.length; i++) args[i] = Value.zero(ps.get(i));
        try {
            f.call(args);
        } catch (IllegalArgumentException e) {
            throw new JsError();   // a null for a non-nullable reference parameter
        }
    }

    /** A value as binaryen's printValue shows it; floats as ~f32:/~f64: bits, matched by value in {@link #same}. */
    static String show(Value v) {
        return switch (v) {
            case Value.I32 x -> Integer.toString(x.value());
            case Value.I64 x -> Long.toString(x.value());
            case Value.F32 x -> "~f32:" + Integer.toHexString(x.bits());
            case Value.F64 x -> "~f64:" + Long.toHexString(x.bits());
            case Value.FuncRef f -> f.isNull() ? "null" : "function";
            case Value.ExternRef r -> ref(r.object());
            case Value.AnyRef r -> ref(r.reference());
            default -> v.toString();
        };
    }

    private static String ref(Object o) {
        if (o == null) return "null";
        // The API keeps i31 opaque; its printed form "(ref.i31 N)" carries the value.
        String s = o.toString();
        if (s.startsWith("(ref.i31 ")) return "i31ref(" + s.substring(9, s.length() - 1) + ")";
        if (o instanceof Payload p) return "externref(" + p.n() + ")";
        if (o instanceof Function) return "function";
        return "object(null)";
    }

    /** Whether Gatun's token shows the value binaryen printed. */
    static boolean same(String want, String got) {
        if (want.equals(got)) return true;
        if (!got.startsWith("~f")) return false;
        boolean f32 = got.startsWith("~f32:");
        double g = f32 ? Float.intBitsToFloat(Integer.parseUnsignedInt(got.substring(5), 16))
                : Double.longBitsToDouble(Long.parseUnsignedLong(got.substring(5), 16));
        if (Double.isNaN(g)) return want.matches("-?nan(:0x[0-9a-f]+)?");
        if (want.equals("-0")) return g == 0 && 1 / g < 0;
        if (want.equals("inf") || want.equals("-inf")) return g == (want.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        try {
            // An f32 is compared as an f32: a shortest decimal for it need not be the same double.
            boolean equal = f32 ? Float.parseFloat(want) == (float) g : Double.parseDouble(want) == g;
            return equal && !(g == 0 && 1 / g < 0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The lines up to the export where a trace hit a host limit (binaryen) or ran out of stack (Gatun). */
    static int cut(List<String> t) {
        int last = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).startsWith("export ")) last = i;
            if (t.get(i).equals("hostlimit") || t.get(i).equals("stack")) return last;
        }
        return t.size();
    }

    /** Why Gatun's trace differs from binaryen's, or null. */
    public static String differs(List<String> ref, List<String> got, String tier) {
        int n = Math.min(cut(ref), cut(got));
        List<String> a = ref.subList(0, Math.min(n, ref.size())), b = got.subList(0, Math.min(n, got.size()));
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String[] x = a.get(i).split(" "), y = b.get(i).split(" ");
            boolean ok = x.length == y.length;
            for (int j = 0; ok && j < x.length; j++) ok = same(x[j], y[j]);
            if (!ok) return tier + ": differs at line " + (i + 1) + ": want " + a.get(i) + ", got " + b.get(i);
        }
        return a.size() == b.size() ? null : tier + ": " + b.size() + " lines, want " + a.size();
    }
}
