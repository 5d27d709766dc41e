package dev.gatun.interp;

import dev.gatun.binary.WasmModule;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Translated bodies of one module, shared by all its instances. Translation is lazy (first call) and
 * racy-but-idempotent: two threads may translate the same body, the first published result wins.
 */
public final class CodeCache {
    final WasmModule module;
    final int[] typeIds;     // canonical id of each type-section entry
    private final AtomicReferenceArray<Code> codes;
    /** Whether the module's functions are compiled to JVM bytecode (tier 2). */
    private final boolean compile;
    private volatile Compiler.Result compiled;

    public CodeCache(WasmModule module) { this(module, false); }

    public CodeCache(WasmModule module, boolean compile) {
        this.module = module;
        this.compile = compile;
        this.typeIds = new int[module.types().size()];
        for (int i = 0; i < typeIds.length; i++) typeIds[i] = Types.id(module.types().get(i));
        this.codes = new AtomicReferenceArray<>(module.codes().size());
    }

    Code get(int funcidx) {
        int i = funcidx - module.importedFuncs();
        Code c = codes.get(i);
        if (c == null) {
            c = Translator.translate(module, funcidx, typeIds);
            if (!codes.compareAndSet(i, null, c)) c = codes.get(i);
        }
        return c;
    }

    /** Translates every body now (for eager compilation and tests). */
    public void translateAll() {
        for (int i = 0; i < codes.length(); i++) get(i + module.importedFuncs());
    }

    /** The compiled code that runs function funcidx (a defined function), or null when it is interpreted. */
    CompiledCode compiled(int funcidx) {
        if (!compile) return null;
        Compiler.Result r = compiled;
        if (r == null) r = compileAll();
        return r.has(funcidx - module.importedFuncs()) ? r.code() : null;
    }

    /** Compiles the whole module once, on the first instantiation; later instances share the classes. */
    private synchronized Compiler.Result compileAll() {
        Compiler.Result r = compiled;
        if (r == null) compiled = r = Compiler.compile(module, typeIds);
        return r;
    }
}
