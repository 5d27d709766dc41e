package dev.gatun;

import dev.gatun.compiler.Compiler;
import dev.gatun.tiering.CodeCache;
import dev.gatun.model.WasmModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded and validated WebAssembly module, ready to be instantiated any number of times (like the
 * JavaScript API's {@code WebAssembly.Module}). Immutable and safe to share between threads.
 * Obtain one from {@link WebAssembly#compile(byte[])} or its streaming and asynchronous variants.
 */
public final class Module {
    private final WasmModule wasm;
    /** How the module's functions run (read by the instantiation code). */
    final Tier tier;
    /** Translated and compiled code of the module's functions, shared by all its instances. */
    final CodeCache code;
    private final List<ImportDescriptor> imports;
    private final List<ExportDescriptor> exports;

    /** Whether a function tier 2 cannot compile is a CompileError rather than left to the interpreter. */
    private final boolean strict;
    private final Compiler.Cache classCache;

    /** {@code classCache}: where tier 2's classes for this module's bytes are kept, or null for nowhere. */
    Module(WasmModule wasm, CompileOptions options, Compiler.Cache classCache) {
        this(wasm, options.tier(), options.strictCompilation(), false, classCache);
    }

    private Module(WasmModule wasm, Tier tier, boolean strict, boolean metered, Compiler.Cache classCache) {
        this.wasm = Objects.requireNonNull(wasm);
        this.tier = Objects.requireNonNull(tier, "tier");
        this.strict = strict;
        this.classCache = classCache;
        this.code = new CodeCache(wasm, switch (tier) {
            case INTERPRETER -> CodeCache.INTERPRET;
            case COMPILER -> CodeCache.COMPILE;
            case TIERED -> CodeCache.TIERED;
        }, metered, classCache);
        List<ImportDescriptor> in = new ArrayList<>(wasm.imports().size());
        for (WasmModule.Import i : wasm.imports()) {
            ExternType t = switch (i.kind()) {
                case FUNCTION -> ApiTypes.api(wasm.functionType(i.typeidx()));
                case TAG -> ApiTypes.tag(wasm.functionType(i.typeidx()));
                default -> ApiTypes.api((dev.gatun.model.ExternType) i.type());
            };
            in.add(new ImportDescriptor(i.module(), i.name(), t));
        }
        this.imports = List.copyOf(in);
        List<ExportDescriptor> out = new ArrayList<>(wasm.exports().size());
        for (WasmModule.Export e : wasm.exports()) {
            ExternType t = switch (e.kind()) {
                case FUNCTION -> ApiTypes.api(wasm.funcType(e.index()));
                case TABLE -> ApiTypes.api(wasm.tables().get(e.index()));
                case MEMORY -> ApiTypes.api(wasm.memories().get(e.index()));
                case GLOBAL -> ApiTypes.api(wasm.globals().get(e.index()));
                case TAG -> ApiTypes.tag(wasm.tagType(e.index()));
            };
            out.add(new ExportDescriptor(e.name(), t));
        }
        this.exports = List.copyOf(out);
        if (strict) checkCompiles();
    }

    /** Strict compilation: compiles now, and refuses the module when any function would stay interpreted. */
    private void checkCompiles() {
        Compiler.Report r = code.compileNow();
        if (r == null || r.interpreted().isEmpty()) return;
        var first = r.interpreted().entrySet().iterator().next();
        int funcidx = first.getKey();
        String name = wasm.names().functions().get(funcidx);
        throw new CompileError(CompileError.Kind.UNCOMPILABLE, wasm.codes().get(funcidx - wasm.importedFuncs()).codeOffset(),
                "function " + funcidx + (name != null ? " (" + name + ")" : "") + " cannot be compiled: " + first.getValue()
                        + (r.interpreted().size() > 1 ? " (and " + (r.interpreted().size() - 1) + " more)" : ""));
    }

    /**
     * What tier 2 compiled of this module's functions, once it has run: at the first instantiation with
     * {@link Tier#COMPILER}, once the module is hot with {@link Tier#TIERED}, at once under strict compilation;
     * empty before, and always with {@link Tier#INTERPRETER}.
     */
    public Optional<CompileReport> compileReport() { return report(code.report()); }

    /**
     * Compiles the module's functions to JVM bytecode now instead of when it first needs them (the first
     * instantiation with {@link Tier#COMPILER}, once hot with {@link Tier#TIERED}), filling the class cache
     * if the options named one, and reports what was compiled; empty with {@link Tier#INTERPRETER}. TIERED
     * code still waits to be published until the module is hot.
     */
    public Optional<CompileReport> compileNow() { return report(code.compileNow()); }

    private Optional<CompileReport> report(Compiler.Report r) {
        if (r == null) return Optional.empty();
        return Optional.of(new CompileReport(wasm.codes().size(), r.compiled(), r.interpreted(), r.largestMethodBytes(), r.largestFuncidx(), r.split()));
    }

    /** The imports in declaration order, each with the type it must be satisfied with. */
    public List<ImportDescriptor> imports() { return imports; }

    /** The exports in declaration order, each with its full type. */
    public List<ExportDescriptor> exports() { return exports; }

    /** Contents of every custom section called {@code name}, in order; each array is a fresh copy. */
    public List<byte[]> customSections(String name) {
        Objects.requireNonNull(name, "name");
        List<byte[]> out = new ArrayList<>();
        for (WasmModule.CustomSection c : wasm.customs()) {
            if (c.name().equals(name)) out.add(c.data().clone());
        }
        return out;
    }

    /**
     * This module with fuel metering (wasmtime's {@code Config::consume_fuel}): its code, in every tier,
     * charges each instance's fuel, and traps with {@link RuntimeError.Trap#OUT_OF_FUEL} when it runs out.
     * Give an instance fuel with {@link InstanceLimits#withFuel} or {@link Instance#setFuel}. Fuel counts
     * Wasm instructions by region (the entry of a function, the header of a loop, up to the next one), the
     * same in both tiers. Metered code polls for {@link Instance#interrupt} and deadlines as it draws fuel,
     * at least every 65,536 units. A module without metering runs code with no fuel accounting at all.
     */
    public Module withFuelMetering() {
        return code.metered ? this : new Module(wasm, tier, strict, true, classCache);
    }

    /** Whether the module's code consumes fuel ({@link #withFuelMetering()}). */
    public boolean fuelMetered() { return code.metered; }

    /** The execution tier chosen when the module was compiled. */
    public Tier tier() { return tier; }

    /** The decoded module. */
    WasmModule wasm() { return wasm; }

    @Override
    public String toString() {
        String name = wasm.names().module();
        return "Module[" + (name != null ? name + ", " : "") + imports.size() + " imports, " + exports.size() + " exports]";
    }
}
