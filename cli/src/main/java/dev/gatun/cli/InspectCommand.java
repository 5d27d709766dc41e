package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.CompileOptions;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code gatun inspect FILE}: what {@code wasm-objdump -x} tells, in a readable layout. */
final class InspectCommand {
    private InspectCommand() {}

    static final Subcommand COMMAND = new Subcommand("inspect", "Describe a module: imports and exports with their types, "
            + "functions, tables, memories, globals, start function, segments and custom sections.", List.of(),
            Subcommand.optionSet(Subcommand.flag("json", "print one JSON object instead (for scripts)")),
            List.of(new String[][] {{"FILE", "the module (binary, or text format)"}}), 1, false, InspectCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        Path file = a.positionalPath(0);
        byte[] bytes = Cli.binary(file, Cli.read(file));
        Module module;
        try {
            module = SimdRelaunch.compile(bytes, CompileOptions.defaults());
        } catch (CompileError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
        if (a.flag("json")) {
            InspectJson.print(out, file.toString(), bytes, module);
            out.flush();
            return 0;
        }
        print(out, file.toString(), bytes.length, module);
        InspectDetails.print(out, ModuleSections.parse(bytes), ModuleLayout.of(module), Frames.exportNames(module));
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, String name, long size, Module module) {
        ModuleLayout l = ModuleLayout.of(module);
        out.println("module " + name + " (" + size + " bytes" + (l.moduleName() != null ? ", named \"" + l.moduleName() + "\"" : "") + ")");

        List<ImportDescriptor> imports = module.imports();
        out.println();
        out.println("imports (" + imports.size() + "):");
        Map<String, String> rows = new LinkedHashMap<>();
        int[] idx = new int[dev.gatun.ExternKind.values().length];
        for (ImportDescriptor i : imports) {
            String key = kindIndex(i.type(), idx) + "  " + quote(i.module()) + " " + quote(i.name());
            rows.put(key, type(i.type()));
        }
        table(out, rows);

        List<ExportDescriptor> exports = module.exports();
        out.println();
        out.println("exports (" + exports.size() + "):");
        rows = new LinkedHashMap<>();
        Map<Integer, String> exportedAs = new LinkedHashMap<>();
        for (int i = 0; i < exports.size(); i++) {
            ExportDescriptor e = exports.get(i);
            int index = l.exportIndices().get(i);
            rows.put(quote(e.name()), String.format("%-6s %-3d %s", shortKind(e.kind()), index, type(e.type())));
            if (e.kind() == dev.gatun.ExternKind.FUNCTION) exportedAs.putIfAbsent(index, e.name());
        }
        table(out, rows);

        out.println();
        out.println("functions: " + l.functions().size() + " defined, " + l.importedFunctions() + " imported; "
                + l.types().size() + " types");
        rows = new LinkedHashMap<>();
        for (int i = 0; i < l.functions().size(); i++) {
            int funcidx = l.importedFunctions() + i;
            String n = l.functionNames().get(funcidx);
            if (n == null) n = exportedAs.get(funcidx);
            rows.put("func " + funcidx + (n != null ? " <" + n + ">" : ""), signature(l.functions().get(i)));
        }
        table(out, rows);

        section(out, "tables", l.tables(), l.importedTables(), t -> type(t));
        section(out, "memories", l.memories(), l.importedMemories(), t -> type(t));
        section(out, "globals", l.globals(), l.importedGlobals(), t -> type(t));
        if (!l.tags().isEmpty() || l.importedTags() > 0) section(out, "tags", l.tags(), l.importedTags(), t -> type(t));

        out.println();
        out.println("start: " + (l.start().isPresent() ? "func " + l.start().getAsInt()
                + nameOf(l, l.start().getAsInt()) : "none"));
        out.println("element segments: " + l.elementSegments() + ", data segments: " + l.dataSegments());
        out.println("custom sections: " + (l.customSections().isEmpty() ? "none"
                : l.customSections().stream().map(InspectCommand::quote).collect(Collectors.joining(", "))));
    }

    private static String nameOf(ModuleLayout l, int funcidx) {
        String n = l.functionNames().get(funcidx);
        return n != null ? " (" + n + ")" : "";
    }

    private static <T extends ExternType> void section(PrintWriter out, String title, List<T> defined, int imported,
                                                       java.util.function.Function<T, String> fmt) {
        out.println();
        out.println(title + ": " + defined.size() + " defined, " + imported + " imported");
        for (int i = 0; i < defined.size(); i++) out.println("  " + (imported + i) + ": " + fmt.apply(defined.get(i)));
    }

    /** Rows of "left  right", the right column aligned. */
    private static void table(PrintWriter out, Map<String, String> rows) {
        int w = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, String> r : rows.entrySet()) out.println("  " + pad(r.getKey(), w) + "  " + r.getValue());
    }

    private static String pad(String s, int w) { return s + " ".repeat(Math.max(0, w - s.length())); }

    private static String kindIndex(ExternType t, int[] next) {
        int k = t.kind().ordinal();
        return String.format("%-6s %-3d", shortKind(t.kind()), next[k]++);
    }

    /** The text format's keywords: func, table, memory, global. */
    private static String shortKind(dev.gatun.ExternKind k) {
        return k == dev.gatun.ExternKind.FUNCTION ? "func" : k.toString();
    }

    static String type(ExternType t) {
        return switch (t) {
            case FunctionType f -> signature(f);
            // table64 and memory64 types name their address type first, as the text format does.
            case TableType tt -> (tt.address64() ? "i64, " : "") + tt.elementType() + ", " + limits(tt.limits(), "elements");
            case MemoryType m -> (m.address64() ? "i64, " : "") + limits(m.limits(), "pages") + bytesOf(m.limits()) + (m.shared() ? " shared" : "");
            case GlobalType g -> g.mutable() ? "mut " + g.valType() : "const " + g.valType();
            case TagType x -> "(" + names(x.params()) + ")";
        };
    }

    static String signature(FunctionType f) {
        return "(" + names(f.params()) + ") -> (" + names(f.results()) + ")";
    }

    private static String names(List<ValType> ts) {
        return ts.stream().map(ValType::toString).collect(Collectors.joining(", "));
    }

    private static String limits(Limits l, String unit) {
        return l.max().isPresent() ? "initial " + l.min() + ", maximum " + l.max().getAsLong() + " " + unit
                : "initial " + l.min() + " " + unit + ", no maximum";
    }

    private static String bytesOf(Limits l) {
        return " (" + pagesAsBytes(l.min()) + (l.max().isPresent() ? " to " + pagesAsBytes(l.max().getAsLong()) : "") + ")";
    }

    /** A page count in bytes; memory64 counts up to 2^48 pages, whose bytes a long cannot hold. */
    private static String pagesAsBytes(long pages) {
        return pages > Long.MAX_VALUE / 65536 ? "2^" + (63 - Long.numberOfLeadingZeros(pages) + 16) + " bytes" : human(pages * 65536);
    }

    private static String human(long bytes) {
        if (bytes >= 1L << 40 && bytes % (1L << 40) == 0) return (bytes >> 40) + " TiB";
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
        return (bytes >> 10) + " KiB";
    }

    /** Names may hold any Unicode, control characters included: quote and escape them like the text format. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') sb.append('\\').appendCodePoint(c);
            else if (c < 0x20 || c == 0x7f || c == 0xfeff) sb.append(String.format("\\u{%x}", c));
            else sb.appendCodePoint(c);
        });
        return sb.append('"').toString();
    }
}
