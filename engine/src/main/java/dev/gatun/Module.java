package dev.gatun;

import dev.gatun.tiering.CodeCache;
import dev.gatun.model.WasmModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    Module(WasmModule wasm, Tier tier) { this(wasm, tier, false); }

    private Module(WasmModule wasm, Tier tier, boolean metered) {
        this.wasm = Objects.requireNonNull(wasm);
        this.tier = Objects.requireNonNull(tier, "tier");
        this.code = new CodeCache(wasm, switch (tier) {
            case INTERPRETER -> CodeCache.INTERPRET;
            case COMPILER -> CodeCache.COMPILE;
            case TIERED -> CodeCache.TIERED;
        }, metered);
        List<ImportDescriptor> in = new ArrayList<>(wasm.imports().size());
        for (WasmModule.Import i : wasm.imports()) {
            dev.gatun.model.ExternType t = i.kind() == dev.gatun.model.ExternKind.FUNCTION ? wasm.types().get(i.typeidx()) : (dev.gatun.model.ExternType) i.type();
            in.add(new ImportDescriptor(i.module(), i.name(), ApiTypes.api(t)));
        }
        this.imports = List.copyOf(in);
        List<ExportDescriptor> out = new ArrayList<>(wasm.exports().size());
        for (WasmModule.Export e : wasm.exports()) {
            dev.gatun.model.ExternType t = switch (e.kind()) {
                case FUNCTION -> wasm.funcType(e.index());
                case TABLE -> wasm.tables().get(e.index());
                case MEMORY -> wasm.memories().get(e.index());
                case GLOBAL -> wasm.globals().get(e.index());
            };
            out.add(new ExportDescriptor(e.name(), ApiTypes.api(t)));
        }
        this.exports = List.copyOf(out);
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
     * same in both tiers. A module without metering runs code with no fuel accounting at all.
     */
    public Module withFuelMetering() {
        return code.metered ? this : new Module(wasm, tier, true);
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
