package dev.gatun.compiler;

import dev.gatun.runtime.Numerics;
import dev.gatun.interpreter.CallStack;
import dev.gatun.interpreter.CompiledCode;
import dev.gatun.interpreter.FuncInst;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.interpreter.Interpreter;
import dev.gatun.runtime.GlobalInst;
import dev.gatun.runtime.MemInst;
import dev.gatun.runtime.TableInst;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.interpreter.FuelCosts;
import dev.gatun.model.FunctionType;
import dev.gatun.runtime.TrapKind;
import dev.gatun.model.ValType;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.List;

/**
 * Run-time support called from compiled code (tier 2). Helpers are tiny static methods so C2 inlines
 * them; the cold ones (traps, bulk operations, slow calls) stay out of the generated methods to keep
 * those under HotSpot's 8,000-byte compile limit.
 */
public final class CompiledSupport {
    private CompiledSupport() {}

    // ---- memory ----

    static MemorySegment mem(InstanceState inst) {
        MemInst m = inst.mem0;
        return m == null ? null : m.lin.segment();
    }

    static long memSize(InstanceState inst, int k) { return inst.mems[k].size(); }

    static long memGrow(long delta, InstanceState inst, int k) { return inst.mems[k].growRaw(delta); }

    /** Memory k's current segment, for memories other than 0 (whose segment a compiled function caches). */
    static MemorySegment memK(InstanceState inst, int k) { return inst.mems[k].seg(); }

    /** The checked effective address of an access to memory k (any address type). */
    static long ea(long raw, long off, InstanceState inst, int k) { return inst.mems[k].ea(raw, off); }

    static int ldI32(int a, long off, MemorySegment m) { return m.get(Interpreter.I32, (a & 0xFFFF_FFFFL) + off); }
    static long ldI64(int a, long off, MemorySegment m) { return m.get(Interpreter.I64, (a & 0xFFFF_FFFFL) + off); }
    static float ldF32(int a, long off, MemorySegment m) { return Float.intBitsToFloat(m.get(Interpreter.I32, (a & 0xFFFF_FFFFL) + off)); }
    static double ldF64(int a, long off, MemorySegment m) { return Double.longBitsToDouble(m.get(Interpreter.I64, (a & 0xFFFF_FFFFL) + off)); }
    static int ld8S(int a, long off, MemorySegment m) { return m.get(Interpreter.I8, (a & 0xFFFF_FFFFL) + off); }
    static int ld8U(int a, long off, MemorySegment m) { return m.get(Interpreter.I8, (a & 0xFFFF_FFFFL) + off) & 0xFF; }
    static int ld16S(int a, long off, MemorySegment m) { return m.get(Interpreter.I16, (a & 0xFFFF_FFFFL) + off); }
    static int ld16U(int a, long off, MemorySegment m) { return m.get(Interpreter.I16, (a & 0xFFFF_FFFFL) + off) & 0xFFFF; }

    static void stI32(int a, int v, long off, MemorySegment m) { m.set(Interpreter.I32, (a & 0xFFFF_FFFFL) + off, v); }
    static void stI64(int a, long v, long off, MemorySegment m) { m.set(Interpreter.I64, (a & 0xFFFF_FFFFL) + off, v); }
    static void stF32(int a, float v, long off, MemorySegment m) { m.set(Interpreter.I32, (a & 0xFFFF_FFFFL) + off, Float.floatToRawIntBits(v)); }
    static void stF64(int a, double v, long off, MemorySegment m) { m.set(Interpreter.I64, (a & 0xFFFF_FFFFL) + off, Double.doubleToRawLongBits(v)); }
    static void st8(int a, int v, long off, MemorySegment m) { m.set(Interpreter.I8, (a & 0xFFFF_FFFFL) + off, (byte) v); }
    static void st16(int a, int v, long off, MemorySegment m) { m.set(Interpreter.I16, (a & 0xFFFF_FFFFL) + off, (short) v); }

