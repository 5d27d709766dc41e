package dev.gatun;

import dev.gatun.model.DefinedType;
import dev.gatun.model.WasmModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A read-only description of what a {@link Module} defines besides its imports and exports, for tools
 * that describe modules ({@code gatun inspect}, like {@code wasm-objdump -x}). Each index space lists the
 * imported entries first, so the defined {@code tables.get(i)} is {@code tableidx} {@code importedTables + i}.
 *
 * @param types              the type section's function types (struct and array types have no API type)
 * @param functions          types of the functions the module defines (the code section)
 * @param tables             tables the module defines
 * @param memories           memories the module defines
 * @param globals            globals the module defines
 * @param importedFunctions  number of imported functions
 * @param importedTables     number of imported tables
 * @param importedMemories   number of imported memories
 * @param importedGlobals    number of imported globals
 * @param start              the start function's {@code funcidx}, if there is one
 * @param elementSegments    number of element segments
 * @param dataSegments       number of data segments
 * @param customSections     names of the custom sections, in order (repeats kept)
 * @param moduleName         the name section's module name, or null
 * @param functionNames      the name section's function names by {@code funcidx}
 * @param exportIndices      for each of {@link Module#exports()}, in the same order, its index in its kind's index space
 * @param tags               exception tags the module defines
 * @param importedTags       number of imported tags
 */
public record ModuleLayout(
        List<FunctionType> types,
        List<FunctionType> functions,
        List<TableType> tables,
        List<MemoryType> memories,
        List<GlobalType> globals,
        int importedFunctions,
        int importedTables,
        int importedMemories,
        int importedGlobals,
        OptionalInt start,
        int elementSegments,
        int dataSegments,
        List<String> customSections,
        String moduleName,
        Map<Integer, String> functionNames,
        List<Integer> exportIndices,
        List<TagType> tags,
        int importedTags) {

    public ModuleLayout {
        types = List.copyOf(types);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        customSections = List.copyOf(customSections);
        functionNames = Map.copyOf(functionNames);
        exportIndices = List.copyOf(exportIndices);
        tags = List.copyOf(tags);
    }

    /** Describes {@code module}. */
    public static ModuleLayout of(Module module) {
        WasmModule w = Objects.requireNonNull(module, "module").wasm();
        List<FunctionType> defined = new ArrayList<>();
        for (int f = w.importedFuncs(); f < w.functionCount(); f++) defined.add(ApiTypes.api(w.funcType(f)));
        List<String> customs = new ArrayList<>();
        for (WasmModule.CustomSection c : w.customs()) customs.add(c.name());
        List<Integer> exportIndices = new ArrayList<>();
        for (WasmModule.Export e : w.exports()) exportIndices.add(e.index());
        return new ModuleLayout(
                w.types().stream().filter(DefinedType::isFunc).map(t -> ApiTypes.api(t.func())).toList(), defined,
                w.tables().subList(w.importedTables(), w.tables().size()).stream().map(ApiTypes::api).toList(),
                w.memories().subList(w.importedMemories(), w.memories().size()).stream().map(ApiTypes::api).toList(),
                w.globals().subList(w.importedGlobals(), w.globals().size()).stream().map(ApiTypes::api).toList(),
                w.importedFuncs(), w.importedTables(), w.importedMemories(), w.importedGlobals(),
                w.start() >= 0 ? OptionalInt.of(w.start()) : OptionalInt.empty(),
                w.elements().size(), w.datas().size(), customs,
                w.names().module(), w.names().functions(), exportIndices,
                java.util.stream.IntStream.range(w.importedTags(), w.tagTypes().length).mapToObj(i -> ApiTypes.tag(w.tagType(i))).toList(),
                w.importedTags());
    }

    @Override
    public String toString() {
        return "ModuleLayout[" + functions.size() + " functions, " + tables.size() + " tables, "
                + memories.size() + " memories, " + globals.size() + " globals, custom " + Arrays.toString(customSections.toArray()) + "]";
    }
}
