package dev.gatun.compiler;

import dev.gatun.interpreter.CallStack;
import dev.gatun.interpreter.CompiledCode;
import dev.gatun.interpreter.FuncInst;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.runtime.Numerics;
import dev.gatun.runtime.WasmTrap;
import dev.gatun.model.FunctionType;
import dev.gatun.model.TypeCode;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;
import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.lang.constant.ConstantDescs.*;

/**
 * Tier 2: compiles a module's validated function bodies to JVM bytecode, one static method per Wasm
 * function in hidden classes (one per 128 KiB of Wasm code, unloaded with the module). The Wasm operand stack is the JVM operand
 * stack (validation guarantees the same types at every join, which is what the JVM verifier wants);
 * Wasm locals are typed JVM locals, so C2 does the register allocation. v128 values live in a small
 * {@code long[]} per call instead (see {@link FunctionCompiler}), where the {@link dev.gatun.vector.Kernels} kernels
 * of tier 1 run on them. A function whose method would be over the budget ({@link #maxMethodBytes}) is split
 * into several ({@link BodySplitter}); functions it cannot compile (too big even split, more than 255
 * parameter slots or 8,192 locals) stay in the interpreter and are called through {@link CompiledSupport#call}.
 *
 * <p>Every method takes {@code (params..., InstanceState inst, int depth)}: the class is shared by all
 * instances, and depth is the explicit call-depth count (the interpreter's limit, checked at entry).
 * A v128 parameter is two longs (low half first) and a v128 result a {@code long[] {lo, hi}}. A function
 * with several results returns them boxed in an {@code Object[]} (rare in practice).
 */
public final class Compiler {
    private Compiler() {}

    /**
     * The budget of one generated method, in bytes of JVM code: a function over it is split into several
     * methods ({@link BodySplitter}). HotSpot does not JIT-compile a method over HugeMethodLimit (8,000
     * bytes), unless it runs with {@code -XX:-DontCompileHugeMethods} (the CLI's launcher does). Even then the
     * budget stays at 12,000: C1 runs out of virtual registers on methods from about 13,000 bytes, and a method
     * C1 cannot compile falls back to the bytecode interpreter each time C2's code for it deoptimizes (SQLite's
     * workload ran 1.6x slower with 64 KiB methods). Read per compile, so a test can set a small one.
     */
    static int maxMethodBytes() { return Integer.getInteger("gatun.compiler.maxMethodBytes", HUGE_METHODS ? 12_000 : 7_500); }

    private static final boolean HUGE_METHODS = compilesHugeMethods();