    // Accesses at an effective address already computed and checked by ea (multi-memory, memory64).
    static int ldI32(long ea, MemorySegment m) { return m.get(Interpreter.I32, ea); }
    static long ldI64(long ea, MemorySegment m) { return m.get(Interpreter.I64, ea); }
    static float ldF32(long ea, MemorySegment m) { return Float.intBitsToFloat(m.get(Interpreter.I32, ea)); }
    static double ldF64(long ea, MemorySegment m) { return Double.longBitsToDouble(m.get(Interpreter.I64, ea)); }
    static int ld8S(long ea, MemorySegment m) { return m.get(Interpreter.I8, ea); }
    static int ld8U(long ea, MemorySegment m) { return m.get(Interpreter.I8, ea) & 0xFF; }
    static int ld16S(long ea, MemorySegment m) { return m.get(Interpreter.I16, ea); }
    static int ld16U(long ea, MemorySegment m) { return m.get(Interpreter.I16, ea) & 0xFFFF; }

    static void stI32(long ea, int v, MemorySegment m) { m.set(Interpreter.I32, ea, v); }
    static void stI64(long ea, long v, MemorySegment m) { m.set(Interpreter.I64, ea, v); }
    static void stF32(long ea, float v, MemorySegment m) { m.set(Interpreter.I32, ea, Float.floatToRawIntBits(v)); }
    static void stF64(long ea, double v, MemorySegment m) { m.set(Interpreter.I64, ea, Double.doubleToRawLongBits(v)); }
    static void st8(long ea, int v, MemorySegment m) { m.set(Interpreter.I8, ea, (byte) v); }
    static void st16(long ea, int v, MemorySegment m) { m.set(Interpreter.I16, ea, (short) v); }

    // Bulk memory: raw operands (i32 sign-extended to long), read by each memory's address type.
    static void memoryInit(long d, long s, long n, InstanceState inst, int seg, int k) {
        MemInst.init(inst.mems[k], inst.datas[seg], d, s, n);
    }

    static void dataDrop(InstanceState inst, int seg) { inst.datas[seg] = new byte[0]; }

    static void memoryCopy(long d, long s, long n, InstanceState inst, int dst, int src) {
        MemInst.copy(inst.mems[dst], inst.mems[src], d, s, n);
    }

    static void memoryFill(long d, long v, long n, InstanceState inst, int k) {
        MemInst.fill(inst.mems[k], d, (int) v, n);
    }

    // ---- globals ----

    static int gI32(InstanceState inst, int g) { return (int) inst.globals[g].bits; }
    static long gI64(InstanceState inst, int g) { return inst.globals[g].bits; }
    static float gF32(InstanceState inst, int g) { return Float.intBitsToFloat((int) inst.globals[g].bits); }
    static double gF64(InstanceState inst, int g) { return Double.longBitsToDouble(inst.globals[g].bits); }
    static Object gRef(InstanceState inst, int g) { return inst.globals[g].ref; }

    static void sI32(int v, InstanceState inst, int g) { inst.globals[g].bits = v; }
    static void sI64(long v, InstanceState inst, int g) { inst.globals[g].bits = v; }
    static void sF32(float v, InstanceState inst, int g) { inst.globals[g].bits = Float.floatToRawIntBits(v); }
    static void sF64(double v, InstanceState inst, int g) { inst.globals[g].bits = Double.doubleToRawLongBits(v); }
    static void sRef(Object v, InstanceState inst, int g) { inst.globals[g].ref = v; }
    static void gV128(long[] v, int dst, InstanceState inst, int g) {
        GlobalInst x = inst.globals[g];
        v[dst] = x.bits;
        v[dst + 1] = x.hi;
    }
    static void sV128(long[] v, int src, InstanceState inst, int g) {
        GlobalInst x = inst.globals[g];
        x.bits = v[src];
        x.hi = v[src + 1];
    }

