package dev.gatun.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gatun.ExportDescriptor;
import dev.gatun.ExternType;
import dev.gatun.FunctionType;
import dev.gatun.GlobalType;
import dev.gatun.ImportDescriptor;
import dev.gatun.Limits;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.ModuleLayout;
import dev.gatun.TableType;
import dev.gatun.TagType;
import dev.gatun.ValType;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code gatun inspect --json}: what the text layout shows, as one JSON object for scripts. */
final class InspectJson {
    private InspectJson() {}

    /** Bytes of each data segment included, hex-encoded; the full size is always given. */
    static final int DATA_BYTES = 64;

    static void print(PrintWriter out, String file, byte[] bytes, Module module) {
        ModuleLayout l = ModuleLayout.of(module);
        ModuleSections s = ModuleSections.parse(bytes);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("size", bytes.length);
        m.put("name", l.moduleName());

        List<Object> imports = new ArrayList<>();
        int[] next = new int[dev.gatun.ExternKind.values().length];
        for (ImportDescriptor i : module.imports()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("module", i.module());
            o.put("name", i.name());
            o.put("kind", kind(i.type()));
            o.put("index", next[i.type().kind().ordinal()]++);
            o.put("type", type(i.type()));
            imports.add(o);
        }
        m.put("imports", imports);

        List<Object> exports = new ArrayList<>();
        for (int i = 0; i < module.exports().size(); i++) {
            ExportDescriptor e = module.exports().get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", e.name());
            o.put("kind", kind(e.type()));
            o.put("index", l.exportIndices().get(i));
            o.put("type", type(e.type()));
            exports.add(o);
        }
        m.put("exports", exports);

        m.put("types", l.types().stream().map(InspectJson::type).toList());
        Map<Integer, String> exported = Frames.exportNames(module);
        List<Object> functions = new ArrayList<>();
        for (int i = 0; i < l.functions().size(); i++) {
            int funcidx = l.importedFunctions() + i;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", funcidx);
            o.put("name", l.functionNames().get(funcidx));
            o.put("exportedAs", exported.get(funcidx));
            o.put("type", type(l.functions().get(i)));
            if (i < s.bodies().size()) {
                o.put("bodyOffset", s.bodies().get(i).offset());
                o.put("bodySize", s.bodies().get(i).size());
            }
            functions.add(o);
        }
        m.put("functions", functions);
        m.put("tables", indexed(l.tables(), l.importedTables(), null));
        m.put("memories", indexed(l.memories(), l.importedMemories(), null));
        m.put("globals", indexed(l.globals(), l.importedGlobals(), s.globalInits()));
        m.put("tags", indexed(l.tags(), l.importedTags(), null));
        m.put("start", l.start().isPresent() ? l.start().getAsInt() : null);

        List<Object> elements = new ArrayList<>();
        for (ModuleSections.Elem e : s.elements()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mode", e.mode());
            o.put("table", e.table());
            o.put("offset", e.offset());
            o.put("type", e.type());
            o.put("count", e.count());
            o.put("items", e.items());
            o.put("itemsTruncated", e.items().size() < e.count());
            elements.add(o);
        }
        m.put("elements", elements);
        List<Object> data = new ArrayList<>();
        for (ModuleSections.Data d : s.datas()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mode", d.mode());
            o.put("memory", d.memory());
            o.put("offset", d.offset());
            o.put("fileOffset", d.offsetInFile());
            o.put("size", d.bytes().length);
            int n = Math.min(d.bytes().length, DATA_BYTES);
            o.put("bytes", HexFormat.of().formatHex(d.bytes(), 0, n));
            o.put("bytesTruncated", n < d.bytes().length);
            data.add(o);
        }
        m.put("data", data);
        m.put("customSections", l.customSections());
        List<Object> sections = new ArrayList<>();
        for (ModuleSections.Section sec : s.sections()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", sec.id());
            o.put("name", sec.name());
            o.put("custom", sec.id() == 0);
            o.put("offset", sec.offset());
            o.put("size", sec.size());
            sections.add(o);
        }
        m.put("sections", sections);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new Cli.Failure(Cli.EXIT_INTERNAL, "cannot write JSON: " + e.getOriginalMessage());
        }
    }

    private static List<Object> indexed(List<? extends ExternType> defined, int imported, List<String> inits) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < defined.size(); i++) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", imported + i);
            o.putAll(type(defined.get(i)));
            if (inits != null && i < inits.size()) o.put("init", inits.get(i));
            out.add(o);
        }
        return out;
    }

    private static String kind(ExternType t) {
        return switch (t) {
            case FunctionType f -> "func";
            case TableType tt -> "table";
            case MemoryType mt -> "memory";
            case GlobalType g -> "global";
            case TagType x -> "tag";
        };
    }

    static Map<String, Object> type(ExternType t) {
        Map<String, Object> o = new LinkedHashMap<>();
        switch (t) {
            case FunctionType f -> {
                o.put("params", f.params().stream().map(ValType::toString).toList());
                o.put("results", f.results().stream().map(ValType::toString).toList());
            }
            case TableType tt -> {
                o.put("element", tt.elementType().toString());
                limits(o, tt.limits());
            }
            case MemoryType mt -> {
                limits(o, mt.limits());
                o.put("shared", mt.shared());
            }
            case GlobalType g -> {
                o.put("valType", g.valType().toString());
                o.put("mutable", g.mutable());
            }
            case TagType x -> o.put("params", x.params().stream().map(ValType::toString).toList());
        }
        return o;
    }

    private static void limits(Map<String, Object> o, Limits l) {
        o.put("min", l.min());
        o.put("max", l.max().isPresent() ? l.max().getAsLong() : null);
    }
}