    /** Whether this JVM JIT-compiles methods over HugeMethodLimit; false when it cannot tell. */
    private static boolean compilesHugeMethods() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot != null && "false".equals(hotspot.getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false;   // not HotSpot, or jdk.management not in the runtime: keep to the default limit
        }
    }
    private static final int CHUNK_BITS = 6;

    /** The descriptor of a class the generated code uses, from the class itself so a rename cannot leave it stale. */
    static ClassDesc desc(Class<?> c) {
        return ClassDesc.of(c.getName());
    }

    static final ClassDesc CD_INST = desc(InstanceState.class);
    static final ClassDesc CD_FUNC = desc(FuncInst.class);
    static final ClassDesc CD_CALL_STACK = desc(CallStack.class);
    static final ClassDesc CD_SUPPORT = desc(CompiledSupport.class);
    static final ClassDesc CD_NUMERICS = desc(Numerics.class);
    static final ClassDesc CD_CODE = desc(CompiledCode.class);
    static final ClassDesc CD_FTYPE = desc(FunctionType.class);
    static final ClassDesc CD_SEG = desc(java.lang.foreign.MemorySegment.class);
    static final ClassDesc CD_RTE = desc(RuntimeException.class);
    static final ClassDesc CD_SOE = desc(StackOverflowError.class);
    static final ClassDesc CD_TRAP = desc(WasmTrap.class);
    static final ClassDesc CD_EXN = desc(dev.gatun.runtime.Exn.class);
    static final ClassDesc CD_TAG = desc(dev.gatun.runtime.TagInst.class);
    static final ClassDesc CD_OBJS = CD_Object.arrayType();
    /** The bootstrap of calls into another class of the same module: {@link Linker#link}. */
    static final java.lang.constant.DirectMethodHandleDesc LINK = bootstrap("link");
    /** The bootstrap of calls to a function not compiled yet when the caller is: {@link Linker#linkLater}. */
    static final java.lang.constant.DirectMethodHandleDesc LINK_LATER = bootstrap("linkLater");

    private static java.lang.constant.DirectMethodHandleDesc bootstrap(String name) {
        return java.lang.constant.MethodHandleDesc.ofMethod(java.lang.constant.DirectMethodHandleDesc.Kind.STATIC, desc(Linker.class), name,
                MethodTypeDesc.of(CD_CallSite, CD_MethodHandles_Lookup, CD_String, CD_MethodType, CD_int));
    }
    static final ClassDesc CD_FLOAT = desc(Float.class);
    static final ClassDesc CD_DOUBLE = desc(Double.class);
    static final ClassDesc CD_INTEGER = desc(Integer.class);
    static final ClassDesc CD_LONG = desc(Long.class);
    static final ClassDesc CD_MATH = desc(Math.class);

    /** A module's compiled code: the entry of each defined function's class, null where it is interpreted. */
    public record Result(CompiledCode[] codes, Linker linker, Report report) {
        public CompiledCode code(int defined) { return defined < codes.length ? codes[defined] : null; }

        /**
         * The static method of compiled function {@code funcidx}, typed {@code (params..., InstanceState, int
         * depth) -> result} (see the class comment), or null when it is interpreted. Lets the embedder API call
         * it without the register file, so a typed call boxes nothing.
         */
        public java.lang.invoke.MethodHandle entry(int funcidx) {
            int defined = funcidx - (linker == null ? 0 : linker.imported);
            if (linker == null || defined < 0 || code(defined) == null) return null;
            MethodHandles.Lookup l = linker.lookupOf(funcidx);
            if (l == null) return null;
            // By name: the generated class has exactly one method per compiled function.
            for (java.lang.reflect.Method m : l.lookupClass().getDeclaredMethods()) {
                if (!m.getName().equals("f" + funcidx)) continue;
                try {
                    return l.unreflect(m);
                } catch (IllegalAccessException e) {
                    return null;   // cannot happen with the class's own full-privilege lookup
                }
            }
            return null;   // not generated after all (dropped as oversized): the caller falls back
        }
    }

    private static final Result NONE = new Result(new CompiledCode[0], null, new Report(0, new TreeMap<>(), 0, -1, 0));

    /**
     * What a compile did: how many defined functions it compiled, why each of the others (by funcidx) stays
     * in the interpreter, the largest generated method (bytes of JVM code, and whose), and how many of the
     * compiled functions were split into several methods.
     */
    public record Report(int compiled, java.util.SortedMap<Integer, String> interpreted, int largestMethodBytes, int largestFuncidx,
                         int split) {}

    /**
     * Wasm body bytes per generated class. A class's constant pool holds at most 65,535 entries, so big
     * modules are split; calls between classes link through invokedynamic to a constant call site.
     */
    static int classBytes() { return Integer.getInteger("gatun.compiler.classBytes", 128 * 1024); }

    /**
     * The class cache a compile uses: its directory, and the digest of the module's bytes ({@link ClassCache#digest}),
     * taken when first asked for: most runs of a small module never compile, and SHA-256's set-up alone costs
     * milliseconds of every start. The bytes are copied, so a caller changing its array cannot change the key.
     */
    public static final class Cache {
        private final java.nio.file.Path dir;
        private final boolean wasm2;
        private byte[] bytes, digest;   // bytes until the digest is taken, then only the digest

        public Cache(java.nio.file.Path dir, byte[] moduleBytes, boolean wasm2) {
            this.dir = dir;
            this.bytes = moduleBytes.clone();
            this.wasm2 = wasm2;
        }

        public java.nio.file.Path dir() { return dir; }

        public synchronized byte[] moduleDigest() {
            if (digest == null) {
                digest = ClassCache.digest(bytes, wasm2);
                bytes = null;
            }
            return digest;
        }
    }

    /**
     * Compiles a module's functions. With {@code metered}, every function charges fuel by
     * {@link dev.gatun.interpreter.FuelCosts}, as tier 1 does; with {@code osr}, functions with loops also get
     * an on-stack replacement entry ({@link OsrCodegen}), for calls running in the interpreter when the code is
     * published (TIERED); with a {@code cache} (or null), the classes come from and go to that {@link ClassCache}.
     */
    public static Result compile(WasmModule mod, int[] typeIds, boolean metered, boolean osr, Cache cache) {
        if (mod.codes().isEmpty()) return NONE;
        return new ModuleCompilation(mod, typeIds, metered, osr, cache).run();
    }

    /** Whether the class cache has an entry for this module's compile (without loading it). */
    public static boolean inCache(Cache cache, boolean metered, boolean osr) {
        return cache != null && ClassCache.has(cache, metered, osr);
    }

    /**
     * A compile of a module in batches of functions, as they get hot (tiered execution of a big module):
     * each batch one new class, with on-stack replacement entries; calls to functions of later batches
     * link when those are compiled ({@link Linker}).
     */
    public static final class Batches {
        private final ModuleCompilation compilation;

        public Batches(WasmModule mod, int[] typeIds, boolean metered) {
            this.compilation = new ModuleCompilation(mod, typeIds, metered, true, null, true);
        }

        /**
         * Compiles these defined functions (indices into the code section; ones compiled or given up
         * before are skipped). The result holds code for the ones this batch compiled and the report of
         * all batches so far.
         */
        public Result compile(int[] defined) { return compilation.batch(defined); }
    }

    // ---- the pre-scan: can a body be compiled, and what does it use ----

    /**
     * What a pre-scan of a body found; simd: it has v128 values (locals, blocks or instructions); tails: it
     * makes tail calls that are not jumps back to its own start, so it is split into a body that leaves
     * them pending and a wrapper that runs them ({@link TailCalls}); anyTail: it makes tail calls of any kind.
     */
    record BodySummary(boolean ok, boolean memory, boolean loops, boolean calls, boolean simd, boolean tails, boolean anyTail,
                       boolean osr, String why) {
        private static BodySummary no(String why) { return new BodySummary(false, false, false, false, false, false, false, false, why); }

        static BodySummary of(WasmModule mod, int funcidx) {
            FunctionType ft = mod.funcType(funcidx);
            WasmModule.FunctionBody body = mod.codes().get(funcidx - mod.importedFuncs());
            if (!plain(ft)) return no("more than 253 parameter slots");
            // Locals past a few thousand slots cannot fit the method budget anyway (each needs an initial
            // store), and past 65,535 they cannot be expressed at all.
            if (body.locals().length > 8192) return no(body.locals().length + " locals (at most 8,192 compile)");
            boolean memory = false, loops = false, calls = false, simd = hasV128(ft), tails = false, selfTail = false, tries = false;
            boolean refs = false;
            for (ValType t : body.locals()) {
                simd |= t == ValType.V128;
                refs |= t.isReference();
            }
            for (ValType t : ft.params()) refs |= t.isReference();
            WasmReader s = new WasmReader(body.code(), 0, body.code().length, 0);
            while (!s.atEnd()) {
                Instruction in = InstructionReader.next(s);
                // Tier 2 keeps v128 values in a vector file, not in JVM values a struct or array op can take.
                if (in.prefix == Instruction.PREFIX_GC && v128Field(mod, in, s)) return no("a struct or array of v128 (runs in tier 1)");
                simd |= in.prefix == Instruction.PREFIX_SIMD;
                memory |= usesMemory(in);
                switch (in) {
                    case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                        long v = s.s33();
                        if (v == TypeCode.REF - 0x80 || v == TypeCode.REF_NULL - 0x80) s.s33();
                        simd |= v == ValType.V128.code() - 0x80 || v >= 0 && hasV128(mod.functionType((int) v));
                        if (in == Instruction.LOOP) loops = true;
                        tries |= in == Instruction.TRY || in == Instruction.TRY_TABLE;
                        if (in == Instruction.TRY_TABLE) {
                            // A clause's payload lands on the operand stack: a v128 one needs the vector file.
                            int n = s.u32();
                            for (int i = 0; i < n; i++) {
                                if (s.u8() < 2) simd |= hasV128(mod.tagType(s.u32()));
                                s.u32();
                            }
                        }
                    }
                    case THROW, CATCH -> simd |= hasV128(mod.tagType(s.u32()));
                    case CALL, CALL_INDIRECT, RETURN_CALL, RETURN_CALL_INDIRECT, CALL_REF, RETURN_CALL_REF -> {
                        calls = true;
                        boolean direct = in == Instruction.CALL || in == Instruction.RETURN_CALL;
                        int x = s.u32();
                        FunctionType callee = direct ? mod.funcType(x) : mod.functionType(x);
                        if (in == Instruction.CALL_INDIRECT || in == Instruction.RETURN_CALL_INDIRECT) s.u32();
                        if (in == Instruction.RETURN_CALL && x == funcidx) selfTail = true;
                        else if (in == Instruction.RETURN_CALL || in == Instruction.RETURN_CALL_INDIRECT
                                || in == Instruction.RETURN_CALL_REF) tails = true;
                        if (!plain(callee)) return no("calls a function with more than 253 parameter slots");
                        simd |= hasV128(callee);
                    }
                    case GLOBAL_GET, GLOBAL_SET -> simd |= mod.globals().get(s.u32()).valType() == ValType.V128;
                    case SELECT_T -> {
                        int n = s.u32();
                        for (int i = 0; i < n; i++) {
                            int b = s.u8();
                            simd |= b == ValType.V128.code();
                            if (b == TypeCode.REF || b == TypeCode.REF_NULL) s.s33();
                        }
                    }
                    default -> InstructionReader.skipImmediates(in, s);
                }
            }
            // A self tail call is a jump to the start, except with v128 locals (their file is set up once).
            tails |= selfTail && simd;
            // On-stack replacement takes a frame of scalar locals only (see OsrCodegen).
            boolean osr = loops && !simd && !tails && !tries && !refs;
            return new BodySummary(true, memory, loops, calls, simd, tails, tails || selfTail, osr, null);
        }

        /** Whether a struct or array instruction's type (its first immediate, left unread) has a v128 field. */
        private static boolean v128Field(WasmModule mod, Instruction in, WasmReader s) {
            if (!in.text.startsWith("struct.") && !in.text.startsWith("array.") || in == Instruction.ARRAY_LEN) return false;
            int at = s.pos();
            int x = s.u32();
            s.pos(at);
            boolean v = false;
            dev.gatun.model.CompositeType c = mod.types().get(x).composite();
            if (c instanceof dev.gatun.model.ArrayType a) return a.element().type().kind() == ValType.V128;
            for (dev.gatun.model.FieldType f : ((dev.gatun.model.StructType) c).fields()) v |= f.type().kind() == ValType.V128;
            return v;
        }

        /** Whether an instruction needs the instance's memory (accesses, size, grow, bulk operations, data.drop). */
        private static boolean usesMemory(Instruction in) {
            return in.accessBytes > 0 || switch (in) {
                case MEMORY_SIZE, MEMORY_GROW, MEMORY_INIT, DATA_DROP, MEMORY_COPY, MEMORY_FILL -> true;
                default -> false;
            };
        }

        static boolean hasV128(FunctionType ft) {
            return ft.params().contains(ValType.V128) || ft.results().contains(ValType.V128);
        }

        /** Few enough parameters for a JVM method (255 slots, two of them ours). */
        static boolean plain(FunctionType ft) {
            int n = 2;
            for (ValType t : ft.params()) n += slots(t);
            return n <= 255;
        }
    }

    // ---- types ----

    static ClassDesc desc(ValType t) {
        return switch (t) {
            case I32 -> CD_int;
            case I64 -> CD_long;
            case F32 -> CD_float;
            case F64 -> CD_double;
            default -> CD_Object;
        };
    }

    static TypeKind kind(ValType t) {
        return switch (t) {
            case I32 -> TypeKind.INT;
            case I64 -> TypeKind.LONG;
            case F32 -> TypeKind.FLOAT;
            case F64 -> TypeKind.DOUBLE;
            default -> TypeKind.REFERENCE;
        };
    }

    static boolean wide(ValType t) { return t == ValType.I64 || t == ValType.F64; }

    /** JVM local slots of a parameter: a v128 is passed as two longs (low half first). */
    static int slots(ValType t) { return t == ValType.V128 ? 4 : wide(t) ? 2 : 1; }

    /** Interpreter registers of a value: a v128 takes a pair. */
    static int regs(ValType t) { return t == ValType.V128 ? 2 : 1; }

    static int regs(List<ValType> ts) {
        int n = 0;
        for (ValType t : ts) n += regs(t);
        return n;
    }

    static final ClassDesc CD_LONGS = CD_long.arrayType();

    static ClassDesc ret(FunctionType ft) {
        return switch (ft.results().size()) {
            case 0 -> CD_void;
            // A v128 result comes back as {lo, hi}: short-lived, so escape analysis can drop it once inlined.
            case 1 -> ft.results().get(0) == ValType.V128 ? CD_LONGS : desc(ft.results().get(0));
            default -> CD_OBJS;
        };
    }

    /** (params..., tail...) -> result of ft. */
    static MethodTypeDesc mtd(FunctionType ft, ClassDesc... tail) {
        List<ClassDesc> ps = new ArrayList<>();
        for (ValType t : ft.params()) {
            if (t == ValType.V128) {
                ps.add(CD_long);
                ps.add(CD_long);
            } else {
                ps.add(desc(t));
            }
        }
        ps.addAll(List.of(tail));
        return MethodTypeDesc.of(ret(ft), ps);
    }

    static MethodTypeDesc fnDesc(FunctionType ft) { return mtd(ft, CD_INST, CD_int); }

    /** Converts the value on top of the stack to its raw 64-bit register form. */
    /** A lookupswitch on the int on the stack, one new label per key (returned in key order), else to dflt. */
    static List<Label> lookupswitch(CodeBuilder cb, List<Integer> keys, Label dflt) {
        List<SwitchCase> cases = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int key : keys) {
            Label l = cb.newLabel();
            labels.add(l);
            cases.add(SwitchCase.of(key, l));
        }
        cb.lookupswitch(dflt, cases);
        return labels;
    }

    static void toBits(CodeBuilder cb, ValType t) {
        switch (t) {
            case I32 -> cb.i2l();
            case F32 -> { cb.invokestatic(CD_FLOAT, "floatToRawIntBits", MethodTypeDesc.of(CD_int, CD_float)); cb.i2l(); }
            case F64 -> cb.invokestatic(CD_DOUBLE, "doubleToRawLongBits", MethodTypeDesc.of(CD_long, CD_double));
            default -> { }
        }
    }

    static void fromBits(CodeBuilder cb, ValType t) {
        switch (t) {
            case I32 -> cb.l2i();
            case F32 -> { cb.l2i(); cb.invokestatic(CD_FLOAT, "intBitsToFloat", MethodTypeDesc.of(CD_float, CD_int)); }
            case F64 -> cb.invokestatic(CD_DOUBLE, "longBitsToDouble", MethodTypeDesc.of(CD_double, CD_long));
            default -> { }
        }
    }

    static void unbox(CodeBuilder cb, ValType t) {
        switch (t) {
            case I32 -> cb.invokestatic(CD_SUPPORT, "unI32", MethodTypeDesc.of(CD_int, CD_Object));
            case I64 -> cb.invokestatic(CD_SUPPORT, "unI64", MethodTypeDesc.of(CD_long, CD_Object));
            case F32 -> cb.invokestatic(CD_SUPPORT, "unF32", MethodTypeDesc.of(CD_float, CD_Object));
            case F64 -> cb.invokestatic(CD_SUPPORT, "unF64", MethodTypeDesc.of(CD_double, CD_Object));
            default -> { }
        }
    }

    static void box(CodeBuilder cb, ValType t) {
        if (t.isReference() || t == ValType.V128) return;
        cb.invokestatic(CD_SUPPORT, "box", MethodTypeDesc.of(CD_Object, desc(t)));
    }

    static void support(CodeBuilder cb, String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(CD_SUPPORT, name, MethodTypeDesc.of(ret, params));
    }

    static Opcode negate(Opcode op) {
        return switch (op) {
            case IFEQ -> Opcode.IFNE; case IFNE -> Opcode.IFEQ;
            case IFLT -> Opcode.IFGE; case IFGE -> Opcode.IFLT;
            case IFGT -> Opcode.IFLE; case IFLE -> Opcode.IFGT;
            case IF_ICMPEQ -> Opcode.IF_ICMPNE; case IF_ICMPNE -> Opcode.IF_ICMPEQ;
            case IF_ICMPLT -> Opcode.IF_ICMPGE; case IF_ICMPGE -> Opcode.IF_ICMPLT;
            case IF_ICMPGT -> Opcode.IF_ICMPLE; case IF_ICMPLE -> Opcode.IF_ICMPGT;
            case IFNULL -> Opcode.IFNONNULL; case IFNONNULL -> Opcode.IFNULL;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    // ---- the module's class ----

    static final class GeneratedClass {
        final WasmModule mod;
        final int[] typeIds;
        final boolean[] ok;
        final BodySummary[] scans;
        final int imported;
        final ClassDesc self = ClassDesc.of(Compiler.class.getPackageName() + ".WasmCode");
        final int[] classOf;
        final int klass;
        /** Type indices that need a slow-call adapter / a call_indirect dispatcher / a tail-call helper. */
        final TreeSet<Integer> slowTypes = new TreeSet<>(), indirectTypes = new TreeSet<>(), tailTypes = new TreeSet<>();

        /** Whether the code charges fuel. */
        final boolean metered;
        /** By defined index: about how many Wasm bytes each method of the function holds (0: one method, not split). */
        int[] splitBytes;
        /** The class being built: a split function's regions become methods of it as they are reached. */
        java.lang.classfile.ClassBuilder clb;

        GeneratedClass(WasmModule mod, int[] typeIds, boolean[] ok, BodySummary[] scans, int[] classOf, int klass, boolean metered) {
            this.metered = metered;
            this.classOf = classOf;
            this.klass = klass;
            this.mod = mod;
            this.typeIds = typeIds;
            this.ok = ok;
            this.scans = scans;
            this.imported = mod.importedFuncs();
            this.splitBytes = new int[ok.length];
        }

        boolean compiled(int funcidx) { return funcidx >= imported && ok[funcidx - imported]; }

        /**
         * A compile in batches: by defined index, why a function stays in the interpreter (null while it
         * may still be compiled), else null. A call to a function no batch has compiled yet, and that may
         * be, links late ({@link Linker#linkLater}).
         */
        String[] later;
        /** The functions this class calls late, each through an adapter {@code p<funcidx>} to its slow path. */
        private final TreeSet<Integer> lateCallees = new TreeSet<>();

        boolean callsLate(int funcidx) {
            return later != null && funcidx >= imported && !ok[funcidx - imported] && later[funcidx - imported] == null;
        }

        /** When set (a defined index), the class holds only that function: a probe for what makes a class fail. */
        int only = -1;
        /** Whether functions get on-stack replacement entries, and (by defined index, when set) which do not. */
        boolean osr;
        boolean[] noOsr;
        /** The functions whose entry has a loop to enter, as generated. */
        private final List<Integer> osrFuncs = new ArrayList<>();

        /** Whether defined function i is compiled into this class. */
        boolean mine(int i) { return ok[i] && classOf[i] == klass && (only < 0 || only == i); }

        boolean any() {
            for (int i = 0; i < ok.length; i++) if (mine(i)) return true;
            return false;
        }

        /** Calls compiled function x, arguments (and inst, depth) on the stack. */
        void invokeFn(CodeBuilder cb, int x) {
            MethodTypeDesc d = fnDesc(mod.funcType(x));
            if (callsLate(x)) {
                lateCallees.add(x);
                slowTypes.add(mod.funcTypes()[x]);
                cb.invokedynamic(java.lang.constant.DynamicCallSiteDesc.of(LINK_LATER, "f" + x, d, x));
            } else if (classOf[x - imported] == klass) {
                cb.invokestatic(self, "f" + x, d);
            } else {
                cb.invokedynamic(java.lang.constant.DynamicCallSiteDesc.of(LINK, "f" + x, d, x));
            }
        }

        byte[] generate() {
            ClassHierarchyResolver chr = ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofClassLoading(Compiler.class.getClassLoader()));
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(chr));
            return cf.build(self, clb -> {
                this.clb = clb;
                clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
                clb.withInterfaceSymbols(CD_CODE);
                clb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, cb -> {
                    cb.aload(0);
                    cb.invokespecial(CD_Object, INIT_NAME, MTD_void);
                    cb.return_();
                });
                for (int i = 0; i < ok.length; i++) {
                    if (!mine(i)) continue;
                    int funcidx = imported + i;
                    FunctionType ft = mod.funcType(funcidx);
                    BodySummary scan = scans[i];
                    BodySplitter split = splitBytes[i] == 0 ? null
                            : new BodySplitter(RegionPlan.of(mod, funcidx, splitBytes[i]), ft.params().size() + mod.codes().get(i).locals().length);
                    clb.withMethodBody((scan.tails() ? "b" : "f") + funcidx, fnDesc(ft), ClassFile.ACC_STATIC,
                            cb -> new FunctionCompiler(this, cb, funcidx, scan, split, null).emit());
                    if (scan.tails()) {
                        clb.withMethodBody("f" + funcidx, fnDesc(ft), ClassFile.ACC_STATIC, cb -> TailCalls.wrapper(this, cb, funcidx));
                    }
                    // A split function has no on-stack replacement entry (see BodySplitter).
                    if (osr && scan.osr() && split == null && (noOsr == null || !noOsr[i])) {
                        boolean[] any = {false};
                        clb.withMethodBody("o" + funcidx, fnDesc(ft), ClassFile.ACC_STATIC,
                                cb -> any[0] = new FunctionCompiler(this, cb, funcidx, scan).emitOsr());
                        if (any[0]) osrFuncs.add(funcidx);
                    }
                }
                for (int t : tailTypes) {
                    clb.withMethodBody("tc" + t, TailCalls.helperDesc(mod.functionType(t)), ClassFile.ACC_STATIC,
                            cb -> TailCalls.helper(cb, mod.functionType(t)));
                }
                // Dispatchers may add slow adapters, so they come first.
                for (int t : indirectTypes) {
                    FunctionType ft = mod.functionType(t);
                    slowTypes.add(t);
                    clb.withMethodBody("ci" + t, mtd(ft, CD_FUNC, CD_INST, CD_int), ClassFile.ACC_STATIC, cb -> dispatcher(cb, t));
                }
                for (int x : lateCallees) {
                    clb.withMethodBody("p" + x, fnDesc(mod.funcType(x)), ClassFile.ACC_STATIC, cb -> lateAdapter(cb, x));
                }
                for (int t : slowTypes) {
                    FunctionType ft = mod.functionType(t);
                    clb.withMethodBody("slow" + t, mtd(ft, CD_FUNC, CD_INST, CD_int), ClassFile.ACC_STATIC, cb -> slow(cb, ft));
                }
                invoker(clb);
                clb.withMethodBody("osr", OsrCodegen.DESC, ClassFile.ACC_PUBLIC, cb -> OsrCodegen.dispatcher(this, cb, osrFuncs));
            });
        }

        /** Loads parameters 0..n-1 of a static method onto the stack. */
        static int loadParams(CodeBuilder cb, FunctionType ft) {
            int slot = 0;
            for (ValType t : ft.params()) {
                if (t == ValType.V128) {
                    cb.lload(slot);
                    cb.lload(slot + 2);
                } else {
                    cb.loadLocal(kind(t), slot);
                }
                slot += slots(t);
            }
            return slot;
        }

        /** call_indirect's same-instance fast path: a switch on funcidx over the functions of that type. */
        void dispatcher(CodeBuilder cb, int typeidx) {
            FunctionType ft = mod.functionType(typeidx);
            int pslots = 0;
            for (ValType t : ft.params()) pslots += slots(t);
            int fSlot = pslots, instSlot = pslots + 1, depthSlot = pslots + 2;
            int id = typeIds[typeidx];
            List<Integer> targets = new ArrayList<>();
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] && typeIds[mod.funcTypes()[imported + i]] == id) targets.add(imported + i);
            }
            Label slow = cb.newLabel();
            if (!targets.isEmpty() && targets.size() <= 256) {
                cb.aload(fSlot);
                cb.getfield(CD_FUNC, "inst", CD_INST);
                cb.aload(instSlot);
                cb.if_acmpne(slow);
                cb.aload(fSlot);
                cb.getfield(CD_FUNC, "funcidx", CD_int);
                List<Label> labels = lookupswitch(cb, targets, slow);
                for (int k = 0; k < targets.size(); k++) {
                    cb.labelBinding(labels.get(k));
                    loadParams(cb, ft);
                    cb.aload(instSlot);
                    cb.iload(depthSlot);
                    invokeFn(cb, targets.get(k));
                    returnOf(cb, ft);
                }
            }
            cb.labelBinding(slow);
            loadParams(cb, ft);
            cb.aload(fSlot);
            cb.aload(instSlot);
            cb.iload(depthSlot);
            cb.invokestatic(self, "slow" + typeidx, mtd(ft, CD_FUNC, CD_INST, CD_int));
            returnOf(cb, ft);
        }

        static void returnOf(CodeBuilder cb, FunctionType ft) {
            switch (ft.results().size()) {
                case 0 -> cb.return_();
                case 1 -> cb.return_(kind(ft.results().get(0)));
                default -> cb.areturn();
            }
        }

        /** Calls function x of the same instance through its FuncInst, until a batch compiles it. */
        private void lateAdapter(CodeBuilder cb, int x) {
            FunctionType ft = mod.funcType(x);
            int slot = loadParams(cb, ft);
            cb.aload(slot);
            cb.getfield(CD_INST, "funcs", CD_FUNC.arrayType());
            cb.loadConstant(x);
            cb.aaload();
            cb.aload(slot);
            cb.iload(slot + 1);
            cb.invokestatic(self, "slow" + mod.funcTypes()[x], mtd(ft, CD_FUNC, CD_INST, CD_int));
            returnOf(cb, ft);
        }

        /** Calls any FuncInst through the registers (host, other instance, interpreted). */
        void slow(CodeBuilder cb, FunctionType ft) {
            int pslots = 0;
            for (ValType t : ft.params()) pslots += slots(t);
            int fSlot = pslots, depthSlot = pslots + 2, mSlot = pslots + 3, fpSlot = pslots + 4;
            support(cb, "callStack", CD_CALL_STACK);
            cb.astore(mSlot);
            cb.aload(mSlot);
            cb.loadConstant(Math.max(regs(ft.params()), regs(ft.results())));
            support(cb, "frame", CD_int, CD_CALL_STACK, CD_int);
            cb.istore(fpSlot);
            spillParams(cb, ft, mSlot, fpSlot);
            cb.aload(fSlot);
            cb.aload(mSlot);
            cb.iload(fpSlot);
            cb.iload(depthSlot);
            support(cb, "call", CD_void, CD_FUNC, CD_CALL_STACK, CD_int, CD_int);
            returnResults(cb, ft, mSlot, fpSlot, () -> {
                cb.aload(fSlot);
                cb.getfield(CD_FUNC, "type", CD_FTYPE);
            });
        }

        /** Stores parameters 0..n-1 of a static method into the registers at the fp in local fpSlot. */
        static void spillParams(CodeBuilder cb, FunctionType ft, int mSlot, int fpSlot) {
            int slot = 0, reg = 0;
            for (int i = 0; i < ft.params().size(); i++) {
                ValType t = ft.params().get(i);
                for (int half = 0; half < regs(t); half++) {
                    cb.aload(mSlot);
                    cb.getfield(CD_CALL_STACK, t.isReference() ? "refs" : "regs", t.isReference() ? CD_OBJS : CD_LONGS);
                    cb.iload(fpSlot);
                    cb.loadConstant(reg + half);
                    cb.iadd();
                    if (t == ValType.V128) {
                        cb.lload(slot + 2 * half);
                        cb.lastore();
                    } else {
                        cb.loadLocal(kind(t), slot);
                        if (t.isReference()) cb.aastore();
                        else {
                            toBits(cb, t);
                            cb.lastore();
                        }
                    }
                }
                slot += slots(t);
                reg += regs(t);
            }
        }

        /**
         * Returns the results of ft from the registers at the fp in local fpSlot; several results are
         * boxed by their type, which loadType pushes.
         */
        static void returnResults(CodeBuilder cb, FunctionType ft, int mSlot, int fpSlot, Runnable loadType) {
            List<ValType> rs = ft.results();
            if (rs.isEmpty()) {
                cb.return_();
            } else if (rs.size() == 1) {
                ValType t = rs.get(0);
                cb.aload(mSlot);
                cb.getfield(CD_CALL_STACK, t.isReference() ? "refs" : "regs", t.isReference() ? CD_OBJS : CD_LONGS);
                cb.iload(fpSlot);
                if (t == ValType.V128) support(cb, "vget", CD_LONGS, CD_LONGS, CD_int);
                else if (t.isReference()) cb.aaload();
                else {
                    cb.laload();
                    fromBits(cb, t);
                }
                cb.return_(kind(t));
            } else {
                cb.aload(mSlot);
                cb.iload(fpSlot);
                loadType.run();
                support(cb, "unspill", CD_OBJS, CD_CALL_STACK, CD_int, CD_FTYPE);
                cb.areturn();
            }
        }

        /**
         * The generic entries: a switch on funcidx >> CHUNK_BITS to static per-chunk switches. invoke calls
         * each function's method; invokeTail calls the bodies of the functions split for tail calls
         * (chunks "tinv", which pass any other function on to the "inv" chunk).
         */
        void invoker(java.lang.classfile.ClassBuilder clb) {
            invoker(clb, "invoke", "inv", false);
            invoker(clb, "invokeTail", "tinv", true);
        }

        private void invoker(java.lang.classfile.ClassBuilder clb, String name, String prefix, boolean tail) {
            MethodTypeDesc chunkDesc = MethodTypeDesc.of(CD_void, CD_int, CD_CALL_STACK, CD_int, CD_INST, CD_int);
            TreeMap<Integer, List<Integer>> chunks = new TreeMap<>();
            for (int i = 0; i < ok.length; i++) {
                if (mine(i) && (!tail || scans[i].tails())) {
                    chunks.computeIfAbsent((imported + i) >> CHUNK_BITS, k -> new ArrayList<>()).add(imported + i);
                }
            }
            clb.withMethodBody(name, MethodTypeDesc.of(CD_void, CD_int, CD_CALL_STACK, CD_int, CD_INST, CD_int),
                    ClassFile.ACC_PUBLIC, cb -> {
                        Label bad = cb.newLabel();
                        List<SwitchCase> cases = new ArrayList<>();
                        Map<Integer, Label> ls = new HashMap<>();
                        for (int c : chunks.keySet()) {
                            Label l = cb.newLabel();
                            ls.put(c, l);
                            cases.add(SwitchCase.of(c, l));
                        }
                        cb.iload(1);
                        cb.loadConstant(CHUNK_BITS);
                        cb.ishr();
                        cb.lookupswitch(bad, cases);
                        for (int c : chunks.keySet()) {
                            cb.labelBinding(ls.get(c));
                            for (int s = 1; s <= 5; s++) cb.loadLocal(s == 2 || s == 4 ? TypeKind.REFERENCE : TypeKind.INT, s);
                            cb.invokestatic(self, prefix + c, chunkDesc);
                            cb.return_();
                        }
                        cb.labelBinding(bad);
                        if (tail) {
                            for (int s = 0; s <= 5; s++) cb.loadLocal(s == 0 || s == 2 || s == 4 ? TypeKind.REFERENCE : TypeKind.INT, s);
                            cb.invokevirtual(self, "invoke", chunkDesc);
                            cb.return_();
                        } else {
                            support(cb, "unreachable", CD_TRAP);
                            cb.athrow();
                        }
                    });
            for (var e : chunks.entrySet()) {
                clb.withMethodBody(prefix + e.getKey(), chunkDesc, ClassFile.ACC_STATIC,
                        cb -> invokeChunk(cb, e.getValue(), tail ? "inv" + e.getKey() : null));
            }
        }

        /**
         * Locals: funcidx 0, m 1, fp 2, inst 3, depth 4, regs 5, refs 6, result scratch 7. With others
         * (the tail entry's chunks), the functions of this chunk are called by their bodies, and any other
         * funcidx goes on to the chunk named so.
         */
        void invokeChunk(CodeBuilder cb, List<Integer> funcs, String others) {
            cb.aload(1);
            cb.getfield(CD_CALL_STACK, "regs", CD_long.arrayType());
            cb.astore(5);
            cb.aload(1);
            cb.getfield(CD_CALL_STACK, "refs", CD_OBJS);
            cb.astore(6);
            Label bad = cb.newLabel();
            cb.iload(0);
            List<Label> labels = lookupswitch(cb, funcs, bad);
            for (int k = 0; k < funcs.size(); k++) {
                int f = funcs.get(k);
                FunctionType ft = mod.funcType(f);
                cb.labelBinding(labels.get(k));
                int reg = 0;
                for (int i = 0; i < ft.params().size(); i++) {
                    ValType t = ft.params().get(i);
                    for (int half = 0; half < regs(t); half++) {
                        cb.aload(t.isReference() ? 6 : 5);
                        cb.iload(2);
                        cb.loadConstant(reg + half);
                        cb.iadd();
                        if (t.isReference()) cb.aaload();
                        else {
                            cb.laload();
                            fromBits(cb, t);
                        }
                    }
                    reg += regs(t);
                }
                cb.aload(3);
                cb.iload(4);
                cb.invokestatic(self, (others != null ? "b" : "f") + f, fnDesc(ft));
                if (others != null) {
                    // A body that left a tail call pending returned a placeholder: the caller's trampoline goes on.
                    Label done = cb.newLabel();
                    cb.aload(1);
                    cb.getfield(CD_CALL_STACK, "tail", CD_FUNC);
                    cb.ifnull(done);
                    TailCalls.popResult(cb, ft);
                    cb.return_();
                    cb.labelBinding(done);
                }
                List<ValType> rs = ft.results();
                if (rs.size() == 1) {
                    ValType t = rs.get(0);
                    if (t == ValType.V128) {
                        cb.aload(5);
                        cb.iload(2);
                        support(cb, "vput", CD_void, CD_LONGS, CD_LONGS, CD_int);
                    } else if (t.isReference()) {
                        cb.astore(7);
                        cb.aload(1);
                        cb.getfield(CD_CALL_STACK, "refs", CD_OBJS);
                        cb.iload(2);
                        cb.aload(7);
                        cb.aastore();
                    } else {
                        toBits(cb, t);
                        cb.lstore(7);
                        cb.aload(1);
                        cb.getfield(CD_CALL_STACK, "regs", CD_long.arrayType());
                        cb.iload(2);
                        cb.lload(7);
                        cb.lastore();
                    }
                } else if (rs.size() > 1) {
                    cb.aload(1);
                    cb.iload(2);
                    cb.aload(3);
                    cb.loadConstant(f);
                    support(cb, "spill", CD_void, CD_OBJS, CD_CALL_STACK, CD_int, CD_INST, CD_int);
                }
                cb.return_();
            }
            cb.labelBinding(bad);
            if (others != null) {
                for (int s = 0; s <= 4; s++) cb.loadLocal(s == 1 || s == 3 ? TypeKind.REFERENCE : TypeKind.INT, s);
                cb.invokestatic(self, others, MethodTypeDesc.of(CD_void, CD_int, CD_CALL_STACK, CD_int, CD_INST, CD_int));
                cb.return_();
            } else {
                support(cb, "unreachable", CD_TRAP);
                cb.athrow();
            }
        }
    }
}
