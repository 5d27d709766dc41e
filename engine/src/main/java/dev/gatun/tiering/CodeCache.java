package dev.gatun.tiering;

import dev.gatun.compiler.Compiler;
import dev.gatun.interpreter.ModuleCode;
import dev.gatun.interpreter.IrFunction;
import dev.gatun.interpreter.CompiledCode;
import dev.gatun.interpreter.InstanceState;
import dev.gatun.interpreter.Translator;
import dev.gatun.model.WasmModule;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Translated bodies of one module, shared by all its instances. Translation is lazy (first call) and
 * racy-but-idempotent: two threads may translate the same body, the first published result wins.
 */
public final class CodeCache implements ModuleCode {
    final WasmModule module;
    final int[] typeIds;     // canonical id of each type-section entry
    private final AtomicReferenceArray<IrFunction> codes;
    /** Execution modes (the public Tier, seen from here). */
    public static final int INTERPRET = 0, COMPILE = 1, TIERED = 2;
    private final int mode;
    private volatile Compiler.Result compiled;
    /** TIERED with strict compilation: the code compiled up front, published once the module is hot. */
    private volatile Compiler.Result ready;
    /** TIERED, a big module: compiled by its hot functions instead of as a whole (null: as a whole). */
    private final HotFunctions hot;
    /** Whether the module's code charges fuel. */
    public final boolean metered;
    private final Compiler.Cache classCache;
    /** TIERED: work seen in the interpreter (host entries, interrupt polls); compiles once it passes HOT. */
    private int heat;
    private boolean compiling;
    /** TIERED: instances to update when compiled code is published. */
    private final java.util.List<java.lang.ref.WeakReference<InstanceState>> instances = new java.util.ArrayList<>();

    static final int HOT = Integer.getInteger("gatun.tiered.threshold", 64);

