package dev.gatun.spark;

import dev.gatun.ExportDescriptor;
import dev.gatun.ExternKind;
import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.Instance;
import dev.gatun.Memory;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.ValType;
import dev.gatun.Value;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pooled instance with its export handles and allocator, and the calls that follow the memory
 * convention and the per-call limits. Used by one borrower at a time, through a {@link WasmInstance}.
 */
final class PooledInstance {
    private static final FunctionType MALLOC = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
    private static final FunctionType FREE = FunctionType.of(List.of(ValType.I32), List.of());
    private static final FunctionType DEALLOC = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of());

    private final InstancePool pool;
    private final Instance instance;
    private Duration timeout; // the current borrower's
    private long timeoutNanos;
    /** System.nanoTime() value until which the engine's deadline is armed; 0: not armed. */
    private long armedUntil;
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private static final WasmSignature BYTES_TO_BYTES = WasmSignature.of(WasmType.BINARY, WasmType.BINARY);
    private Memory memory;
    private Function alloc, free;
    private boolean freeTakesLength;
    private boolean poisoned;

    PooledInstance(InstancePool pool, Instance instance) {
        this.pool = pool;
        this.instance = instance;
    }

    /** Sets the per-call timeout for the next borrower (null: none). */
    PooledInstance lend(Duration timeout) {
        if (!java.util.Objects.equals(timeout, this.timeout)) {
            this.timeout = timeout;
            this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
            if (armedUntil != 0) instance.setDeadline(null);
            armedUntil = 0;
        }
        return this;
    }

    /** Runs the module's {@code _initialize} (WASI reactors, C constructors) once, if it exports one. */
    void initialize() {
        if (!instance.exports().has("_initialize")) return;
        try {
            call("_initialize");
        } catch (WasmUdfException e) {
            instance.close();
            pool.discardedAtBirth();
            throw e;
        }
    }

    boolean poisoned() { return poisoned; }

    InstancePool pool() { return pool; }

    Instance instance() { return instance; }

    /**
     * Calls {@code export} with Java values for {@code sig}'s types ({@code Integer}, {@code Long},
     * {@code Float}, {@code Double}, {@code byte[]}, {@code String}); buffers are copied into linear
     * memory, the result is copied out, and all of them are freed. A null argument gives a null result
     * without calling the export (SQL's strict null semantics).
     */
    Object invoke(String export, WasmSignature sig, Object... args) {
        Plan plan = plans.get(export);
        if (plan == null || (plan.sig != sig && !plan.sig.equals(sig))) plan = plan(export, sig);
        WasmType[] ps = plan.params;
        if (args.length != ps.length) {
            throw new WasmUdfException(export, "wasm export '" + export + "' takes " + ps.length
                    + " arguments, got " + args.length);
        }
        if (plan.scalar) { // the common case, kept short: no buffers, one Value per argument
            Value[] a = new Value[ps.length];
            for (int i = 0; i < ps.length; i++) {
                Object x = args[i];
                if (x == null) return null;
                a[i] = scalarArg(export, i, ps[i], x);
            }
            arm();
            Value r = callArmed(export, plan.fn, a)[0]; // a trap poisons inside
            return scalarResult(r);
        }
        for (Object a : args) if (a == null) return null;
        byte[][] buffers = null;
        int wasmArity = 0;
        for (int i = 0; i < args.length; i++) {
            WasmType t = ps[i];
            wasmArity += t.paramTypes().size();
            if (t.isBuffer()) {
                if (buffers == null) buffers = new byte[args.length][];
                buffers[i] = bufferArg(export, i, t, args[i]);
            }
        }
        Value[] wasmArgs = new Value[wasmArity];
        int[] ptrs = buffers == null ? null : new int[args.length];
        boolean ok = false;
        arm();
        try {
            int j = 0;
            for (int i = 0; i < args.length; i++) {
                WasmType t = ps[i];
                if (t.isBuffer()) {
                    byte[] b = buffers[i];
                    int p = b.length == 0 ? 0 : copyIn(export, b);
                    ptrs[i] = p;
                    wasmArgs[j++] = Value.i32(p);
                    wasmArgs[j++] = Value.i32(b.length);
                } else {
                    wasmArgs[j++] = scalarArg(export, i, t, args[i]);
                }
            }
            Value r = callArmed(export, plan.fn, wasmArgs)[0];
            Object out = sig.result().isBuffer() ? bufferResult(export, sig.result(), ((Value.I64) r).value(), buffers, ptrs)
                    : scalarResult(r);
            if (buffers != null) {
                for (int i = 0; i < ptrs.length; i++) if (ptrs[i] != 0) release(export, ptrs[i], buffers[i].length);
            }
            ok = true;
            return out;
        } finally {
            if (!ok) poisoned = true;
        }
    }

    /** Calls a {@code (ptr, len) -> packed} export on one buffer: the partition kernels' common case. */
    byte[] callBytes(String export, byte[] input) {
        return (byte[]) invoke(export, BYTES_TO_BYTES, (Object) input);
    }

    /** Calls an export with raw Wasm values, under the timeout; a trap becomes a {@link WasmUdfException}. */
    Value[] call(String export, Value... args) {
        arm();
        return callArmed(export, args);
    }

    /**
     * Arms the engine's deadline so that this call may run for the full timeout and is stopped within an
     * eighth of it after. Setting a deadline costs two wall-clock reads and some arithmetic (about as
     * much as a small call), so one deadline covers the calls that start in its slack window, and only
     * a nanoTime read is paid per call. Between calls nothing runs, so a deadline left armed is harmless.
     */
    private void arm() {
        if (timeout == null) return;
        long now = System.nanoTime();
        if (armedUntil == 0 || armedUntil - now < timeoutNanos) {
            long span = timeoutNanos + Math.max(timeoutNanos / 8, 1);
            instance.setTimeout(Duration.ofNanos(span));
            armedUntil = now + span;
        }
    }

    /** Called when a borrower returns the instance: the next one may have no timeout. */
    void disarmForPool() {
        if (armedUntil != 0) instance.setDeadline(null);
        armedUntil = 0;
    }

    private Value[] callArmed(String export, Value[] args) {
        return callArmed(export, function(export), args);
    }

    private Value[] callArmed(String export, Function f, Value[] args) {
        try {
            return f.call(args);
        } catch (RuntimeError e) {
            poisoned = true;
            boolean timedOut = timeout != null && e.trap() == RuntimeError.Trap.INTERRUPTED;
            throw WasmUdfException.trapped(export, e, timedOut, timeout);
        } catch (RuntimeException | StackOverflowError e) {
            poisoned = true; // not a trap: an argument the engine refused, or an engine fault
            throw new WasmUdfException(export, "wasm export '" + export + "' failed: " + e);
        }
    }

    /** How to call one export with one signature; kernels pass signatures the driver never checked. */
    private record Plan(WasmSignature sig, Function fn, WasmType[] params, boolean scalar) {}

    private Plan plan(String export, WasmSignature sig) {
        Function fn = function(export);
        try {
            sig.check(export, fn.type());
        } catch (IllegalArgumentException e) {
            throw new WasmUdfException(export, e.getMessage());
        }
        if (sig.usesBuffers()) allocator(export);
        Plan p = new Plan(sig, fn, sig.params().toArray(WasmType[]::new), !sig.usesBuffers());
        plans.put(export, p);
        return p;
    }

    private Function function(String export) {
        Function f = functions.get(export);
        if (f == null) {
            if (!instance.exports().has(export) || !(instance.exports().get(export) instanceof Function fn)) {
                throw new WasmUdfException(export, "the module exports no function '" + export + "'");
            }
            functions.put(export, f = fn);
        }
        return f;
    }

    private static byte[] bufferArg(String export, int i, WasmType t, Object a) {
        if (t == WasmType.STRING && a instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        if (a instanceof byte[] b) return b;
        throw badArg(export, i, t, a);
    }

    private static Value scalarArg(String export, int i, WasmType t, Object a) {
        if (!(a instanceof Number n)) throw badArg(export, i, t, a);
        boolean integral = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
        return switch (t) {
            case INT -> {
                if (!integral || n.longValue() != n.intValue()) throw badArg(export, i, t, a);
                yield Value.i32(n.intValue());
            }
            case LONG -> {
                if (!integral) throw badArg(export, i, t, a);
                yield Value.i64(n.longValue());
            }
            case FLOAT -> Value.f32(n.floatValue());
            case DOUBLE -> Value.f64(n.doubleValue());
            default -> throw new IllegalStateException("not a scalar: " + t);
        };
    }

    private static WasmUdfException badArg(String export, int i, WasmType t, Object a) {
        return new WasmUdfException(export, "argument " + (i + 1) + " of wasm export '" + export + "' must be "
                + t + ", got " + a.getClass().getSimpleName() + " " + a);
    }

    private static Object scalarResult(Value r) {
        return switch (r) {
            case Value.I32 v -> v.value();
            case Value.I64 v -> v.value();
            case Value.F32 v -> v.value();
            case Value.F64 v -> v.value();
            default -> throw new IllegalStateException("not a scalar result: " + r);
        };
    }

    private Object bufferResult(String export, WasmType t, long packed, byte[][] args, int[] argPtrs) {
        if (packed == -1L) return null;
        long ptr = packed >>> 32, len = packed & 0xFFFF_FFFFL;
        Memory m = memory(export);
        if (ptr + len > m.byteSize()) {
            throw new WasmUdfException(export, "wasm export '" + export + "' returned (ptr " + ptr + ", len " + len
                    + ") outside its " + m.byteSize() + "-byte memory");
        }
        if (len > Integer.MAX_VALUE - 16) {
            throw new WasmUdfException(export, "wasm export '" + export + "' returned " + len + " bytes, more than a Spark value holds");
        }
        byte[] out = m.read(ptr, (int) len);
        boolean isArgument = false;
        if (argPtrs != null) for (int p : argPtrs) if (p != 0 && (p & 0xFFFF_FFFFL) == ptr) isArgument = true;
        if (ptr != 0 && !isArgument) release(export, (int) ptr, (int) len);
        return t == WasmType.STRING ? new String(out, StandardCharsets.UTF_8) : out;
    }

    private int copyIn(String export, byte[] b) {
        allocator(export);
        int p = ((Value.I32) callArmed(allocName(), alloc, new Value[] {Value.i32(b.length)})[0]).value();
        Memory m = memory(export);
        long ptr = p & 0xFFFF_FFFFL;
        if (p == 0 || ptr + b.length > m.byteSize()) {
            throw new WasmUdfException(export, "the module's allocator gave " + ptr + " for " + b.length
                    + " bytes (out of memory? it has " + m.byteSize() + " bytes)");
        }
        m.write(ptr, b);
        return p;
    }

    private void release(String export, int ptr, int len) {
        allocator(export);
        callArmed(freeName(), free, freeTakesLength ? new Value[] {Value.i32(ptr), Value.i32(len)} : new Value[] {Value.i32(ptr)});
    }

    private String allocName() { return freeTakesLength ? "alloc" : "malloc"; }

    private String freeName() { return freeTakesLength ? "dealloc" : "free"; }

    private void allocator(String export) {
        if (alloc != null) return;
        Allocator a = Allocator.of(instance.module());
        if (a == null) throw new WasmUdfException(export, Allocator.MISSING);
        freeTakesLength = a == Allocator.ALLOC_DEALLOC;
        alloc = function(allocName());
        free = function(freeName());
    }

    private Memory memory(String export) {
        if (memory != null) return memory;
        for (ExportDescriptor e : instance.module().exports()) {
            if (e.kind() == ExternKind.MEMORY && (memory == null || e.name().equals("memory"))) {
                memory = instance.exports().memory(e.name());
            }
        }
        if (memory == null) throw new WasmUdfException(export, "the module exports no memory for byte arguments and results");
        return memory;
    }

    /** The two allocator conventions a module may follow for byte arguments and results. */
    enum Allocator {
        MALLOC_FREE, ALLOC_DEALLOC;

        static final String MISSING = "the module exports no allocator for byte arguments and results: "
                + "it needs malloc(i32) -> i32 with free(i32), or alloc(i32) -> i32 with dealloc(i32, i32)";

        static Allocator of(Module m) {
            if (has(m, "malloc", MALLOC) && has(m, "free", FREE)) return MALLOC_FREE;
            if (has(m, "alloc", MALLOC) && has(m, "dealloc", DEALLOC)) return ALLOC_DEALLOC;
            return null;
        }

        private static boolean has(Module m, String name, FunctionType t) {
            for (ExportDescriptor e : m.exports()) if (e.name().equals(name) && t.equals(e.type())) return true;
            return false;
        }
    }
}