    /** Bootstrap of a compiled SIMD instruction: a constant call site of its {@link dev.gatun.vector.Kernels kernel}. */
    static java.lang.invoke.CallSite kernel(MethodHandles.Lookup l, String name, java.lang.invoke.MethodType type)
            throws ReflectiveOperationException {
        return new java.lang.invoke.ConstantCallSite(MethodHandles.publicLookup().findStatic(dev.gatun.vector.Kernels.owner(name), name, type));
    }

    /** Bootstrap of an i8x16.shuffle's plan, a dynamic constant: built once, from the 16 lane bytes. */
    static dev.gatun.vector.ShufflePlan shufflePlan(MethodHandles.Lookup l, String name, Class<?> type, long lo, long hi) {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 8; i++) {
            lanes[i] = (byte) (lo >>> (8 * i));
            lanes[8 + i] = (byte) (hi >>> (8 * i));
        }
        return dev.gatun.vector.I8x16.shufflePlan(lanes);
    }

    // ---- tables and references ----

    static Object refFunc(InstanceState inst, int f) { return inst.funcs[f]; }

    // Tables: raw operands (i32 sign-extended to long), read by each table's address type.
    static Object tableGet(long i, InstanceState inst, int t) {
        TableInst tb = inst.tables[t];
        return tb.elems[tb.checked(i, TrapKind.OUT_OF_BOUNDS_TABLE)];
    }

    static void tableSet(long i, Object v, InstanceState inst, int t) {
        TableInst tb = inst.tables[t];
        tb.elems[tb.checked(i, TrapKind.OUT_OF_BOUNDS_TABLE)] = v;
    }

    static long tableSize(InstanceState inst, int t) { return inst.tables[t].size; }

    static long tableGrow(Object init, long n, InstanceState inst, int t) { return inst.tables[t].growRaw(n, init); }

    static void tableFill(long i, Object v, long n, InstanceState inst, int t) { inst.tables[t].fill(i, v, n); }

    static void tableCopy(long d, long s, long n, InstanceState inst, int dt, int st) {
        TableInst.copy(inst.tables[dt], inst.tables[st], d, s, n);
    }

    static void tableInit(long d, long s, long n, InstanceState inst, int seg, int t) {
        inst.tables[t].init(inst.elems[seg], d, s, n);
    }

    static void elemDrop(InstanceState inst, int seg) { inst.elems[seg] = new Object[0]; }

    /** call_indirect's lookup and checks against type {@code typeidx}: the callee. */
    static FuncInst indirect(long i, InstanceState inst, int table, int typeidx) {
        return Interpreter.indirect(inst, i, table, inst.typeIds[typeidx]);
    }

    // ---- numerics the JVM has no single instruction for ----

    static float fabs(float x) { return Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7FFF_FFFF); }
    static float fneg(float x) { return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ 0x8000_0000); }
    static float fcopysign(float x, float y) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(x) & 0x7FFF_FFFF) | (Float.floatToRawIntBits(y) & 0x8000_0000));
    }
    static double dabs(double x) { return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0x7FFF_FFFF_FFFF_FFFFL); }
    static double dneg(double x) { return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ 0x8000_0000_0000_0000L); }
    static double dcopysign(double x, double y) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0x7FFF_FFFF_FFFF_FFFFL) | (Double.doubleToRawLongBits(y) & 0x8000_0000_0000_0000L));
    }
    static float fsqrt(float x) { return (float) Math.sqrt(x); }
    static float fceil(float x) { return (float) Math.ceil(x); }
    static float ffloor(float x) { return (float) Math.floor(x); }
    static float ftrunc(float x) { return (float) Numerics.trunc(x); }
    static float fnearest(float x) { return (float) Math.rint(x); }
    static double dceil(double x) { return Numerics.quiet(Math.ceil(x)); }
    static double dfloor(double x) { return Numerics.quiet(Math.floor(x)); }
    static double dtrunc(double x) { return Numerics.quiet(Numerics.trunc(x)); }
    static double dnearest(double x) { return Numerics.quiet(Math.rint(x)); }

    static int i32TruncF32S(float v) { return Numerics.truncI32(v, true); }
    static int i32TruncF32U(float v) { return Numerics.truncI32(v, false); }
    static int i32TruncF64S(double v) { return Numerics.truncI32(v, true); }
    static int i32TruncF64U(double v) { return Numerics.truncI32(v, false); }
    static long i64TruncF32S(float v) { return Numerics.truncI64(v, true); }
    static long i64TruncF32U(float v) { return Numerics.truncI64(v, false); }
    static long i64TruncF64S(double v) { return Numerics.truncI64(v, true); }
    static long i64TruncF64U(double v) { return Numerics.truncI64(v, false); }
    static int i32TruncSatF32U(float v) { return (int) Numerics.satU64(v, true); }
    static int i32TruncSatF64U(double v) { return (int) Numerics.satU64(v, true); }
    static long i64TruncSatF32U(float v) { return Numerics.satU64(v, false); }
    static long i64TruncSatF64U(double v) { return Numerics.satU64(v, false); }
    static float f32ConvertI32U(int x) { return (float) (x & 0xFFFF_FFFFL); }
    static double f64ConvertI32U(int x) { return (double) (x & 0xFFFF_FFFFL); }

    // ---- multi-value results: an Object[] of raw bits (Long) for numbers, the reference itself otherwise ----

    static Object box(int v) { return (long) v; }
    static Object box(long v) { return v; }
    static Object box(float v) { return (long) Float.floatToRawIntBits(v); }
    static Object box(double v) { return Double.doubleToRawLongBits(v); }
    static int unI32(Object o) { return (int) (long) (Long) o; }
    static long unI64(Object o) { return (Long) o; }
    static float unF32(Object o) { return Float.intBitsToFloat((int) (long) (Long) o); }
    static double unF64(Object o) { return Double.longBitsToDouble((Long) o); }

    /** A v128 as compiled code returns it, {lo, hi}, from the register pair at {@code at}. */
    static long[] vget(long[] regs, int at) { return new long[] {regs[at], regs[at + 1]}; }

    /** Stores a returned v128 into the register pair at {@code at}. */
    static void vput(long[] v128, long[] regs, int at) {
        regs[at] = v128[0];
        regs[at + 1] = v128[1];
    }

    /** Stores a compiled function's multiple results into registers at fp (the interpreter's layout). */
    static void spill(Object[] res, CallStack m, int fp, InstanceState inst, int funcidx) {
        List<ValType> rs = inst.module.funcType(funcidx).results();
        m.ensure(fp + Compiler.regs(rs));
        int r = fp;
        for (int i = 0; i < res.length; i++) {
            ValType t = rs.get(i);
            if (t.isReference()) m.refs[r] = res[i];
            else if (t == ValType.V128) vput((long[]) res[i], m.regs, r);
            else m.regs[r] = (Long) res[i];
            r += Compiler.regs(t);
        }
    }

    /** Multiple results from registers at fp, boxed as compiled code returns them (a v128 as {lo, hi}). */
    static Object[] unspill(CallStack m, int fp, FunctionType t) {
        List<ValType> rs = t.results();
        Object[] out = new Object[rs.size()];
        int r = fp;
        for (int i = 0; i < out.length; i++) {
            ValType x = rs.get(i);
            out[i] = x.isReference() ? m.refs[r] : x == ValType.V128 ? vget(m.regs, r) : (Object) m.regs[r];
            r += Compiler.regs(x);
        }
        return out;
    }

    // ---- calls ----

    static CallStack callStack() { return CallStack.current(); }

    /** Where a slow call's arguments go: the first free register, with room for params and results. */
    static int frame(CallStack m, int slots) {
        int fp = m.top;
        m.ensure(fp + slots + 1);
        return fp;
    }

    /**
     * Calls any function (host, compiled in another instance, or interpreted) from compiled code;
     * arguments and then results are in registers at fp. depth counts the Wasm frames below.
     */
    public static void call(FuncInst f, CallStack m, int fp, int depth) {
        Interpreter.callOutOfLine(f, m, fp, depth);
    }

    /** Runs the tail calls a body left pending (see {@link TailCalls}); returns the fp of their results. */
    static int drainTail(CallStack m, int depth) {
        int fp = m.tailFp;
        Interpreter.drain(m, fp, depth);
        return fp;
    }

    static FunctionType typeOf(InstanceState inst, int funcidx) { return inst.module.funcType(funcidx); }

    // ---- traps ----

    static WasmTrap exhausted() { return new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED); }

    /**
     * The second handler of every compiled function: the JVM stack ran out (deep recursion in compiled code
     * overflows it before the call-depth limit). The trap starts here and collects the Wasm frames as it
     * unwinds, like every other trap; if this handler itself overflows, the next frame out tries again.
     */
    static RuntimeException overflow(StackOverflowError e, InstanceState inst, int funcidx, long offset) {
        WasmTrap t = new WasmTrap(TrapKind.CALL_STACK_EXHAUSTED, "JVM stack exhausted");
        t.addFrame(funcidx, inst.module.functionName(funcidx), offset);
        return t;
    }

    /** Slow path of a charge to the fuel local, which went below zero: returns the local's new slice. */
    static int refuel(InstanceState inst, int after, int cost) { return FuelCosts.refill(inst, after + cost, cost); }

    /** Slow path of a charge to the instance's field, already stored below zero. */
    static void refuelField(InstanceState inst, int cost) { inst.fuel = FuelCosts.refill(inst, inst.fuel + cost, cost); }

    static WasmTrap unreachable() { return new WasmTrap(TrapKind.UNREACHABLE); }

    static WasmTrap nullReference() { return new WasmTrap(TrapKind.NULL_REFERENCE); }

    /** call_ref's callee: the reference, which must not be null. */
    static FuncInst funcOfRef(Object ref) {
        if (ref == null) throw new WasmTrap(TrapKind.NULL_FUNCTION_REFERENCE);
        return (FuncInst) ref;
    }

    /** throw_ref: the exception an exnref refers to, or the trap for a null one. */
    static RuntimeException throwRef(Object exn) {
        return exn instanceof dev.gatun.runtime.Exn x ? x : new WasmTrap(TrapKind.NULL_EXCEPTION_REFERENCE);
    }

    /** A new exception with tag {@code tagidx} of the instance; compiled code fills in the payload. */
    static dev.gatun.runtime.Exn exn(InstanceState inst, int tagidx) {
        dev.gatun.runtime.TagInst t = inst.tags[tagidx];
        return new dev.gatun.runtime.Exn(t, new long[t.slots], new Object[t.slots]);
    }

    static int poll(InstanceState inst) { return Interpreter.poll(inst); }

    static void pollCalls(InstanceState inst) {
        inst.callBudget = Interpreter.BUDGET;
        Interpreter.poll(inst);
    }

    /**
     * The exception handler of every compiled function: turns what its body threw into a trap (a
     * memory segment's bounds failure is the spec's out-of-bounds trap) and adds the function's frame,
     * at {@code offset}: the last instruction that could trap, the one that did or the call it was in.
     */
    static RuntimeException unwind(RuntimeException e, InstanceState inst, int funcidx, long offset) {
        WasmTrap t;
        if (e instanceof dev.gatun.runtime.Exn) return e;   // a Wasm exception: not a trap, handlers may catch it
        if (e instanceof WasmTrap w) {
            if (w.passThrough != null) return w;   // the API's own error from a host function: it has its stack
            t = w;
        } else if (e instanceof IndexOutOfBoundsException && !(e instanceof ArrayIndexOutOfBoundsException)
                || e instanceof dev.gatun.memory.OutOfBoundsException) t = new WasmTrap(TrapKind.OUT_OF_BOUNDS_MEMORY);
        else if (e instanceof IllegalStateException && Interpreter.closedUnder(inst)) t = new WasmTrap(TrapKind.CLOSED, "the instance or a memory it uses was closed");
        else t = new WasmTrap(TrapKind.HOST, "internal error: " + e, e);
        t.addFrame(funcidx, funcidx < 0 ? null : inst.module.frameName(funcidx), offset);
        return t;
    }
}