    /**
     * Code-section bytes up to which TIERED compiles a module as a whole once it is hot (one class per 128
     * KiB, direct calls between all functions): a small module is compiled in well under a second. A
     * bigger one is compiled by its hot functions ({@link HotFunctions}), unless the class cache already
     * holds its whole compile. Read per module, so a test can set it.
     */
    static int wholeModuleBytes() { return Integer.getInteger("gatun.tiered.wholeModuleBytes", 256 * 1024); }
    /** The compiler threads, shared by all modules: half the machine's processors (at least one, at most four). */
    static final java.util.concurrent.ExecutorService COMPILERS = java.util.concurrent.Executors.newFixedThreadPool(
            Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 1, 4), new java.util.concurrent.ThreadFactory() {
                private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "gatun-tier2-compiler-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });
    public CodeCache(WasmModule module, int mode) { this(module, mode, false, null); }

    /**
     * With {@code metered}, both tiers' code charges fuel (and code without it is never generated); with a
     * {@code classCache}, tier 2 takes its classes from that cache when they are there.
     */
    public CodeCache(WasmModule module, int mode, boolean metered, Compiler.Cache classCache) {
        this.classCache = classCache;
        this.module = module;
        this.mode = mode;
        this.metered = metered;
        this.typeIds = new int[module.types().size()];
        for (int i = 0; i < typeIds.length; i++) typeIds[i] = module.types().get(i).id();
        this.codes = new AtomicReferenceArray<>(module.codes().size());
        long bytes = 0;
        for (WasmModule.FunctionBody b : module.codes()) bytes += b.code().length;
        this.hot = mode == TIERED && bytes > wholeModuleBytes() && !Compiler.inCache(classCache, metered, true)
                ? new HotFunctions(new Compiler.Batches(module, typeIds, metered), module.importedFuncs(), module.codes().size(), this::publish)
                : null;
    }

    @Override
    public IrFunction code(int funcidx) {
        int i = funcidx - module.importedFuncs();
        IrFunction c = codes.get(i);
        if (c == null) {
            c = Translator.translate(module, funcidx, typeIds, metered);
            if (!codes.compareAndSet(i, null, c)) c = codes.get(i);
        }
        return c;
    }

    /**
     * The compiled code that runs function funcidx (a defined function), or null when it is interpreted
     * (for now, when tiered). COMPILE compiles the whole module on first use.
     */
    @Override
    public CompiledCode compiled(int funcidx) {
        if (mode == INTERPRET) return null;
        Compiler.Result r = compiled;
        if (r == null) {
            if (mode == TIERED) return hot == null ? null : hot.code(funcidx - module.importedFuncs());
            r = compileAll();
        }
        return r.code(funcidx - module.importedFuncs());
    }

    @Override
    public java.lang.invoke.MethodHandle entry(int funcidx) {
        if (compiled(funcidx) == null) return null;
        Compiler.Result r = compiled;
        return r != null ? r.entry(funcidx) : hot.entry(funcidx);
    }

    /** Compiles the whole module once, on the first instantiation; later instances share the classes. */
    private synchronized Compiler.Result compileAll() {
        Compiler.Result r = compiled;
        if (r == null) compiled = r = Compiler.compile(module, typeIds, metered, mode == TIERED, classCache);
        return r;
    }

    /**
     * Compiles the module now, as strict compilation checks at compile time, and says what the compile did;
     * TIERED keeps the code until the module is hot. Null for INTERPRET.
     */
    public synchronized Compiler.Report compileNow() {
        if (mode == INTERPRET) return null;
        if (mode == COMPILE) return compileAll().report();
        if (compiled != null) return compiled.report();
        if (ready == null) ready = Compiler.compile(module, typeIds, metered, mode == TIERED, classCache);
        return ready.report();
    }

    /** What tier 2 compiled, once it has: null before (and always for INTERPRET); by its hot functions, so far. */
    public Compiler.Report report() {
        Compiler.Result r = compiled;
        return r != null ? r.report() : hot != null ? hot.report() : null;
    }

    /**
     * TIERED: records interpreter work in function funcidx (-1: not one function's); the module, or with
     * {@link HotFunctions} each hot function, compiles in the background once it is hot.
     */
    @Override
    public void heat(int funcidx, int amount) {
        if (mode != TIERED || compiled != null) return;
        if (hot != null && ready == null) {
            hot.tick(funcidx, (long) amount * HotFunctions.EVENTS_PER_POLL);
            return;
        }
        boolean start = false, now = false;
        synchronized (this) {
            heat += amount;
            if (heat >= HOT && !compiling) {
                start = compiling = true;
                now = ready != null;
            }
        }
        // Compiled up front (strict): publishing is cheap, so it happens here, deterministically.
        if (now) compileAndPublish();
        else if (start) COMPILERS.execute(this::compileAndPublish);
    }

    @Override
    public void called(int funcidx) {
        if (hot != null && ready == null && compiled == null) hot.tick(funcidx, 1);
    }

    private void compileAndPublish() {
        Compiler.Result r;
        synchronized (this) {
            r = ready;
        }
        if (r == null) r = Compiler.compile(module, typeIds, metered, mode == TIERED, classCache);
        synchronized (this) {
            compiled = r;
            for (var ref : instances) {
                InstanceState st = ref.get();
                if (st != null) publish(st, r);
            }
            instances.clear();
        }
    }

    /** A batch of hot functions is compiled: every registered instance switches them to it. */
    private synchronized void publish(int[] defined, Compiler.Result batch) {
        instances.removeIf(w -> w.get() == null);
        for (var ref : instances) {
            InstanceState st = ref.get();
            if (st == null) continue;
            for (int i : defined) {
                CompiledCode c = batch.code(i);
                if (c != null) st.funcs[module.importedFuncs() + i].publish(c);
            }
        }
    }

    /** TIERED: an instance whose functions switch to compiled code when it is published. */
    @Override
    public synchronized void register(InstanceState st) {
        if (mode != TIERED) return;
        Compiler.Result r = compiled;
        if (r != null) publish(st, r);
        else {
            instances.removeIf(w -> w.get() == null);
            instances.add(new java.lang.ref.WeakReference<>(st));
            // The hot functions compiled before this instance was made.
            for (int i = 0; hot != null && i < module.codes().size(); i++) {
                CompiledCode c = hot.code(i);
                if (c != null) st.funcs[module.importedFuncs() + i].publish(c);
            }
        }
    }

    @Override
    public int[] typeIds() { return typeIds; }

    private void publish(InstanceState st, Compiler.Result r) {
        for (int i = module.importedFuncs(); i < st.funcs.length; i++) {
            CompiledCode c = r.code(i - module.importedFuncs());
            if (c != null) st.funcs[i].publish(c);
        }
    }
}
